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
#include "insights/functions.h"
#include "insights/period.h"

namespace re2 {
class RE2;
}

namespace flowmon::insights {

// The binary operators, by precedence group.
enum class BinaryOp {
  kOr,
  kAnd,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow
};

// + - * / % ^, the operators with number operands and a number result.
inline bool IsArithmetic(std::string_view op) {
  return op == "+" || op == "-" || op == "*" || op == "/" || op == "%" ||
         op == "^";
}

struct Expr {
  enum Kind {
    kLiteral,
    kPeriod,  // 5m: an argument of bin, datefloor and dateceil only
    kField,
    kNot,
    kNeg,
    kBinary,
    kIn,
    kLike,
    kCall,
    kAggregate  // in stats: the value of Stats::aggregates[aggregate]
  } kind;
  QueryValue literal;  // kLiteral; kCall now(): when the query was parsed
  Period period;
  std::string name;  // field, operator ("and", "+") or function (lowercase)
  BinaryOp op = BinaryOp::kEq;
  Function fn = Function::kAbs;
  // kField: the field's index in QueryPlan::names. kCall bin() and the
  // aggregates that need the event's time: @timestamp's index.
  int slot = -1;
  int aggregate = -1;
  std::vector<std::unique_ptr<Expr>> args;
  std::shared_ptr<const re2::RE2> regex;  // kLike with /regex/
  bool negated = false;                   // not in, not like
  // As written, for column names. kBinary, kNot, kNeg and kIn keep none and
  // kLike only its operator and pattern ("like \"x\""): their text is built
  // from their operands' by ExprText, once, where a name is needed.
  std::string text;
  uint32_t height = 1;  // of the tree under it (parser.h: kMaxHeight)
};
using ExprPtr = std::unique_ptr<Expr>;

// The text of `e` as the column it makes is named: "bytes + 1",
// "not action = \"ACCEPT\"", "srcAddr in [...]".
std::string ExprText(const Expr& e);

// An aggregate function call inside a stats item: count(*), sum(bytes).
struct AggregateCall {
  AggregateFn fn;
  std::string fn_name;  // lowercase: count, sum, pct, ...
  ExprPtr arg;          // null for count(*) and count()
  double percentile = 0;
  std::string text;  // "sum(bytes)" as written
};

// An expression and the name of the column it makes.
struct Named {
  ExprPtr expr;
  std::string name;
  int slot = -1;      // the name's index in QueryPlan::names
  bool time = false;  // holds Insights timestamps (ms)
};

struct Stats {
  std::vector<Named> by;     // the group keys, first in the output
  std::vector<Named> items;  // expressions over `aggregates`
  std::vector<AggregateCall> aggregates;
};

// parse: a field's text into named fields, by glob or regular expression.
struct Extraction {
  ExprPtr source;                         // @message unless named
  std::shared_ptr<const re2::RE2> regex;  // a glob is compiled to one too
  std::vector<int> groups;                // the capture group of each name
  std::vector<std::string> names;
  std::vector<int> slots;
};

struct SortKey {
  std::string column;
  int slot = -1;
  bool desc = true;
};

struct Command {
  enum Kind {
    kFields,
    kParse,
    kFilter,
    kStats,
    kSort,
    kLimit,
    kDedup,
    kDisplay
  } kind;
  std::vector<Named> fields;  // fields, display
  ExprPtr filter;
  Stats stats;
  Extraction parse;
  std::vector<SortKey> sort;  // sort; dedup (desc unused)
  size_t limit = 0;
};

}  // namespace flowmon::insights

namespace flowmon {

// Lifetime: immutable once parsed; shared by a QuerySink and its workers.
class QueryPlan {
 public:
  std::vector<insights::Command> commands;
  // Every name the query refers to or defines; Expr::slot indexes this.
  std::vector<std::string> names;
  // commands[0, record_end) run on each record; the rest on the rows.
  size_t record_end = 0;
  size_t stats_at = SIZE_MAX;  // the first stats command
  int timestamp_slot = -1;     // @timestamp's index in names
  // Without stats: the names each event keeps for the commands on rows and
  // the output, and whether the events come newest first before them.
  std::vector<int> carried;
  bool newest_first = false;
  // The columns of the result: the last display, or the last stats' columns,
  // or the fields (@timestamp and @message by default).
  std::vector<insights::Named> output;
};

}  // namespace flowmon
