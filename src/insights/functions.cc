#include "insights/functions.h"

#include <cctype>

namespace flowmon::insights {
namespace {

bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

using R = ResultKind;

// AWS's "Boolean, comparison, numeric, datetime, and other functions" page,
// and round() of its newer numeric functions.
constexpr FunctionInfo kFunctions[] = {
    {"abs", Function::kAbs, 1, 1, R::kNumber, -1},
    {"ceil", Function::kCeil, 1, 1, R::kNumber, -1},
    {"floor", Function::kFloor, 1, 1, R::kNumber, -1},
    {"greatest", Function::kGreatest, 1, -1, R::kFirstArgument, -1},
    {"least", Function::kLeast, 1, -1, R::kFirstArgument, -1},
    {"log", Function::kLog, 1, 1, R::kNumber, -1},
    {"sqrt", Function::kSqrt, 1, 1, R::kNumber, -1},
    {"round", Function::kRound, 1, 2, R::kNumber, -1},
    {"ispresent", Function::kIsPresent, 1, 1, R::kNumber, -1},
    {"coalesce", Function::kCoalesce, 1, -1, R::kFirstArgument, -1},
    {"isempty", Function::kIsEmpty, 1, 1, R::kNumber, -1},
    {"isblank", Function::kIsBlank, 1, 1, R::kNumber, -1},
    {"concat", Function::kConcat, 1, -1, R::kString, -1},
    {"ltrim", Function::kLtrim, 1, 2, R::kString, -1},
    {"rtrim", Function::kRtrim, 1, 2, R::kString, -1},
    {"trim", Function::kTrim, 1, 2, R::kString, -1},
    {"strlen", Function::kStrlen, 1, 1, R::kNumber, -1},
    {"toupper", Function::kToUpper, 1, 1, R::kString, -1},
    {"tolower", Function::kToLower, 1, 1, R::kString, -1},
    {"substr", Function::kSubstr, 2, 3, R::kString, -1},
    {"replace", Function::kReplace, 3, 3, R::kString, -1},
    {"strcontains", Function::kStrContains, 2, 2, R::kNumber, -1},
    {"bin", Function::kBin, 1, 1, R::kTime, 0},
    {"datefloor", Function::kDateFloor, 2, 2, R::kTime, 1},
    {"dateceil", Function::kDateCeil, 2, 2, R::kTime, 1},
    {"fromMillis", Function::kFromMillis, 1, 1, R::kTime, -1},
    {"toMillis", Function::kToMillis, 1, 1, R::kNumber, -1},
    {"now", Function::kNow, 0, 0, R::kNumber, -1},
    {"isValidIp", Function::kIsValidIp, 1, 1, R::kNumber, -1},
    {"isValidIpV4", Function::kIsValidIpV4, 1, 1, R::kNumber, -1},
    {"isValidIpV6", Function::kIsValidIpV6, 1, 1, R::kNumber, -1},
    {"isIpInSubnet", Function::kIsIpInSubnet, 2, 2, R::kNumber, -1},
    {"isIpv4InSubnet", Function::kIsIpv4InSubnet, 2, 2, R::kNumber, -1},
    {"isIpv6InSubnet", Function::kIsIpv6InSubnet, 2, 2, R::kNumber, -1},
};

// AWS's "Aggregation functions in the stats command" and its
// non-aggregation functions.
constexpr AggregateInfo kAggregates[] = {
    {"avg", AggregateFn::kAvg, false},
    {"count", AggregateFn::kCount, false},
    {"count_distinct", AggregateFn::kCountDistinct, false},
    {"max", AggregateFn::kMax, true},
    {"min", AggregateFn::kMin, true},
    {"pct", AggregateFn::kPct, true},
    {"stddev", AggregateFn::kStddev, false},
    {"sum", AggregateFn::kSum, false},
    {"earliest", AggregateFn::kEarliest, true},
    {"latest", AggregateFn::kLatest, true},
    {"sortsFirst", AggregateFn::kSortsFirst, true},
    {"sortsLast", AggregateFn::kSortsLast, true},
};

}  // namespace

const FunctionInfo* FindFunction(std::string_view name) {
  for (const FunctionInfo& f : kFunctions) {
    if (SameWord(f.name, name)) return &f;
  }
  return nullptr;
}

const AggregateInfo* FindAggregate(std::string_view name) {
  for (const AggregateInfo& a : kAggregates) {
    if (SameWord(a.name, name)) return &a;
  }
  return nullptr;
}

}  // namespace flowmon::insights
