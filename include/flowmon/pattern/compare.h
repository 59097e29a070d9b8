// ValueTest: the `op value` half of a filter-pattern comparison, shared by
// space-delimited fields (`[a, b > 1]`) and JSON selectors (`{ $.b > 1 }`).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace flowmon {

class FilterRegex;

enum class CompareOp : unsigned char { kEq, kNe, kLt, kLe, kGt, kGe };

// "=", "!=", "<", "<=", ">", ">=" to a CompareOp; false for anything else.
bool ParseCompareOp(std::string_view text, CompareOp* op);

// How a string value matches: '*' at the start or the end of a value
// anchors it (a '*' in the middle is an ordinary character); kRegex is a
// %regex% value, matched anywhere in the string.
enum class Wildcard : unsigned char {
  kExact,
  kPrefix,
  kSuffix,
  kContains,
  kAny,
  kRegex
};

// The right-hand side of `field op value`. Owns its text and shares its
// compiled regex with copies; keeps no pointer into the pattern text.
struct ValueTest {
  CompareOp op = CompareOp::kEq;
  bool numeric = false;  // an unquoted number: compare as numbers
  double number = 0;
  Wildcard wildcard = Wildcard::kExact;
  std::string text;  // the string value without its anchoring '*'
  std::shared_ptr<const FilterRegex> regex;

  // Sets a string value: a '*' at the start and/or end becomes the
  // wildcard, a value of only '*' matches anything.
  void SetString(std::string value);
  // String semantics (=, != with wildcards or a regex). REQUIRES: !numeric.
  bool TestString(std::string_view s) const;
  // Numeric semantics. REQUIRES: numeric.
  bool TestNumber(double v) const;
};

}  // namespace flowmon
