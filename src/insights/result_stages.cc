#include "insights/result_stages.h"

#include <algorithm>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "insights/evaluator.h"
#include "insights/values.h"

namespace flowmon::insights {

void ApplyResultStage(const Command& c, QueryResult* result) {
  QueryResult& r = *result;
  auto column = [&](const std::string& name) -> int {
    auto it = std::find(r.columns.begin(), r.columns.end(), name);
    return it == r.columns.end() ? -1
                                 : static_cast<int>(it - r.columns.begin());
  };
  auto row_lookup = [&](const std::vector<QueryValue>& row) {
    return Lookup([&, rowp = &row](const std::string& name) -> QueryValue {
      const int i2 = column(name);
      return i2 < 0 ? QueryValue() : (*rowp)[static_cast<size_t>(i2)];
    });
  };
  if (c.kind == Command::kSort) {
    std::stable_sort(
        r.rows.begin(), r.rows.end(), [&](const auto& a, const auto& b) {
          for (const SortKey& k : c.sort) {
            const int i2 = column(k.column);
            if (i2 < 0) continue;
            const QueryValue& x = a[static_cast<size_t>(i2)];
            const QueryValue& y = b[static_cast<size_t>(i2)];
            const bool xn = std::holds_alternative<std::monostate>(x);
            const bool yn = std::holds_alternative<std::monostate>(y);
            if (xn != yn) return yn;  // nulls last, either direction
            const int cmp = CompareValues(x, y);
            if (cmp != 0) return k.desc ? cmp > 0 : cmp < 0;
          }
          return false;
        });
  } else if (c.kind == Command::kLimit) {
    if (r.rows.size() > c.limit) r.rows.resize(c.limit);
  } else if (c.kind == Command::kFilter) {
    std::vector<std::vector<QueryValue>> kept;
    for (auto& row : r.rows) {
      if (Truthy(Eval(*c.filter, row_lookup(row))))
        kept.push_back(std::move(row));
    }
    r.rows = std::move(kept);
  } else if (c.kind == Command::kDedup) {
    std::set<std::string> seen;
    std::vector<std::vector<QueryValue>> kept;
    for (auto& row : r.rows) {
      std::string key;
      for (const std::string& n : c.names) {
        const int i2 = column(n);
        key += (i2 < 0 ? "" : AsString(row[static_cast<size_t>(i2)])) + '\x1f';
      }
      if (seen.insert(key).second) kept.push_back(std::move(row));
    }
    r.rows = std::move(kept);
  } else if (c.kind == Command::kDisplay || c.kind == Command::kFields) {
    std::vector<int> idx;
    std::vector<std::string> names;
    std::vector<bool> times;
    for (const std::string& n :
         c.kind == Command::kDisplay ? c.names : std::vector<std::string>{}) {
      idx.push_back(column(n));
      names.push_back(n);
      times.push_back(column(n) >= 0 &&
                      r.time_columns[static_cast<size_t>(column(n))]);
    }
    if (c.kind == Command::kFields) return;
    for (auto& row : r.rows) {
      std::vector<QueryValue> out;
      for (int i2 : idx)
        out.push_back(i2 < 0 ? QueryValue() : row[static_cast<size_t>(i2)]);
      row = std::move(out);
    }
    r.columns = std::move(names);
    r.time_columns = std::move(times);
  }
}

}  // namespace flowmon::insights
