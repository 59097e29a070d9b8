#include "flowmon/pattern/compare.h"

#include <utility>

#include "flowmon/pattern/filter_regex.h"

namespace flowmon {

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
      equal = regex->PartialMatch(s);
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

}  // namespace flowmon
