#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "flowmon/core/number.h"
#include "flowmon/core/record_time.h"
#include "flowmon/core/schema.h"
#include "flowmon/insights/query.h"
#include "insights/ast.h"
#include "insights/evaluator.h"
#include "insights/event_commands.h"
#include "insights/field_names.h"
#include "insights/parser.h"
#include "insights/prefilter.h"
#include "insights/record_stats.h"
#include "insights/result_stages.h"
#include "insights/result_writer.h"
#include "insights/stats_groups.h"

namespace flowmon {

using insights::Command;

namespace {

// One record as a Scope: its fields by their Insights names, @timestamp,
// @message, and what fields and parse gave it. Lifetime: reused for each
// record of one worker; Reset() points it at the next.
class RecordScope : public insights::Scope {
 public:
  explicit RecordScope(const QueryPlan* plan) {
    const size_t n = plan->names.size();
    source_.resize(n, kNone);
    flow_name_.resize(n);
    set_.resize(n);
    set_generation_.resize(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const std::string& name = plan->names[i];
      if (name == "@timestamp") {
        source_[i] = kTimestamp;
      } else if (name == "@message") {
        source_[i] = kMessage;
      } else if (const std::string_view flow = insights::FlowFieldFor(name);
                 !flow.empty()) {
        source_[i] = kField;
        flow_name_[i] = flow;
      }
    }
  }

  void Reset(const Record& rec, const RecordContext& ctx) {
    rec_ = &rec;
    ++generation_;
    time_known_ = false;
    schema_ = ctx.schema;
    // Column indexes depend on the format only (RecordContext::schema_id).
    if (ctx.schema_id != schema_id_ || ctx.schema_id == 0) {
      schema_id_ = ctx.schema_id;
      column_.assign(source_.size(), -1);
      is_int_.assign(source_.size(), false);
      if (schema_ != nullptr && !schema_->raw()) {
        for (size_t i = 0; i < source_.size(); ++i) {
          if (source_[i] != kField) continue;
          column_[i] = schema_->IndexOf(flow_name_[i]);
          is_int_[i] = column_[i] >= 0 &&
                       schema_->column(static_cast<size_t>(column_[i])).type ==
                           FieldType::kInt;
        }
      }
    }
  }

  QueryValue Value(int slot) override {
    const size_t i = static_cast<size_t>(slot);
    if (set_generation_[i] == generation_) return set_[i];
    switch (source_[i]) {
      case kTimestamp: {
        if (!time_known_) {
          time_ = RecordTimeMs(*rec_, schema_);
          time_known_ = true;
        }
        return time_ ? QueryValue(static_cast<double>(*time_)) : QueryValue();
      }
      case kMessage:
        return std::string(rec_->line);
      case kField: {
        std::string_view v;
        if (!FieldText(i, &v)) return {};
        double d;
        if (is_int_[i]) {
          if (ParseNumber(v, &d)) return d;
          if (v == "-") return {};
        }
        return std::string(v);
      }
      case kNone:
        return {};
    }
    return {};
  }

  bool View(int slot, std::string_view* out) override {
    const size_t i = static_cast<size_t>(slot);
    if (set_generation_[i] == generation_) {
      const std::string* s = std::get_if<std::string>(&set_[i]);
      if (s != nullptr) *out = *s;
      return s != nullptr;
    }
    if (source_[i] == kMessage) {
      *out = rec_->line;
      return true;
    }
    return source_[i] == kField && !is_int_[i] && FieldText(i, out);
  }

  void Set(int slot, QueryValue v) override {
    const size_t i = static_cast<size_t>(slot);
    set_[i] = std::move(v);
    set_generation_[i] = generation_;
  }

 private:
  enum Source : uint8_t { kNone, kTimestamp, kMessage, kField };

  bool FieldText(size_t slot, std::string_view* out) const {
    const int c = column_[slot];
    if (c < 0 || static_cast<size_t>(c) >= rec_->size) return false;
    *out = rec_->fields[static_cast<size_t>(c)];
    return true;
  }

