#include "detect/distinct_counter.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace flowmon::detect {

void HyperLogLog::Add(uint64_t hash) {
  const size_t index = hash >> (64 - kPrecision);
  // The rank of the first 1 bit in what remains; the sentinel bit bounds it.
  const uint64_t rest =
      (hash << kPrecision) | (uint64_t{1} << (kPrecision - 1));
  const uint8_t rank = static_cast<uint8_t>(std::countl_zero(rest) + 1);
  registers_[index] = std::max(registers_[index], rank);
}

void HyperLogLog::Merge(const HyperLogLog& other) {
  for (size_t i = 0; i < kRegisters; ++i) {
    registers_[i] = std::max(registers_[i], other.registers_[i]);
  }
}

double HyperLogLog::Estimate() const {
  const double m = static_cast<double>(kRegisters);
  double sum = 0;
  size_t zeros = 0;
  for (const uint8_t r : registers_) {
    sum += std::ldexp(1.0, -static_cast<int>(r));
    if (r == 0) ++zeros;
  }
  const double alpha = 0.7213 / (1 + 1.079 / m);
  const double raw = alpha * m * m / sum;
  if (raw <= 2.5 * m && zeros > 0) {
    return m * std::log(m / static_cast<double>(zeros));
  }
  return raw;
}

void DistinctCounter::Add(uint64_t hash) {
  if (sketch_ != nullptr) {
    sketch_->Add(hash);
    return;
  }
  for (size_t i = 0; i < inline_size_; ++i) {
    if (inline_[i] == hash) return;
  }
  if (exact_ == nullptr) {
    if (inline_size_ < kInline) {
      inline_[inline_size_++] = hash;
      return;
    }
    exact_ = std::make_unique<std::vector<uint64_t>>();
  }
  if (std::find(exact_->begin(), exact_->end(), hash) != exact_->end()) return;
  exact_->push_back(hash);
  if (inline_size_ + exact_->size() > kExact) Promote();
}

void DistinctCounter::Promote() {
  sketch_ = std::make_unique<HyperLogLog>();
  for (size_t i = 0; i < inline_size_; ++i) sketch_->Add(inline_[i]);
  if (exact_ != nullptr) {
    for (const uint64_t h : *exact_) sketch_->Add(h);
  }
  exact_.reset();
  inline_size_ = 0;
}

void DistinctCounter::Merge(const DistinctCounter& other) {
  if (other.sketch_ != nullptr) {
    if (sketch_ == nullptr) Promote();
    sketch_->Merge(*other.sketch_);
    return;
  }
  for (size_t i = 0; i < other.inline_size_; ++i) Add(other.inline_[i]);
  if (other.exact_ != nullptr) {
    for (const uint64_t h : *other.exact_) Add(h);
  }
}

double DistinctCounter::Estimate() const {
  if (sketch_ != nullptr) return std::round(sketch_->Estimate());
  return static_cast<double>(inline_size_ +
                             (exact_ == nullptr ? 0 : exact_->size()));
}

}  // namespace flowmon::detect
