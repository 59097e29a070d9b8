// Hashing for the detectors' keys: a 64-bit mix (SplitMix64's finalizer)
// and hashes of addresses, ports and their combinations. Not for security:
// only for tables and sketches.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "flowmon/core/ip_address.h"

namespace flowmon::detect {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t HashCombine(uint64_t seed, uint64_t v) {
  return Mix64(seed ^ (v + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)));
}

inline uint64_t HashAddress(const IpAddress& a) {
  uint64_t hi, lo;
  std::memcpy(&hi, a.bytes.data(), 8);
  std::memcpy(&lo, a.bytes.data() + 8, 8);
  return HashCombine(Mix64(hi ^ static_cast<uint64_t>(a.family)), lo);
}

// Eight bytes at a time, mixed: for short strings (ENI ids, once per
// record).
inline uint64_t HashText(std::string_view s) {
  uint64_t h = 0x243f6a8885a308d3ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = Mix64(h ^ w);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  return Mix64(h ^ tail);
}

// For tables keyed by std::string that are looked up with string_views.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return HashText(s); }
};

// An address and a number (a port, a protocol) as one table key.
struct AddressKey {
  IpAddress a;
  int n = 0;
  bool operator==(const AddressKey&) const = default;
};
// Two addresses and a number.
struct PairKey {
  IpAddress a, b;
  int n = 0;
  bool operator==(const PairKey&) const = default;
};

struct KeyHash {
  size_t operator()(const AddressKey& k) const {
    return HashCombine(HashAddress(k.a), static_cast<uint64_t>(k.n));
  }
  size_t operator()(const PairKey& k) const {
    return HashCombine(HashCombine(HashAddress(k.a), HashAddress(k.b)),
                       static_cast<uint64_t>(k.n));
  }
};

}  // namespace flowmon::detect
