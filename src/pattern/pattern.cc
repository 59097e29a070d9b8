#include "flowmon/pattern/pattern.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include "flowmon/core/caret.h"
#include "flowmon/core/number.h"
#include "pattern/json_pattern.h"
#include "pattern/pattern_parser.h"

namespace flowmon {

std::string FormatPatternError(std::string_view pattern,
                               const PatternError& e) {
  return FormatCaretError(fmt::format("invalid filter pattern at column {}: {}",
                                      e.column, e.message),
                          pattern, e.column);
}

bool ParseCompareOp(std::string_view s, CompareOp* op) {
  static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
      {"=", CompareOp::kEq},  {"!=", CompareOp::kNe}, {"<", CompareOp::kLt},
      {"<=", CompareOp::kLe}, {">", CompareOp::kGt},  {">=", CompareOp::kGe}};
  for (const auto& [text, value] : kOps) {
    if (s == text) {
      *op = value;
      return true;
    }
  }
  return false;
}

void ValueTest::SetString(std::string value) {
  if (!value.empty() && value.find_first_not_of('*') == std::string::npos) {
    wildcard = Wildcard::kAny;
    text.clear();
    return;
  }
  const bool leading = !value.empty() && value.front() == '*';
  const bool trailing = value.size() > 1 && value.back() == '*';
  if (leading) value.erase(0, 1);
  if (trailing) value.pop_back();
  wildcard = leading && trailing ? Wildcard::kContains
             : leading           ? Wildcard::kSuffix
             : trailing          ? Wildcard::kPrefix
                                 : Wildcard::kExact;
  text = std::move(value);
}

bool ValueTest::TestString(std::string_view s) const {
  bool equal = false;
  switch (wildcard) {
    case Wildcard::kExact:
      equal = s == text;
      break;
    case Wildcard::kPrefix:
      equal = s.starts_with(text);
      break;
    case Wildcard::kSuffix:
      equal = s.ends_with(text);
      break;
    case Wildcard::kContains:
      equal = s.find(text) != std::string_view::npos;
      break;
    case Wildcard::kAny:
      equal = true;
      break;
    case Wildcard::kRegex:
      equal = RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *regex);
      break;
  }
  return op == CompareOp::kEq ? equal : !equal;
}

bool ValueTest::TestNumber(double v) const {
  switch (op) {
    case CompareOp::kEq:
      return v == number;
    case CompareOp::kNe:
      return v != number;
    case CompareOp::kLt:
      return v < number;
    case CompareOp::kLe:
      return v <= number;
    case CompareOp::kGt:
      return v > number;
    case CompareOp::kGe:
      return v >= number;
  }
  return false;
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
  if (!c.test.numeric) return c.test.TestString(field);
  // A field that is not a number ("-", "NODATA") fails every numeric
  // comparison, including '!='.
  double v;
  return ParseNumber(field, &v) && c.test.TestNumber(v);
}

bool CompiledPattern::MatchesFields(const Record& rec) const {
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

bool CompiledPattern::MatchesTerms(std::string_view line) const {
  for (const auto& group : term_groups_) {
    bool all = true;
    for (const Term& t : group) {
      const bool found =
          t.regex ? RE2::PartialMatch(
                        re2::StringPiece(line.data(), line.size()), *t.regex)
                  : line.find(t.text) != std::string_view::npos;
      if (found == t.exclude) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

bool CompiledPattern::Matches(const Record& rec) const {
  if (match_all_) return true;
  switch (kind_) {
    case Kind::kSpaceDelimited:
      return MatchesFields(rec);
    case Kind::kTerms:
      return MatchesTerms(rec.line);
    case Kind::kJson:
      return json_->Matches(rec.line);
  }
  return false;
}

void CompiledPattern::ComputeRequiredLiteral() {
  required_literal_.clear();
  auto consider = [this](const std::string& s) {
    if (s.size() > required_literal_.size()) required_literal_ = s;
  };
  if (match_all_) return;
  if (kind_ == Kind::kTerms) {
    // With one group, each included plain term must appear.
    if (term_groups_.size() != 1) return;
    for (const Term& t : term_groups_.front()) {
      if (!t.exclude && !t.regex) consider(t.text);
    }
    return;
  }
  if (kind_ != Kind::kSpaceDelimited) return;
  // A condition with one && group requires each of its '=' string values;
  // the field is a substring of the line, so the line contains the literal.
  for (const Condition& cond : conditions_) {
    if (cond.any_of.size() != 1) continue;
    for (const Comparison& c : cond.any_of.front()) {
      const ValueTest& v = c.test;
      if (v.numeric || v.op != CompareOp::kEq || v.wildcard == Wildcard::kAny ||
          v.wildcard == Wildcard::kRegex) {
        continue;
      }
      consider(v.text);
    }
  }
}

}  // namespace flowmon
