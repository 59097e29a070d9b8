// PatternSet: many compiled patterns matched against one record at once,
// for `check`'s monitors (issue #13: ten patterns cost ten times one).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "flowmon/core/record.h"
#include "flowmon/pattern/pattern.h"

namespace flowmon {

// Monitors ask the same few questions of the same few fields (destport is
// one of seven ports, action is REJECT), so each field that conditions
// test for an exact string is read once per record and compared with that
// field's distinct values; a pattern made only of such conditions then
// matches when its field count fits and its values were all seen. Any
// other pattern (terms, JSON, wildcards, numbers, ||) is matched by
// CompiledPattern::Matches, once the exact strings it requires were seen.
//
// Lifetime: the patterns must outlive the set. Match() keeps nothing of
// the record. Thread-safe for concurrent Match() calls.
class PatternSet {
 public:
  PatternSet() = default;
  explicit PatternSet(const std::vector<const CompiledPattern*>& patterns);

  // Sets matches[i] to 1 when pattern i matches `rec`, else 0 (what
  // patterns[i]->Matches(rec) says); true when any matched.
  // REQUIRES: `matches` holds size() bytes.
  bool Match(const Record& rec, uint8_t* matches) const;

  size_t size() const { return entries_.size(); }

 private:
  // A field as slots bind it: the position from the start of the line, or
  // (from_end) the distance from its end, so that patterns with and without
  // '...' share the field they both bind.
  struct FieldKey {
    uint32_t offset = 0;
    bool from_end = false;
    bool operator==(const FieldKey&) const = default;
  };
  // One exact value a condition requires of a field, with its bit: up to
  // 8 bytes packed into a word (compared in one instruction), longer ones
  // in text_ at `offset`.
  struct Value {
    uint64_t bit = 0;
    uint64_t packed = 0;
    uint32_t offset = 0;
    uint32_t size = 0;
  };
  // The distinct values conditions require of one field: values_[begin,
  // end).
  struct FieldValues {
    FieldKey key;
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  // How an entry is matched: by its bits alone, by its bits and then
  // Matches() (conditions other than exact strings), or by Matches() only.
  enum class Mode : unsigned char { kBits, kBitsThenMatches, kMatches };
  struct Entry {
    uint64_t need = 0;  // bits of the values this pattern requires
    // FitsFieldCount, at hand: exactly `fixed` fields, or at least that
    // many with '...'.
    uint32_t fixed = 0;
    bool at_least = false;
    Mode mode = Mode::kMatches;
    const CompiledPattern* pattern = nullptr;
  };

  uint64_t Seen(const Record& rec) const;

  std::vector<FieldValues> fields_;
  std::vector<Value> values_;
  std::string text_;  // the values' bytes
  std::vector<Entry> entries_;
};

}  // namespace flowmon
