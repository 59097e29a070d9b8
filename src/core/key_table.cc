#include "flowmon/core/key_table.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace flowmon {
namespace {

uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

uint64_t Load4(const char* p) {
  uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

uint64_t Mix(uint64_t a, uint64_t b, size_t length) {
  uint64_t h = (a ^ 0x9e3779b97f4a7c15ULL ^ length) * 0xff51afd7ed558ccdULL;
  h ^= h >> 32;
  h = (h ^ b) * 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 29);
}

// REQUIRES: s.size() > 8 (a long key: kInline and more).
uint64_t HashLong(std::string_view s) {
  // 8 bytes at a time, multiply-xorshift mixing; the last 8 bytes, which
  // may overlap the words before, end it (no copy of a tail of any size).
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 < s.size(); i += 8) {
    h = (h ^ Load8(s.data() + i)) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  h = (h ^ Load8(s.data() + s.size() - 8)) * 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 29);
}

}  // namespace

KeyTable::Probe KeyTable::ProbeOf(std::string_view key) {
  const char* p = key.data();
  const size_t n = key.size();
  Probe q;
  q.length = static_cast<uint32_t>(n);
  // A short key (an IPv4 address, a port) is its own two words: with the
  // length they are the whole key, so a hit compares them and reads no
  // arena. Overlapping loads cover every byte without a byte loop.
  if (n > kInline) {
    q.a = HashLong(key);
    q.b = 0;
    q.hash = q.a;
    return q;
  }
  if (n >= 8) {
    q.a = Load8(p);
    q.b = Load8(p + n - 8);
  } else if (n >= 4) {
    q.a = Load4(p) | (Load4(p + n - 4) << 32);
    q.b = 0;
  } else if (n > 0) {
    q.a = static_cast<unsigned char>(p[0]) |
          (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
          (uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    q.b = 0;
  } else {
    q.a = q.b = 0;
  }
  q.hash = Mix(q.a, q.b, n);
  return q;
}

uint64_t KeyTable::OrderWord(std::string_view key, size_t at) {
  unsigned char bytes[8] = {};
  if (at < key.size())
    std::memcpy(bytes, key.data() + at, std::min<size_t>(key.size() - at, 8));
  uint64_t x;
  std::memcpy(&x, bytes, 8);
  return std::endian::native == std::endian::little ? __builtin_bswap64(x) : x;
}

uint64_t KeyTable::HashOf(const Slot& slot) {
  return slot.length > kInline ? slot.a : Mix(slot.a, slot.b, slot.length);
}

uint32_t KeyTable::Insert(std::string_view key, const Probe& q,
                          bool* inserted) {
  const bool inline_key = key.size() <= kInline;
  size_t mask = slots_.size() - 1;
  size_t i = q.hash & mask;
  for (; slots_[i].index != kEmpty; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.length != q.length || s.a != q.a) continue;
    if (inline_key
            ? s.b == q.b
            : std::memcmp(arena_.data() + s.b, key.data(), key.size()) == 0) {
      *inserted = false;
      return s.index;
    }
  }
  if ((spans_.size() + 1) * 4 > slots_.size() * 3) {
    Grow();
    mask = slots_.size() - 1;
    i = q.hash & mask;
    while (slots_[i].index != kEmpty) i = (i + 1) & mask;
  }
  const uint32_t index = static_cast<uint32_t>(spans_.size());
  slots_[i] = Slot{q.a, inline_key ? q.b : arena_.size(), q.length, index};
  spans_.push_back(Span{arena_.size(), q.length});
  arena_.append(key);
  *inserted = true;
  return index;
}

void KeyTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.index == kEmpty) continue;
    size_t i = HashOf(s) & mask;
    while (slots_[i].index != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void KeyTable::Clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  spans_.clear();
  arena_.clear();
}

}  // namespace flowmon
