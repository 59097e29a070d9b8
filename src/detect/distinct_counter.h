// DistinctCounter: how many distinct values (ports, hosts) a key has seen,
// in bounded memory: exact up to kExact values, then a HyperLogLog sketch
// (2^11 one-byte registers, about 2.3% standard error). No Debian package
// offers a HyperLogLog for C++, so this is a small one of our own.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace flowmon::detect {

class HyperLogLog {
 public:
  static constexpr int kPrecision = 11;
  static constexpr size_t kRegisters = size_t{1} << kPrecision;

  // `hash` must be well mixed (Mix64 of the value).
  void Add(uint64_t hash);
  void Merge(const HyperLogLog& other);
  // The estimate: the raw HyperLogLog one, or linear counting while many
  // registers are still empty (Flajolet et al. 2007's small-range rule).
  double Estimate() const;

 private:
  std::array<uint8_t, kRegisters> registers_{};
};

class DistinctCounter {
 public:
  DistinctCounter() = default;
  DistinctCounter(DistinctCounter&&) = default;
  DistinctCounter& operator=(DistinctCounter&&) = default;

  void Add(uint64_t hash);
  void Merge(const DistinctCounter& other);
  double Estimate() const;
  // True once the count comes from the sketch.
  bool approximate() const { return sketch_ != nullptr; }

  static constexpr size_t kExact = 64;

 private:
  void Promote();
  static constexpr size_t kInline = 4;
  uint8_t inline_size_ = 0;
  std::array<uint64_t, kInline> inline_{};
  std::unique_ptr<std::vector<uint64_t>> exact_;  // past kInline
  std::unique_ptr<HyperLogLog> sketch_;           // past kExact
};

}  // namespace flowmon::detect
