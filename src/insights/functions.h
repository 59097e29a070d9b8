// The functions of Logs Insights that flowmon query knows: the scalar
// functions of fields, filter and stats, and the aggregate functions of
// stats. One table serves the parser (names, argument counts) and the
// evaluator (the enum it switches on).
#pragma once

#include <string_view>

namespace flowmon::insights {

enum class Function {
  // numbers
  kAbs,
  kCeil,
  kFloor,
  kGreatest,
  kLeast,
  kLog,
  kSqrt,
  kRound,
  // general
  kIsPresent,
  kCoalesce,
  // strings
  kIsEmpty,
  kIsBlank,
  kConcat,
  kLtrim,
  kRtrim,
  kTrim,
  kStrlen,
  kToUpper,
  kToLower,
  kSubstr,
  kReplace,
  kStrContains,
  // date and time
  kBin,
  kDateFloor,
  kDateCeil,
  kFromMillis,
  kToMillis,
  kNow,
  // IP addresses
  kIsValidIp,
  kIsValidIpV4,
  kIsValidIpV6,
  kIsIpInSubnet,
  kIsIpv4InSubnet,
  kIsIpv6InSubnet,
};

// What a function's value is, for the columns that show times.
enum class ResultKind { kNumber, kString, kTime, kFirstArgument };

struct FunctionInfo {
  std::string_view name;  // as AWS spells it; matched without case
  Function fn;
  int min_args;
  int max_args;  // -1: any number
  ResultKind result;
  // The argument that must be a period (5m), or -1.
  int period_arg;
};

// The function named `name` (any case), or null.
const FunctionInfo* FindFunction(std::string_view name);

enum class AggregateFn {
  kAvg,
  kCount,
  kCountDistinct,
  kMax,
  kMin,
  kPct,
  kStddev,
  kSum,
  kEarliest,
  kLatest,
  kSortsFirst,
  kSortsLast
};

struct AggregateInfo {
  std::string_view name;
  AggregateFn fn;
  // Its value is one of the argument's values (a time stays a time).
  bool keeps_argument;
};

// The stats function named `name` (any case), or null.
const AggregateInfo* FindAggregate(std::string_view name);

}  // namespace flowmon::insights
