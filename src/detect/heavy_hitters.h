// HeavyHitters: the few addresses that carry most of a weight (bytes), in
// fixed memory: Misra-Gries with weights (Misra and Gries 1982; Berinde et
// al. 2010). An address's estimate is at most its true weight and at least
// that minus total/(kSlots+1), so a destination that takes most of the
// bytes is always found.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "flowmon/core/ip_address.h"

namespace flowmon::detect {

class HeavyHitters {
 public:
  static constexpr size_t kSlots = 4;

  void Add(const IpAddress& a, double weight) {
    for (Slot& s : slots_) {
      if (s.weight > 0 && s.address == a) {
        s.weight += weight;
        return;
      }
    }
    for (Slot& s : slots_) {
      if (s.weight <= 0) {
        s = {a, weight};
        return;
      }
    }
    // Full: every slot and the newcomer lose the smallest weight among them.
    double cut = weight;
    for (const Slot& s : slots_) cut = std::min(cut, s.weight);
    for (Slot& s : slots_) s.weight -= cut;
    weight -= cut;
    if (weight <= 0) return;
    for (Slot& s : slots_) {
      if (s.weight <= 0) {
        s = {a, weight};
        return;
      }
    }
  }
  void Merge(const HeavyHitters& other) {
    for (const Slot& s : other.slots_) {
      if (s.weight > 0) Add(s.address, s.weight);
    }
  }
  // The heaviest address's estimate (0 when empty) and the address.
  double Top(IpAddress* address = nullptr) const {
    const Slot* best = &slots_[0];
    for (const Slot& s : slots_) {
      if (s.weight > best->weight) best = &s;
    }
    if (address != nullptr) *address = best->address;
    return std::max(0.0, best->weight);
  }

 private:
  struct Slot {
    IpAddress address;
    double weight = 0;
  };
  std::array<Slot, kSlots> slots_{};
};

}  // namespace flowmon::detect