  // Per name: where its value comes from, and its flow-log field.
  std::vector<Source> source_;
  std::vector<std::string_view> flow_name_;
  // Per name, for the current format: its column, and whether it is int.
  uint64_t schema_id_ = UINT64_MAX;
  std::vector<int> column_;
  std::vector<bool> is_int_;
  // The current record, and the values fields and parse gave it: set_[i]
  // holds one when set_generation_[i] is the record's generation.
  const Record* rec_ = nullptr;
  const Schema* schema_ = nullptr;
  bool time_known_ = false;
  std::optional<int64_t> time_;
  uint64_t generation_ = 0;
  std::vector<QueryValue> set_;
  std::vector<uint64_t> set_generation_;
};

// How many events the output can show when they come newest first and a
// limit follows the record phase directly: only that many newest ones
// matter. SIZE_MAX: all of them.
size_t NewestNeeded(const QueryPlan& plan) {
  if (!plan.newest_first || plan.record_end >= plan.commands.size())
    return SIZE_MAX;
  const Command& next = plan.commands[plan.record_end];
  return next.kind == Command::kLimit ? next.limit : SIZE_MAX;
}

}  // namespace

struct QuerySink::State {
  explicit State(const QueryPlan* plan)
      : timestamp_slot(plan->timestamp_slot),
        newest_needed(NewestNeeded(*plan)),
        scope(plan) {
    if (plan->stats_at != SIZE_MAX) {
      groups.emplace(&plan->commands[plan->stats_at].stats,
                     plan->timestamp_slot);
    } else {
      events.SetColumns(plan->carried, plan->names.size());
    }
  }

  // Drops the events that cannot be among the `newest_needed` newest once
  // there are plenty: ties keep the input's order, as the full sort does,
  // so what is left sorts to the same first rows.
  void KeepNewest() {
    if (newest_needed == SIZE_MAX ||
        events.rows.size() <
            newest_needed + std::max<size_t>(newest_needed, kPruneEvery)) {
      return;
    }
    SortNewestFirst(timestamp_slot, &events);
    events.rows.resize(newest_needed);
  }

  static constexpr size_t kPruneEvery = 4096;
  // How many workers NewWorker made: the run's threads, for the sort.
  unsigned workers_made = 0;
  const int timestamp_slot;
  const size_t newest_needed;
  RecordScope scope;
  insights::EventScratch scratch;
  insights::RecordStats::Scratch compiled_scratch;
  // Without stats: the carried values of each event, in input order (or
  // newest first, when KeepNewest dropped some).
  insights::Table events;
  // With stats: the first one's groups.
  std::optional<insights::StatsGroups> groups;
};

Result<std::unique_ptr<QuerySink>> QuerySink::Create(std::string_view text,
                                                     bool compile) {
  auto plan = std::make_shared<QueryPlan>();
  if (Status s = insights::ParseQuery(text, plan.get()); !s.ok()) return s;
  std::unique_ptr<QuerySink> sink(new QuerySink());
  if (const std::string p = insights::PrefilterPattern(*plan); !p.empty()) {
    Result<CompiledPattern> compiled = CompiledPattern::Compile(p);
    // Made of quoted words only, it compiles; were it not to, the query
    // runs without it, as correct and slower.
    if (compiled.ok())
      sink->prefilter_ =
          std::make_shared<const CompiledPattern>(std::move(*compiled));
  }
  if (compile) sink->compiled_ = insights::RecordStats::Compile(*plan);
  sink->plan_ = std::move(plan);
  sink->state_ = std::make_unique<State>(sink->plan_.get());
  return sink;
}

QuerySink::~QuerySink() = default;

std::unique_ptr<RecordSink> QuerySink::NewWorker() const {
  ++state_->workers_made;
  std::unique_ptr<QuerySink> w(new QuerySink());
  w->plan_ = plan_;
  w->compiled_ = compiled_;
  w->state_ = std::make_unique<State>(plan_.get());
  return w;
}

bool QuerySink::OnRecord(const Record& rec, const RecordContext& ctx) {
  const QueryPlan& plan = *plan_;
  State& st = *state_;
  if (compiled_) {
    compiled_->Add(rec, ctx, &st.compiled_scratch, &*st.groups);
    return true;
  }
  st.scope.Reset(rec, ctx);
  for (size_t i = 0; i < plan.record_end; ++i) {
    if (!insights::ApplyEventCommand(plan.commands[i], st.scope, &st.scratch))
      return true;
  }
  if (st.groups) {
    st.groups->Add(st.scope);
    return true;
  }
  std::vector<QueryValue>& row = st.events.rows.emplace_back();
  row.reserve(plan.carried.size());
  for (const int slot : plan.carried) row.push_back(st.scope.Value(slot));
  st.KeepNewest();
  return true;
}

void QuerySink::Absorb(RecordSink& worker_sink) {
  auto& w = static_cast<QuerySink&>(worker_sink);
  State& st = *state_;
  State& other = *w.state_;
  std::vector<std::vector<QueryValue>>& rows = st.events.rows;
  rows.insert(rows.end(), std::make_move_iterator(other.events.rows.begin()),
              std::make_move_iterator(other.events.rows.end()));
  other.events.rows.clear();
  st.KeepNewest();
  if (st.groups) st.groups->Absorb(*other.groups);
}

namespace {

// The rows of a stats, written straight from its groups in key order.
class GroupRows : public insights::RowSource {
 public:
  GroupRows(const insights::StatsGroups* groups, unsigned threads)
      : groups_(groups), threads_(threads), order_(groups->Order(threads)) {}
  size_t size() const override { return order_.size(); }
  void Row(size_t i, insights::CellView* cells,
           insights::RowScratch* scratch) const override {
    // The rows of the next ones, asked for ahead (measured in
    // docs/benchmarks.md: millions of groups).
    if (i + kAhead < order_.size()) groups_->Prefetch(order_[i + kAhead], 0);
    if (i + kAhead / 2 < order_.size())
      groups_->Prefetch(order_[i + kAhead / 2], 1);
    groups_->RowOf(order_[i], cells, scratch);
  }
  bool Widths(const std::vector<bool>& time_columns,
              size_t* widths) const override {
    return groups_->Widths(time_columns, widths, threads_);
  }
  // By group number: the groups' arrays in memory order.
  void AnyRow(size_t i, insights::CellView* cells,
              insights::RowScratch* scratch) const override {
    groups_->RowOf(static_cast<uint32_t>(i), cells, scratch);
  }

