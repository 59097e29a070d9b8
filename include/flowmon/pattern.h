// CompiledPattern: a CloudWatch Logs filter pattern compiled once and
// applied to records without allocating.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/record.h"
#include "flowmon/status.h"

namespace flowmon {

enum class CompareOp : unsigned char { kEq, kNe, kLt, kLe, kGt, kGe };

// How a string value's '*' wildcards anchor it (AWS: a '*' at the start or
// the end of a value; a '*' in the middle is an ordinary character).
enum class Wildcard : unsigned char {
  kExact,
  kPrefix,
  kSuffix,
  kContains,
  kAny
};

// One `field op value` test. Numeric when the value was an unquoted number.
struct Comparison {
  uint32_t slot = 0;  // index into CompiledPattern::slots()
  CompareOp op = CompareOp::kEq;
  bool numeric = false;
  double number = 0;
  Wildcard wildcard = Wildcard::kExact;
  std::string text;  // the string value without its anchoring '*'
  uint32_t column = 0;
};

// A field's condition in disjunctive normal form: it holds when every
// comparison of at least one group holds (&& binds tighter than ||).
struct Condition {
  std::vector<std::vector<Comparison>> any_of;
};

// One position of a space-delimited pattern.
struct Slot {
  enum class Kind : unsigned char { kNamed, kUnnamed, kEllipsis };
  Kind kind = Kind::kNamed;
  std::string name;  // kNamed only
  // Position among the non-ellipsis slots and whether it counts from the
  // end of the line (it follows the ellipsis).
  uint32_t position = 0;
  bool from_end = false;
};

// A pattern error: 1-based column into the pattern text and a message.
struct PatternError {
  size_t column = 0;
  std::string message;
};

// "invalid filter pattern at column C: MESSAGE", the pattern, and a caret.
std::string FormatPatternError(std::string_view pattern, const PatternError& e);

// An immutable compiled space-delimited filter pattern (`[a, b=1, ...]`).
// Thread-safe for concurrent Matches() calls.
class CompiledPattern {
 public:
  // Compiles `text`; on error the Status message is FormatPatternError's.
  static Result<CompiledPattern> Compile(std::string_view text);
  // Like Compile, returning the bare error for tests and tools.
  static bool Parse(std::string_view text, CompiledPattern* out,
                    PatternError* error);

  // True when the record has the pattern's shape and every condition holds.
  bool Matches(const Record& rec) const;

  // The field of `rec` bound to slot `s`. REQUIRES: Matches(rec) or at
  // least a record with the pattern's field count.
  std::string_view FieldOf(const Record& rec, const Slot& s) const;

  // Calls f(name, value) for every field of a matching record in line
  // order: "$name" for named slots, "$N" (1-based position) for unnamed
  // slots and fields covered by '...', as TestMetricFilter reports them.
  template <typename F>
  void ForEachExtracted(const Record& rec, F&& f) const;

  const std::vector<Slot>& slots() const { return slots_; }
  const std::string& text() const { return text_; }
  // Bytes every matching line contains (for a prefilter), or empty.
  const std::string& required_literal() const { return required_literal_; }
  bool has_ellipsis() const { return ellipsis_ >= 0; }

 private:
  friend class PatternParser;
  bool Holds(const Comparison& c, const Record& rec) const;
  void ComputeRequiredLiteral();

  std::string text_;
  std::vector<Slot> slots_;
  std::vector<Condition> conditions_;  // all must hold
  uint32_t fixed_ = 0;                 // slots other than the ellipsis
  int ellipsis_ = -1;                  // index into slots_, or -1
  bool match_all_ = false;             // `[]`
  std::string required_literal_;
};

template <typename F>
void CompiledPattern::ForEachExtracted(const Record& rec, F&& f) const {
  if (match_all_) return;
  size_t pos = 0;
  char buf[24];
  auto positional = [&](size_t p) {
    const int n = std::snprintf(buf, sizeof buf, "$%zu", p + 1);
    return std::string_view(buf, static_cast<size_t>(n));
  };
  for (const Slot& s : slots_) {
    if (s.kind == Slot::Kind::kEllipsis) {
      const size_t covered = rec.size - fixed_;
      for (size_t i = 0; i < covered; ++i, ++pos) {
        f(positional(pos), rec.fields[pos]);
      }
      continue;
    }
    if (s.kind == Slot::Kind::kNamed) {
      std::string name = "$" + s.name;
      f(std::string_view(name), rec.fields[pos]);
    } else {
      f(positional(pos), rec.fields[pos]);
    }
    ++pos;
  }
}

}  // namespace flowmon
