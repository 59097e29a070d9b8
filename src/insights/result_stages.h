// The rows the commands after the record phase work on, and those commands:
// filter, fields and parse on rows, sort, limit, dedup, a second stats; and
// the result the last display (or stats, or fields) shows of them.
#pragma once

#include <vector>

#include "flowmon/insights/query.h"
#include "insights/ast.h"
#include "insights/evaluator.h"

namespace flowmon::insights {

// Rows of the values of some names of QueryPlan::names.
struct Table {
  std::vector<int> columns;         // the slot of each column
  std::vector<int> column_of_slot;  // per slot: its column, or -1
  std::vector<std::vector<QueryValue>> rows;

  // Columns for `slots`, with QueryPlan::names.size() == `names`.
  void SetColumns(std::vector<int> slots, size_t names);
};

// One row of a Table as a Scope: names without a column are null.
class RowScope : public Scope {
 public:
  RowScope(const Table* table, std::vector<QueryValue>* row)
      : table_(table), row_(row) {}
  QueryValue Value(int slot) override;
  bool View(int slot, std::string_view* out) override;
  void Set(int slot, QueryValue v) override;

 private:
  const Table* table_;
  std::vector<QueryValue>* row_;
};

// Orders the rows by `slot`, newest first, keeping the order of ties.
void SortNewestFirst(int slot, Table* table);

// Applies commands[index] (not a fields, parse or filter of the record
// phase) to `table`.
void ApplyResultStage(const QueryPlan& plan, size_t index, Table* table);

// Whether plan.output is the columns of slots `columns`, in that order: the
// table's rows are then the result as they are.
bool OutputIsColumns(const QueryPlan& plan, const std::vector<int>& columns);

// The rows of plan.output over `table`.
QueryResult OutputOf(const QueryPlan& plan, Table* table);

}  // namespace flowmon::insights
