// Evaluates a query expression in a Scope: one record, or one result row.
#pragma once

#include <string_view>

#include "flowmon/insights/query.h"
#include "insights/ast.h"

namespace flowmon::insights {

// Where an expression finds the values of its names. Lifetime: a Scope
// outlives the Eval calls it is passed to.
class Scope {
 public:
  virtual ~Scope() = default;
  // The value of QueryPlan::names[slot]; null when there is none.
  virtual QueryValue Value(int slot) = 0;
  // The value of names[slot] as a view when it is a string, without a copy;
  // valid until the next Set() or the next record. False: use Value().
  virtual bool View(int /*slot*/, std::string_view* /*out*/) { return false; }
  // Gives names[slot] a value (fields, parse).
  virtual void Set(int slot, QueryValue v) = 0;
  // In a stats item: the value of Stats::aggregates[i].
  virtual QueryValue Aggregate(int /*i*/) { return {}; }
};

QueryValue Eval(const Expr& e, Scope& scope);

// Whether comparison `op` (= != < <= > >=) holds for an order `c`
// (CompareValues' -1, 0, 1).
bool ComparisonHolds(BinaryOp op, int c);

// The value of `e` as a view when it is a string field the scope holds or a
// string literal: Eval without a copy. Valid as Scope::View's. False: use
// Eval.
bool ViewOf(const Expr& e, Scope& scope, std::string_view* out);

}  // namespace flowmon::insights
