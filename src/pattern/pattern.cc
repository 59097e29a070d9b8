#include "flowmon/pattern/pattern.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include "flowmon/core/caret.h"
#include "flowmon/core/number.h"
#include "flowmon/pattern/filter_regex.h"
#include "pattern/char_class.h"
#include "pattern/json_expr.h"
#include "pattern/space_delimited_parser.h"
#include "pattern/term_parser.h"

namespace flowmon {

std::string FormatPatternError(std::string_view pattern,
                               const PatternError& e) {
  return FormatCaretError(fmt::format("invalid filter pattern at column {}: {}",
                                      e.column, e.message),
                          pattern, e.column);
}

bool CompiledPattern::Parse(std::string_view text, CompiledPattern* out,
                            PatternError* error) {
  *out = CompiledPattern();
  out->text_ = std::string(text);
  if (text.size() > kMaxPatternLength) {
    // AWS's own validation message for filterPattern.
    error->column = kMaxPatternLength + 1;
    error->message = "Member must have length less than or equal to 1024";
    return false;
  }
  // The first non-blank character decides the family.
  size_t i = 0;
  while (i < text.size() && IsPatternSpace(text[i])) ++i;
  if (i < text.size() && text[i] == '[') {
    out->kind_ = Kind::kSpaceDelimited;
    SpaceDelimitedPattern p;
    if (!ParseSpaceDelimitedPattern(text, &p, error)) return false;
    out->slots_ = std::move(p.slots);
    out->conditions_ = std::move(p.conditions);
    out->fixed_ = p.fixed;
    out->ellipsis_ = p.ellipsis;
    out->match_all_ = p.match_all;
  } else if (i < text.size() && text[i] == '{') {
    out->kind_ = Kind::kJson;
    out->json_ = JsonExpr::Parse(text, error);
    if (out->json_ == nullptr) return false;
  } else {
    out->kind_ = Kind::kTerms;
    TermPattern p;
    if (!ParseTermPattern(text, &p, error)) return false;
    out->term_groups_ = std::move(p.groups);
    out->match_all_ = p.match_all;
    out->ignores_optional_terms_ = p.ignores_optional;
  }
  out->ComputeRequiredLiteral();
  return true;
}

Result<CompiledPattern> CompiledPattern::Compile(std::string_view text) {
  CompiledPattern pattern;
  PatternError error;
  if (!Parse(text, &pattern, &error)) {
    return Status::InvalidArgument(FormatPatternError(text, error));
  }
  return pattern;
}

const Slot* CompiledPattern::FindNamedSlot(std::string_view name) const {
  for (const Slot& s : slots_) {
    if (s.kind == Slot::Kind::kNamed && s.name == name) return &s;
  }
  return nullptr;
}

namespace {

bool TestHolds(const ValueTest& test, std::string_view field) {
  if (!test.numeric) return test.TestString(field);
  // A field that is not a number ("-", "NODATA") fails every numeric
  // comparison, including '!='.
  double v;
  return ParseNumber(field, &v) && test.TestNumber(v);
}

}  // namespace

bool CompiledPattern::Holds(const Comparison& c, const Record& rec) const {
  return TestHolds(c.test, FieldOf(rec, slots_[c.slot]));
}

bool CompiledPattern::ConditionHolds(const Condition& cond,
                                     std::string_view field) {
  for (const auto& group : cond.any_of) {
    bool all = true;
    for (const Comparison& c : group) {
      if (!TestHolds(c.test, field)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

bool CompiledPattern::MatchesFields(const Record& rec) const {
  if (!FitsFieldCount(rec.size)) return false;
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
      const bool found = t.regex ? t.regex->PartialMatch(line)
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
