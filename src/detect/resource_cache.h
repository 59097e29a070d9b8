// ResourceCache: a small direct-mapped cache from a record's resource (its
// ENI) and a tag (a minute) to a detector's state for it, so that most
// records find their state without a table lookup. Holds pointers into the
// detector's tables: Clear() whenever an entry may have been erased.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "detect/flow.h"

namespace flowmon::detect {

template <typename T>
class ResourceCache {
 public:
  T* Find(const Flow& f, int64_t tag = 0) const {
    const Slot& s = slots_[Index(f, tag)];
    return s.value != nullptr && s.hash == f.resource_hash && s.tag == tag &&
                   s.name == f.resource
               ? s.value
               : nullptr;
  }
  void Put(const Flow& f, T* value, int64_t tag = 0) {
    Slot& s = slots_[Index(f, tag)];
    s.hash = f.resource_hash;
    s.tag = tag;
    s.name.assign(f.resource);
    s.value = value;
  }
  void Clear() {
    for (Slot& s : slots_) s.value = nullptr;
  }

 private:
  static constexpr size_t kSlots = 64;
  static size_t Index(const Flow& f, int64_t tag) {
    return static_cast<size_t>((f.resource_hash ^ static_cast<uint64_t>(tag) *
                                                      0x9e3779b97f4a7c15ULL) >>
                               58);
  }
  struct Slot {
    uint64_t hash = 0;
    int64_t tag = 0;
    std::string name;
    T* value = nullptr;
  };
  std::array<Slot, kSlots> slots_{};
};

}  // namespace flowmon::detect
