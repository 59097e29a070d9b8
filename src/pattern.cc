#include "flowmon/pattern.h"

#include <fmt/format.h>

#include "number.h"
#include "pattern_parser.h"

namespace flowmon {

std::string FormatPatternError(std::string_view pattern,
                               const PatternError& e) {
  // The caret line uses the pattern's own tabs so it lines up.
  std::string pad;
  for (size_t i = 0; i + 1 < e.column && i < pattern.size(); ++i) {
    pad += pattern[i] == '\t' ? '\t' : ' ';
  }
  return fmt::format("invalid filter pattern at column {}: {}\n  {}\n  {}^",
                     e.column, e.message, pattern, pad);
}

bool CompiledPattern::Parse(std::string_view text, CompiledPattern* out,
                            PatternError* error) {
  PatternParser parser(text);
  return parser.Parse(out, error);
}

Result<CompiledPattern> CompiledPattern::Compile(std::string_view text) {
  CompiledPattern pattern;
  PatternError error;
  if (!Parse(text, &pattern, &error)) {
    return Status::InvalidArgument(FormatPatternError(text, error));
  }
  return pattern;
}

std::string_view CompiledPattern::FieldOf(const Record& rec,
                                          const Slot& s) const {
  return rec.fields[s.from_end ? rec.size - fixed_ + s.position : s.position];
}

bool CompiledPattern::Holds(const Comparison& c, const Record& rec) const {
  const std::string_view field = FieldOf(rec, slots_[c.slot]);
  if (c.numeric) {
    // A field that is not a number ("-", "NODATA") fails every numeric
    // comparison, including '!='.
    double v;
    if (!ParseNumber(field, &v)) return false;
    switch (c.op) {
      case CompareOp::kEq:
        return v == c.number;
      case CompareOp::kNe:
        return v != c.number;
      case CompareOp::kLt:
        return v < c.number;
      case CompareOp::kLe:
        return v <= c.number;
      case CompareOp::kGt:
        return v > c.number;
      case CompareOp::kGe:
        return v >= c.number;
    }
    return false;
  }
  bool equal = false;
  switch (c.wildcard) {
    case Wildcard::kExact:
      equal = field == c.text;
      break;
    case Wildcard::kPrefix:
      equal = field.starts_with(c.text);
      break;
    case Wildcard::kSuffix:
      equal = field.ends_with(c.text);
      break;
    case Wildcard::kContains:
      equal = field.find(c.text) != std::string_view::npos;
      break;
    case Wildcard::kAny:
      equal = true;
      break;
  }
  return c.op == CompareOp::kEq ? equal : !equal;
}

bool CompiledPattern::Matches(const Record& rec) const {
  if (match_all_) return true;
  if (ellipsis_ < 0 ? rec.size != fixed_ : rec.size < fixed_) return false;
  for (const Condition& cond : conditions_) {
    bool any = false;
    for (const auto& group : cond.any_of) {
      bool all = true;
      for (const Comparison& c : group) {
        if (!Holds(c, rec)) {
          all = false;
          break;
        }
      }
      if (all) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

void CompiledPattern::ComputeRequiredLiteral() {
  // A condition with one && group requires each of its '=' string values;
  // the field is a substring of the line, so the line contains the literal.
  required_literal_.clear();
  for (const Condition& cond : conditions_) {
    if (cond.any_of.size() != 1) continue;
    for (const Comparison& c : cond.any_of.front()) {
      if (c.numeric || c.op != CompareOp::kEq || c.wildcard == Wildcard::kAny) {
        continue;
      }
      if (c.text.size() > required_literal_.size()) required_literal_ = c.text;
    }
  }
}

}  // namespace flowmon
