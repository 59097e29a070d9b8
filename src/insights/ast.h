// The parsed form of a Logs Insights query: expressions, the commands of
// the pipeline, and the QueryPlan that QuerySink runs and AthenaQuerySql
// translates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/insights/query.h"

namespace re2 {
class RE2;
}

namespace flowmon::insights {

struct Expr {
  enum Kind {
    kLiteral,
    kField,
    kNot,
    kNeg,
    kBinary,
    kIn,
    kLike,
    kRegexMatch,
    kCall
  } kind;
  QueryValue literal;
  std::string name;  // field, operator or function
  std::vector<std::unique_ptr<Expr>> args;
  std::shared_ptr<const re2::RE2> regex;
  bool negated = false;
  std::string text;  // as written, for column names
};
using ExprPtr = std::unique_ptr<Expr>;

struct Aggregate {
  std::string fn;  // count, count_distinct, sum, avg, min, max, pct
  ExprPtr arg;     // null for count(*)
  double percentile = 0;
  std::string name;
};

struct Named {
  ExprPtr expr;
  std::string name;
  int64_t bin_ms = 0;  // bin(5m)
};

struct SortKey {
  std::string column;
  bool desc = true;
};

struct Command {
  enum Kind { kFields, kFilter, kStats, kSort, kLimit, kDedup, kDisplay } kind;
  std::vector<Named> fields;  // fields / stats by
  ExprPtr filter;
  std::vector<Aggregate> aggregates;
  std::vector<SortKey> sort;
  size_t limit = 0;
  std::vector<std::string> names;  // dedup, display
};

// + - * / % ^, the operators with number operands and a number result.
inline bool IsArithmetic(std::string_view op) {
  return op == "+" || op == "-" || op == "*" || op == "/" || op == "%" ||
         op == "^";
}

}  // namespace flowmon::insights

namespace flowmon {

class QueryPlan {
 public:
  std::vector<insights::Command> commands;
  size_t stats_at = SIZE_MAX;  // index of the stats command
};

}  // namespace flowmon
