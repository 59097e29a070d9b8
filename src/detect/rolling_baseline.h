// RollingBaseline: the last N values of a per-minute series and their
// median and median absolute deviation (MAD), the robust baseline the spike
// detector judges each new minute against: one odd minute moves neither.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace flowmon::detect {

class RollingBaseline {
 public:
  explicit RollingBaseline(size_t capacity)
      : ring_(capacity < 1 ? 1 : capacity) {}

  void Push(double v) {
    ring_[next_] = v;
    next_ = (next_ + 1) % ring_.size();
    if (size_ < ring_.size()) ++size_;
  }
  size_t size() const { return size_; }

  // REQUIRES: size() > 0. The median of an even count is the mean of the
  // two middle values.
  void MedianMad(double* median, double* mad) const {
    std::vector<double> v(ring_.begin(),
                          ring_.begin() + static_cast<ptrdiff_t>(size_));
    *median = Median(&v);
    for (double& x : v) x = std::fabs(x - *median);
    *mad = Median(&v);
  }

  // The MAD scaled to a normal distribution's standard deviation.
  static constexpr double kMadScale = 1.4826;

 private:
  static double Median(std::vector<double>* v) {
    const size_t n = v->size();
    auto mid = v->begin() + static_cast<ptrdiff_t>(n / 2);
    std::nth_element(v->begin(), mid, v->end());
    const double upper = *mid;
    if (n % 2 == 1) return upper;
    const double lower = *std::max_element(v->begin(), mid);
    return (lower + upper) / 2;
  }

  std::vector<double> ring_;
  size_t next_ = 0;
  size_t size_ = 0;
};

}  // namespace flowmon::detect
