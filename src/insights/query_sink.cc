#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "flowmon/core/number.h"
#include "flowmon/core/percentile.h"
#include "flowmon/core/record_time.h"
#include "flowmon/core/schema.h"
#include "flowmon/insights/query.h"
#include "insights/ast.h"
#include "insights/evaluator.h"
#include "insights/field_names.h"
#include "insights/parser.h"
#include "insights/result_stages.h"
#include "insights/values.h"

namespace flowmon {

using insights::Aggregate;
using insights::AsNumber;
using insights::AsString;
using insights::Command;
using insights::CompareValues;
using insights::Eval;
using insights::FlowFieldFor;
using insights::Lookup;
using insights::Named;
using insights::Truthy;

namespace {

struct AggState {
  double count = 0, sum = 0, min = 0, max = 0;
  std::set<std::string> distinct;
  std::vector<double> values;
};

}  // namespace

struct QuerySink::State {
  // Rows before stats (no stats: the result rows), with their column names.
  std::vector<std::string> columns;
  std::vector<std::vector<QueryValue>> rows;
  std::vector<bool> time_columns;
  // stats: group key -> (key values, aggregate states), in first-seen order.
  std::map<std::string,
           std::pair<std::vector<QueryValue>, std::vector<AggState>>>
      groups;
};

Result<std::unique_ptr<QuerySink>> QuerySink::Create(std::string_view text) {
  auto plan = std::make_shared<QueryPlan>();
  if (Status s = insights::ParseQuery(text, plan.get()); !s.ok()) return s;
  std::unique_ptr<QuerySink> sink(new QuerySink());
  sink->plan_ = std::move(plan);
  sink->state_ = std::make_unique<State>();
  return sink;
}

QuerySink::~QuerySink() = default;

std::unique_ptr<RecordSink> QuerySink::NewWorker() const {
  std::unique_ptr<QuerySink> w(new QuerySink());
  w->plan_ = plan_;
  w->state_ = std::make_unique<State>();
  return w;
}

bool QuerySink::OnRecord(const Record& rec, const RecordContext& ctx) {
  const Schema* schema = ctx.schema;
  std::map<std::string, QueryValue> computed;
  const int64_t ts = RecordTimeMs(rec, schema).value_or(-1);
  const Lookup lookup = [&](const std::string& name) -> QueryValue {
    if (auto it = computed.find(name); it != computed.end()) return it->second;
    if (name == "@timestamp")
      return ts >= 0 ? QueryValue(static_cast<double>(ts)) : QueryValue();
    if (name == "@message") return std::string(rec.line);
    if (schema == nullptr || schema->raw()) return {};
    const std::string_view flow = FlowFieldFor(name);
    if (flow.empty()) return {};
    const int i = schema->IndexOf(flow);
    if (i < 0) return {};
    const std::string_view v = rec.fields[static_cast<size_t>(i)];
    double d;
    if (schema->column(static_cast<size_t>(i)).type == FieldType::kInt) {
      if (ParseNumber(v, &d)) return d;
      if (v == "-") return {};
    }
    return std::string(v);
  };
  const QueryPlan& plan = *plan_;
  State& st = *state_;
  const size_t end = std::min(plan.stats_at, plan.commands.size());
  std::vector<std::string> out_columns = {"@timestamp", "@message"};
  for (size_t i = 0; i < end; ++i) {
    const Command& c = plan.commands[i];
    if (c.kind == Command::kFilter) {
      if (!Truthy(Eval(*c.filter, lookup))) return true;
    } else if (c.kind == Command::kFields) {
      if (i == 0 || out_columns.size() == 2) out_columns.clear();
      for (const Named& n : c.fields) {
        computed[n.name] = Eval(*n.expr, lookup);
        if (std::find(out_columns.begin(), out_columns.end(), n.name) ==
            out_columns.end()) {
          out_columns.push_back(n.name);
        }
      }
    } else {
      break;  // sort, limit, dedup, display apply to results
    }
  }
  if (plan.stats_at == SIZE_MAX) {
    if (st.columns.empty()) {
      st.columns = out_columns;
      for (const std::string& c : out_columns)
        st.time_columns.push_back(c == "@timestamp");
    }
    std::vector<QueryValue> row;
    for (const std::string& c : st.columns) row.push_back(lookup(c));
    st.rows.push_back(std::move(row));
    return true;
  }
  const Command& stats = plan.commands[plan.stats_at];
  std::vector<QueryValue> key;
  std::string key_text;
  for (const Named& n : stats.fields) {
    QueryValue v;
    if (n.bin_ms > 0) {
      if (ts >= 0)
        v = static_cast<double>(ts - ((ts % n.bin_ms) + n.bin_ms) % n.bin_ms);
    } else {
      v = Eval(*n.expr, lookup);
    }
    key_text += AsString(v);
    key_text.push_back('\x1f');
    key.push_back(std::move(v));
  }
  auto [it, inserted] = st.groups.try_emplace(key_text);
  if (inserted) {
    it->second.first = std::move(key);
    it->second.second.resize(stats.aggregates.size());
  }
  for (size_t i = 0; i < stats.aggregates.size(); ++i) {
    const Aggregate& a = stats.aggregates[i];
    AggState& s = it->second.second[i];
    if (!a.arg) {
      ++s.count;
      continue;
    }
    const QueryValue v = Eval(*a.arg, lookup);
    if (std::holds_alternative<std::monostate>(v)) continue;
    if (a.fn == "count") {
      ++s.count;
    } else if (a.fn == "count_distinct") {
      s.distinct.insert(AsString(v));
    } else {
      double d;
      if (!AsNumber(v, &d)) continue;
      s.min = s.count == 0 ? d : std::min(s.min, d);
      s.max = s.count == 0 ? d : std::max(s.max, d);
      ++s.count;
      s.sum += d;
      if (a.fn == "pct") s.values.push_back(d);
    }
  }
  return true;
}

void QuerySink::Absorb(RecordSink& worker_sink) {
  auto& w = static_cast<QuerySink&>(worker_sink);
  State& st = *state_;
  if (st.columns.empty()) {
    st.columns = w.state_->columns;
    st.time_columns = w.state_->time_columns;
  }
  for (auto& row : w.state_->rows) st.rows.push_back(std::move(row));
  for (auto& [k, group] : w.state_->groups) {
    auto [it, inserted] = st.groups.try_emplace(k);
    if (inserted) {
      it->second = std::move(group);
      continue;
    }
    for (size_t i = 0; i < group.second.size(); ++i) {
      AggState& a = it->second.second[i];
      const AggState& b = group.second[i];
      if (b.count > 0) {
        a.min = a.count == 0 ? b.min : std::min(a.min, b.min);
        a.max = a.count == 0 ? b.max : std::max(a.max, b.max);
      }
      a.count += b.count;
      a.sum += b.sum;
      a.distinct.insert(b.distinct.begin(), b.distinct.end());
      a.values.insert(a.values.end(), b.values.begin(), b.values.end());
    }
  }
  w.state_ = std::make_unique<State>();
}

QueryResult QuerySink::Output() const {
  const QueryPlan& plan = *plan_;
  const State& st = *state_;
  QueryResult r;
  size_t after;
  if (plan.stats_at == SIZE_MAX) {
    r.columns = st.columns.empty()
                    ? std::vector<std::string>{"@timestamp", "@message"}
                    : st.columns;
    r.time_columns = st.time_columns.empty() ? std::vector<bool>{true, false}
                                             : st.time_columns;
    r.rows = st.rows;
    after = 0;
    // Insights shows the newest events first unless the query sorts.
    const bool sorts =
        std::any_of(plan.commands.begin(), plan.commands.end(),
                    [](const Command& c) { return c.kind == Command::kSort; });
    auto ts = std::find(r.columns.begin(), r.columns.end(), "@timestamp");
    if (!sorts && ts != r.columns.end()) {
      const size_t i = static_cast<size_t>(ts - r.columns.begin());
      std::stable_sort(r.rows.begin(), r.rows.end(),
                       [i](const auto& a, const auto& b) {
                         return CompareValues(b[i], a[i]) < 0;
                       });
    }
    for (size_t i = 0; i < plan.commands.size(); ++i) {
      if (plan.commands[i].kind != Command::kFilter &&
          plan.commands[i].kind != Command::kFields) {
        after = i;
        break;
      }
      after = plan.commands.size();
    }
  } else {
    const Command& stats = plan.commands[plan.stats_at];
    for (const Named& n : stats.fields) {
      r.columns.push_back(n.name);
      r.time_columns.push_back(n.bin_ms > 0);
    }
    for (const Aggregate& a : stats.aggregates) {
      r.columns.push_back(a.name);
      r.time_columns.push_back(false);
    }
    for (const auto& [k, group] : st.groups) {
      std::vector<QueryValue> row = group.first;
      for (size_t i = 0; i < stats.aggregates.size(); ++i) {
        const Aggregate& a = stats.aggregates[i];
        const AggState& s = group.second[i];
        QueryValue v;
        if (a.fn == "count") {
          v = s.count;
        } else if (a.fn == "count_distinct") {
          v = static_cast<double>(s.distinct.size());
        } else if (s.count > 0) {
          if (a.fn == "sum") v = s.sum;
          if (a.fn == "avg") v = s.sum / s.count;
          if (a.fn == "min") v = s.min;
          if (a.fn == "max") v = s.max;
          if (a.fn == "pct") {
            if (auto p = NearestRankPercentile(s.values, a.percentile)) v = *p;
          }
        }
        row.push_back(std::move(v));
      }
      r.rows.push_back(std::move(row));
    }
    after = plan.stats_at + 1;
  }
  for (size_t i = after; i < plan.commands.size(); ++i)
    insights::ApplyResultStage(plan.commands[i], &r);
  return r;
}

}  // namespace flowmon
