// CountMinSketch: approximate sums per key in fixed memory (Cormode and
// Muthukrishnan 2005). A key's estimate is never below its true sum and,
// with two rows of 2^15 counters, rarely above it by more than e/2^15 of
// everything added. The exfiltration detector sums every outbound flow's
// bytes here and tracks a pair exactly only once its estimate is large.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace flowmon::detect {

class CountMinSketch {
 public:
  static constexpr size_t kWidth = size_t{1} << 15;

  CountMinSketch() : counts_(2 * kWidth, 0) {}

  // Adds `w` to the key hashed to `h` (well mixed); returns its estimate.
  double Add(uint64_t h, double w) {
    double& a = counts_[h & (kWidth - 1)];
    double& b = counts_[kWidth + ((h >> 32) & (kWidth - 1))];
    a += w;
    b += w;
    return std::min(a, b);
  }
  void Merge(const CountMinSketch& other) {
    for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  }

 private:
  std::vector<double> counts_;
};

}  // namespace flowmon::detect
