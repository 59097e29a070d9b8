// An open-addressing table of byte-string keys (held in one arena), each
// numbered in the order it was first seen: a lookup is a hash, a probe or
// two and a memcmp, with no allocation unless the key is new. The per-key
// totals of top and the groups of a query's stats live in arrays indexed
// by these numbers. Measured in docs/benchmarks.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowmon {

class KeyTable {
 public:
  // The number of `key`: an existing key's, or size() before the call
  // when it is new (then *inserted is true).
  uint32_t Insert(std::string_view key, bool* inserted) {
    return Insert(key, ProbeOf(key), inserted);
  }
  // A key's hash and the words a slot compares, made once: for inserting
  // many keys with their slots asked for ahead (Prefetch).
  struct Probe {
    uint64_t a, b, hash;
    uint32_t length;
  };
  static Probe ProbeOf(std::string_view key);
  // Insert with `probe` == ProbeOf(key).
  uint32_t Insert(std::string_view key, const Probe& probe, bool* inserted);
  // Asks the slot where `probe`'s key is looked up first to come into the
  // cache.
  void Prefetch(const Probe& probe) const {
    __builtin_prefetch(slots_.data() + (probe.hash & (slots_.size() - 1)));
  }
  // The key numbered `index` (< size()). Valid until the next Insert or
  // Clear.
  std::string_view Key(uint32_t index) const {
    const Span& s = spans_[index];
    return std::string_view(arena_.data() + s.offset, s.length);
  }
  size_t size() const { return spans_.size(); }
  // Cache hints for Key(index) ahead of reading it: its span first, then
  // (once that is in) its bytes.
  void PrefetchSpan(uint32_t index) const {
    __builtin_prefetch(spans_.data() + index);
  }
  void PrefetchKey(uint32_t index) const {
    __builtin_prefetch(arena_.data() + spans_[index].offset);
  }
  // Bytes `at` to `at` + 8 of `key`, zero past its end, as a big-endian
  // number: where two keys' words differ, the keys order (bytewise) as the
  // words do (a shorter key's padding is below the other's byte there,
  // which is then not zero). A sort of keys compares these first and
  // reads the arena only on a tie.
  static uint64_t OrderWord(std::string_view key, size_t at);
  // Forgets every key, keeping the memory for the next ones.
  void Clear();

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  // Keys up to this long are held in the slot itself (a, b).
  static constexpr size_t kInline = 16;
  // A slot: for a short key its bytes (a, b) and length, which together
  // are the key; for a longer one its hash (a) and arena offset (b). A hit
  // reads the slot only, or the slot and the long key's bytes.
  struct Slot {
    uint64_t a = 0;
    uint64_t b = 0;
    uint32_t length = 0;
    uint32_t index = kEmpty;
  };
  // The hash a slot's key had (for Grow), from the slot alone.
  static uint64_t HashOf(const Slot& slot);
  struct Span {
    size_t offset;
    uint32_t length;
  };
  void Grow();
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::vector<Span> spans_;
  std::string arena_;
};

}  // namespace flowmon
