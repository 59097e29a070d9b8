#include "insights/result_stages.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "insights/event_commands.h"
#include "insights/stats_groups.h"
#include "insights/values.h"

namespace flowmon::insights {
namespace {

bool IsNull(const QueryValue& v) {
  return std::holds_alternative<std::monostate>(v);
}

// Insights' order for one key, nulls last either way; true when `x` goes
// before `y`, and `*decided` when they differ.
bool Before(const QueryValue& x, const QueryValue& y, bool desc,
            bool* decided) {
  const bool xn = IsNull(x), yn = IsNull(y);
  *decided = true;
  if (xn != yn) return yn;
  const int c = CompareValues(x, y);
  if (c == 0) {
    *decided = false;
    return false;
  }
  return desc ? c > 0 : c < 0;
}

void Sort(const std::vector<SortKey>& keys, Table* t) {
  std::vector<int> columns;
  for (const SortKey& k : keys)
    columns.push_back(t->column_of_slot[static_cast<size_t>(k.slot)]);
  std::stable_sort(
      t->rows.begin(), t->rows.end(), [&](const auto& a, const auto& b) {
        for (size_t i = 0; i < keys.size(); ++i) {
          if (columns[i] < 0) continue;  // never set: all null
          const size_t c = static_cast<size_t>(columns[i]);
          bool decided;
          const bool before = Before(a[c], b[c], keys[i].desc, &decided);
          if (decided) return before;
        }
        return false;
      });
}

// AWS: one event per combination of the values; an event with a null among
// them is no duplicate and stays.
void Dedup(const std::vector<SortKey>& keys, Table* t) {
  std::set<std::string> seen;
  std::vector<std::vector<QueryValue>> kept;
  std::string key;
  for (auto& row : t->rows) {
    key.clear();
    bool has_null = false;
    for (const SortKey& k : keys) {
      const int c = t->column_of_slot[static_cast<size_t>(k.slot)];
      const QueryValue& v = c < 0 ? QueryValue() : row[static_cast<size_t>(c)];
      has_null = has_null || IsNull(v);
      key += AsString(v);
      key.push_back('\x1f');
    }
    if (has_null || seen.insert(key).second) kept.push_back(std::move(row));
  }
  t->rows = std::move(kept);
}

void SecondStats(const QueryPlan& plan, const Stats& stats, Table* t) {
  StatsGroups groups(&stats, plan.timestamp_slot);
  for (auto& row : t->rows) {
    RowScope scope(t, &row);
    groups.Add(scope);
  }
  std::vector<int> slots;
  for (const Named& n : stats.by) slots.push_back(n.slot);
  for (const Named& n : stats.items) slots.push_back(n.slot);
  t->SetColumns(std::move(slots), plan.names.size());
  t->rows = groups.Rows();
}

}  // namespace

void Table::SetColumns(std::vector<int> slots, size_t names) {
  columns = std::move(slots);
  column_of_slot.assign(names, -1);
  for (size_t i = 0; i < columns.size(); ++i)
    column_of_slot[static_cast<size_t>(columns[i])] = static_cast<int>(i);
}

QueryValue RowScope::Value(int slot) {
  const int c = table_->column_of_slot[static_cast<size_t>(slot)];
  return c < 0 ? QueryValue() : (*row_)[static_cast<size_t>(c)];
}

bool RowScope::View(int slot, std::string_view* out) {
  const int c = table_->column_of_slot[static_cast<size_t>(slot)];
  if (c < 0) return false;
  const auto* s = std::get_if<std::string>(&(*row_)[static_cast<size_t>(c)]);
  if (s != nullptr) *out = *s;
  return s != nullptr;
}

void RowScope::Set(int slot, QueryValue v) {
  const int c = table_->column_of_slot[static_cast<size_t>(slot)];
  if (c >= 0) (*row_)[static_cast<size_t>(c)] = std::move(v);
}

void SortNewestFirst(int slot, Table* table) {
  Sort({SortKey{"@timestamp", slot, true}}, table);
}

void ApplyResultStage(const QueryPlan& plan, size_t index, Table* t) {
  const Command& c = plan.commands[index];
  switch (c.kind) {
    case Command::kFilter:
    case Command::kFields:
    case Command::kParse: {
      EventScratch scratch;
      std::vector<std::vector<QueryValue>> kept;
      for (auto& row : t->rows) {
        RowScope scope(t, &row);
        if (ApplyEventCommand(c, scope, &scratch))
          kept.push_back(std::move(row));
      }
      t->rows = std::move(kept);
      return;
    }
    case Command::kSort:
      Sort(c.sort, t);
      return;
    case Command::kLimit:
      if (t->rows.size() > c.limit) t->rows.resize(c.limit);
      return;
    case Command::kDedup:
      Dedup(c.sort, t);
      return;
    case Command::kStats:
      SecondStats(plan, c.stats, t);
      return;
    case Command::kDisplay:
      return;  // the last one picks the output's columns
  }
}

bool OutputIsColumns(const QueryPlan& plan, const std::vector<int>& columns) {
  if (plan.output.size() != columns.size()) return false;
  for (size_t i = 0; i < columns.size(); ++i) {
    const Expr& e = *plan.output[i].expr;
    if (e.kind != Expr::kField || e.slot != columns[i]) return false;
    // A name twice among the columns: the later one holds its value.
    if (std::find(columns.begin() + static_cast<ptrdiff_t>(i) + 1,
                  columns.end(), columns[i]) != columns.end())
      return false;
  }
  return true;
}

QueryResult OutputOf(const QueryPlan& plan, Table* table) {
  QueryResult r;
  for (const Named& n : plan.output) {
    r.columns.push_back(n.name);
    r.time_columns.push_back(n.time);
  }
  if (OutputIsColumns(plan, table->columns)) {
    r.rows = std::move(table->rows);
    return r;
  }
  for (auto& row : table->rows) {
    RowScope scope(table, &row);
    std::vector<QueryValue> out;
    out.reserve(plan.output.size());
    for (const Named& n : plan.output) out.push_back(Eval(*n.expr, scope));
    r.rows.push_back(std::move(out));
  }
  return r;
}

}  // namespace flowmon::insights
