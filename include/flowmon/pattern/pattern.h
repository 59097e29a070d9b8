// CompiledPattern: a CloudWatch Logs filter pattern (terms, space-delimited,
// JSON, regex) compiled once and applied to log events.
//
// Lifetimes:
// - A CompiledPattern owns all it holds (its text, names, values; regexes
//   and the JSON tree are immutable and shared by copies). It keeps nothing
//   of the text it was compiled from, which may be freed after Compile().
// - Matches(rec) keeps nothing of `rec`.
// - FieldOf() and the values ForEachExtracted() passes are views into the
//   record's buffer (Record::fields): valid as long as the Record's views,
//   i.e. until the next Source::Next(). Copy them to keep them.
// - The names ForEachExtracted() passes ("$name", "$3") are valid only
//   during that call of f.
// - References from the accessors (slots(), text(), ...) are valid while
//   the CompiledPattern lives and is not assigned to.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/record.h"
#include "flowmon/core/status.h"
#include "flowmon/pattern/compare.h"

namespace flowmon {

class JsonExpr;

// The longest filter pattern AWS accepts (filterPattern: 1024 characters).
inline constexpr size_t kMaxPatternLength = 1024;

// One `field op value` test of a space-delimited pattern.
struct Comparison {
  uint32_t slot = 0;  // index into CompiledPattern::slots()
  ValueTest test;
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
  // The slot as written, its conditions included ("destport=\"22\"",
  // "..."), trimmed; empty for the unnamed field of a trailing comma.
  std::string text;
};

// One term of a term pattern: a word, a "quoted phrase" or a %regex%,
// required or (with '-') excluded.
struct Term {
  std::string text;
  std::shared_ptr<const FilterRegex> regex;
  bool exclude = false;
};

// A pattern error: 1-based column into the pattern text and a message.
struct PatternError {
  size_t column = 0;
  std::string message;
};

// "invalid filter pattern at column C: MESSAGE", the pattern, and a caret.
std::string FormatPatternError(std::string_view pattern, const PatternError& e);

// An immutable compiled filter pattern. Thread-safe for concurrent
// Matches() calls (JSON patterns parse events with a per-thread parser).
class CompiledPattern {
 public:
  enum class Kind : unsigned char {
    kTerms,  // ERROR -Exiting "a phrase" %regex%, ?A ?B; "" matches all
    kSpaceDelimited,  // [a, b=1, ...]
    kJson,            // { $.a = 1 && $.b IS NULL }
  };

  // Compiles `text`; on error the Status message is FormatPatternError's.
  static Result<CompiledPattern> Compile(std::string_view text);
  // Like Compile, returning the bare error for tests and tools.
  static bool Parse(std::string_view text, CompiledPattern* out,
                    PatternError* error);

  // True when the event matches. Term and JSON patterns look at rec.line;
  // space-delimited patterns at the fields.
  bool Matches(const Record& rec) const;

  // The field of `rec` bound to slot `s`. REQUIRES: Matches(rec) or at
  // least FitsFieldCount(rec.size).
  std::string_view FieldOf(const Record& rec, const Slot& s) const {
    return rec.fields[FieldIndex(s, rec.size)];
  }

  // How a space-delimited pattern's slots sit on a line of `field_count`
  // fields: a record's, or a table's columns for translators (Athena). The
  // one rule for which slot binds which field.
  //
  // True when the slots fit: exactly fixed_fields() fields, or at least
  // that many when the pattern has '...'. A record that does not fit
  // matches nothing.
  bool FitsFieldCount(size_t field_count) const {
    return ellipsis_ < 0 ? field_count == fixed_ : field_count >= fixed_;
  }
  // The 0-based field slot `s` (not '...') binds: its position, counted
  // from the end of the line for slots after '...'. REQUIRES:
  // FitsFieldCount(field_count).
  size_t FieldIndex(const Slot& s, size_t field_count) const {
    return s.from_end ? field_count - fixed_ + s.position : s.position;
  }
  // The slots other than '...': the fields a line needs at least.
  size_t fixed_fields() const { return fixed_; }
  // The named slot `name` ("bytes" for [..., bytes, ...]), or nullptr.
  const Slot* FindNamedSlot(std::string_view name) const;

  // Calls f(name, value) for every field of a matching record in line
  // order: "$name" for named slots, "$N" (1-based position) for unnamed
  // slots, fields covered by '...' and every field of `[]`, as
  // TestMetricFilter reports them. Nothing for term and JSON patterns (the
  // API's extractedValues is empty for them).
  template <typename F>
  void ForEachExtracted(const Record& rec, F&& f) const;

  Kind kind() const { return kind_; }
  const std::vector<Slot>& slots() const { return slots_; }
  // Term alternatives (kTerms), for translators: the event matches when
  // every term of any group holds.
  const std::vector<std::vector<Term>>& term_groups() const {
    return term_groups_;
  }
  // A term pattern whose '?' terms stand beside other terms: CloudWatch
  // ignores them ("If you combine "?" with other filter patterns, all
  // question mark terms will be ignored"), and so does term_groups().
  bool ignores_optional_terms() const { return ignores_optional_terms_; }
  // Space-delimited conditions (each must hold), for translators.
  const std::vector<Condition>& conditions() const { return conditions_; }
  // True when `field`, the field its comparisons' slot binds, satisfies
  // `cond` (as Matches() tests it): for readers that test a field before
  // the record is whole (FieldNeeds).
  static bool ConditionHolds(const Condition& cond, std::string_view field);
  const std::string& text() const { return text_; }
  // Bytes every matching line contains (for a prefilter), or empty.
  const std::string& required_literal() const { return required_literal_; }
  bool has_ellipsis() const { return ellipsis_ >= 0; }
  // `[]`, "" and " ": every event matches, whatever its field count.
  bool matches_all() const { return match_all_; }
  // JSON patterns only apply to JSON events, not to flow-log records.
  bool wants_json() const { return kind_ == Kind::kJson; }

 private:
  bool Holds(const Comparison& c, const Record& rec) const;
  bool MatchesFields(const Record& rec) const;
  bool MatchesTerms(std::string_view line) const;
  void ComputeRequiredLiteral();

  Kind kind_ = Kind::kTerms;
  std::string text_;
  // kSpaceDelimited
  std::vector<Slot> slots_;
  std::vector<Condition> conditions_;  // all must hold
  uint32_t fixed_ = 0;                 // slots other than the ellipsis
  int ellipsis_ = -1;                  // index into slots_, or -1
  bool match_all_ = false;             // `[]`, "", " "
  // kTerms: any group whose terms all hold (one group per '?' term when
  // all terms have '?', else one group of the terms without '?').
  std::vector<std::vector<Term>> term_groups_;
  bool ignores_optional_terms_ = false;
  // kJson
  std::shared_ptr<const JsonExpr> json_;
  std::string required_literal_;
};

template <typename F>
void CompiledPattern::ForEachExtracted(const Record& rec, F&& f) const {
  if (kind_ != Kind::kSpaceDelimited) return;
  size_t pos = 0;
  char buf[24];
  auto positional = [&](size_t p) {
    const int n = std::snprintf(buf, sizeof buf, "$%zu", p + 1);
    return std::string_view(buf, static_cast<size_t>(n));
  };
  if (match_all_) {  // `[]`: no names, every field by its position
    for (; pos < rec.size; ++pos) f(positional(pos), rec.fields[pos]);
    return;
  }
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
