#include "flowmon/core/key_table.h"

#include <algorithm>
#include <cstring>

namespace flowmon {
namespace {

uint64_t HashKey(std::string_view s) {
  // 8 bytes at a time, multiply-xorshift mixing: short keys (addresses,
  // ports) hash in a few cycles.
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 29);
}

}  // namespace

uint32_t KeyTable::Insert(std::string_view key, bool* inserted) {
  const uint64_t h = HashKey(key);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (; slots_[i].index != kEmpty; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == h && s.length == key.size() &&
        std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0) {
      *inserted = false;
      return s.index;
    }
  }
  if ((spans_.size() + 1) * 4 > slots_.size() * 3) {
    Grow();
    return Insert(key, inserted);
  }
  const uint32_t index = static_cast<uint32_t>(spans_.size());
  const uint32_t length = static_cast<uint32_t>(key.size());
  slots_[i] = Slot{h, arena_.size(), length, index};
  spans_.push_back(Span{arena_.size(), length});
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
    size_t i = s.hash & mask;
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
