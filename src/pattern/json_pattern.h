// JsonExpr: the JSON family of filter patterns, { $.selector op value ... },
// parsed with column errors and evaluated on events parsed by simdjson.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/pattern/pattern.h"

namespace flowmon {

// One step of a selector: .key, ["key"], [N], [*] or .*
struct SelectorStep {
  enum class Kind : unsigned char { kKey, kIndex, kAnyElement, kAnyMember };
  Kind kind = Kind::kKey;
  std::string key;
  size_t index = 0;
};

// `selector op value`, `selector IS TRUE|FALSE|NULL`, `selector NOT EXISTS`.
struct JsonTest {
  enum class Kind : unsigned char {
    kCompare,
    kIsTrue,
    kIsFalse,
    kIsNull,
    kNotExists
  };
  Kind kind = Kind::kCompare;
  std::vector<SelectorStep> path;
  ValueTest value;
};

// An immutable expression tree over JsonTests (() > && > ||).
class JsonExpr {
 public:
  // Parses the whole pattern text `{ ... }`; `regexes` counts %regex%
  // values. Fills *error (1-based column) on failure.
  static std::shared_ptr<const JsonExpr> Parse(std::string_view text,
                                               int* regexes,
                                               PatternError* error);
  // True when `event` is a JSON value and the expression holds for it.
  // Non-JSON events never match. Thread-safe.
  bool Matches(std::string_view event) const;

  struct Node {
    enum class Kind : unsigned char { kTest, kAnd, kOr };
    Kind kind = Kind::kTest;
    size_t test = 0;               // kTest: index into tests_
    std::vector<size_t> children;  // kAnd/kOr: indexes into nodes_
  };

 private:
  friend class JsonPatternParser;
  friend class JsonEvaluator;
  std::vector<JsonTest> tests_;
  std::vector<Node> nodes_;
  size_t root_ = 0;
};

}  // namespace flowmon

namespace flowmon {

// A selector such as $.latency or $.requests[0].bytes, for metric values.
class JsonPath {
 public:
  // Parses `text` (the whole text must be a selector without wildcards).
  static std::shared_ptr<const JsonPath> Parse(std::string_view text,
                                               PatternError* error);
  // The number the selector points at in `event`, if the event is JSON and
  // the value is a JSON number. Thread-safe.
  bool SelectNumber(std::string_view event, double* out) const;
  // The selected value as text (strings unquoted), for dimensions.
  bool SelectText(std::string_view event, std::string* out) const;

 private:
  std::vector<SelectorStep> path_;
};

}  // namespace flowmon
