// JsonExpr: a compiled JSON filter pattern, { $.selector op value ... }, as
// a tree of tests. Parsed by json_parser.cc, evaluated by json_evaluator.cc.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "flowmon/pattern/compare.h"
#include "flowmon/pattern/json_path.h"
#include "flowmon/pattern/pattern.h"

namespace flowmon {

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

// An immutable expression tree over JsonTests (() > && > ||). Owns its
// tests and keeps nothing of the pattern text.
class JsonExpr {
 public:
  // Parses the whole pattern text `{ ... }`. Fills *error (1-based column)
  // on failure.
  static std::shared_ptr<const JsonExpr> Parse(std::string_view text,
                                               PatternError* error);
  // True when `event` is a JSON value and the expression holds for it.
  // Non-JSON events never match. Thread-safe; keeps nothing of `event`.
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