 private:
  static constexpr size_t kAhead = 16;
  const insights::StatsGroups* groups_;
  unsigned threads_;
  std::vector<uint32_t> order_;
};

// The slots of a stats' columns: its by values, then its items.
std::vector<int> StatsColumns(const insights::Stats& stats) {
  std::vector<int> slots;
  for (const auto* list : {&stats.by, &stats.items}) {
    for (const insights::Named& n : *list) slots.push_back(n.slot);
  }
  return slots;
}

}  // namespace

size_t QuerySink::Write(OutputFormat format, std::FILE* out) const {
  const QueryPlan& plan = *plan_;
  const State& st = *state_;
  if (st.groups && plan.stats_at + 1 == plan.commands.size() &&
      insights::OutputIsColumns(
          plan, StatsColumns(plan.commands[plan.stats_at].stats))) {
    // A stats' rows are the result: no value or string is made per cell.
    std::vector<std::string> columns;
    std::vector<bool> time_columns;
    for (const insights::Named& n : plan.output) {
      columns.push_back(n.name);
      time_columns.push_back(n.time);
    }
    const unsigned threads = st.workers_made > 0 ? 2 : 1;
    GroupRows rows(&*st.groups, threads);
    insights::WriteResult(format, columns, time_columns, rows, out, threads);
    return rows.size();
  }
  const QueryResult r = Output();
  insights::ResultRows rows(&r);
  insights::WriteResult(format, r.columns, r.time_columns, rows, out);
  return r.rows.size();
}

QueryResult QuerySink::Output() const {
  const QueryPlan& plan = *plan_;
  const State& st = *state_;
  insights::Table table;
  size_t next;
  if (st.groups) {
    table.SetColumns(StatsColumns(plan.commands[plan.stats_at].stats),
                     plan.names.size());
    table.rows = st.groups->Rows();
    next = plan.stats_at + 1;
  } else {
    table = st.events;
    if (plan.newest_first) SortNewestFirst(plan.timestamp_slot, &table);
    next = plan.record_end;
  }
  for (size_t i = next; i < plan.commands.size(); ++i)
    insights::ApplyResultStage(plan, i, &table);
  return insights::OutputOf(plan, &table);
}

}  // namespace flowmon
