#include "flowmon/alarm/monitor_set.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "flowmon/core/record_time.h"
#include "flowmon/ingest/source.h"

namespace flowmon {

struct MonitorSet::Monitor {
  CompiledPattern pattern;
  std::string dimension_key;
  std::unique_ptr<MetricAggregator> aggregator;
  std::unique_ptr<AlarmEvaluator> alarm;
  std::vector<AlarmTransition> transitions;
  std::optional<int64_t> first_alarm;
};

MonitorSet::~MonitorSet() = default;

Result<std::unique_ptr<MonitorSet>> MonitorSet::Create(
    const std::vector<MonitorSpec>& specs, int64_t lateness,
    OnTransition on_transition, ReplayWindow window) {
  std::unique_ptr<MonitorSet> set(new MonitorSet());
  auto shared_on_transition =
      std::make_shared<OnTransition>(std::move(on_transition));
  for (size_t i = 0; i < specs.size(); ++i) {
    const MonitorSpec& spec = specs[i];
    auto m = std::make_unique<Monitor>();
    Result<CompiledPattern> pattern = CompiledPattern::Compile(spec.pattern);
    if (!pattern.ok()) {
      return Status::InvalidArgument(spec.origin + ": " +
                                     pattern.status().message());
    }
    m->pattern = std::move(*pattern);
    m->dimension_key = spec.dimension_key;
    Monitor* const r = m.get();
    m->alarm = std::make_unique<AlarmEvaluator>(
        spec.alarm,
        [r, i, shared_on_transition](const AlarmTransition& t) {
          r->transitions.push_back(t);
          if (t.to == AlarmState::kAlarm && !r->first_alarm) {
            r->first_alarm = t.time;
          }
          if (*shared_on_transition) (*shared_on_transition)(i, t);
        },
        window);
    if (const std::optional<int64_t> used = window.FirstUsed(spec.alarm)) {
      set->first_used_ = std::min(set->first_used_.value_or(*used), *used);
    }
    Result<std::unique_ptr<MetricAggregator>> aggregator =
        MetricAggregator::Create(
            spec.metric, m->pattern, spec.alarm.stat.needs_values(), lateness,
            [r](const ClosedMinute& minute) {
              if (minute.dimensions == r->dimension_key) {
                r->alarm->AddMinute(minute.minute, minute.samples);
              }
            });
    if (!aggregator.ok()) {
      return Status::InvalidArgument(spec.origin + ": " +
                                     aggregator.status().message());
    }
    m->aggregator = std::move(*aggregator);
    m->aggregator->set_on_advance([r](int64_t t) { r->alarm->AdvanceTo(t); });
    if (m->aggregator->wants_rejected()) set->wants_times_.push_back(i);
    set->has_default_.push_back(m->aggregator->wants_rejected() ? 1 : 0);
    set->patterns_.push_back(&m->pattern);
    set->aggregators_.push_back(m->aggregator.get());
    set->monitors_.push_back(std::move(m));
  }
  return set;
}

bool MonitorSet::all_json() const {
  for (const CompiledPattern* p : patterns_) {
    if (!p->wants_json()) return false;
  }
  return true;
}

void MonitorSet::ConfigurePipeline(PipelineOptions* options) const {
  options->pattern = nullptr;
  options->patterns = patterns_;
  options->invert = false;
  // Monitors with a default value count every minute's log events: the
  // times of the records no pattern selects, which the prefilter can give
  // without tokenizing them. Streams deliver every record, for the clocks.
  options->deliver_rejected = false;
  options->deliver_rejected_times = !wants_times_.empty();
  options->deliver_rejected_when_live = true;
  if (first_used_) options->since = first_used_;
}

void MonitorSet::AddNeededFields(FieldNeeds* needs) const {
  for (const MetricAggregator* a : aggregators_) a->AddNeededFields(needs);
}

std::unique_ptr<RecordSink> MonitorSet::NewWorker() const {
  std::unique_ptr<MonitorSet> w(new MonitorSet());
  w->patterns_ = patterns_;
  w->wants_times_ = wants_times_;
  w->has_default_ = has_default_;
  for (const MetricAggregator* a : aggregators_) {
    w->owned_.push_back(a->NewWorker());
    w->aggregators_.push_back(
        static_cast<MetricAggregator*>(w->owned_.back().get()));
  }
  return w;
}

// The record's time is found once for all the monitors (a quarter of
// check's instructions went to finding it once per monitor). A monitor
// without a default value that does not match a record only needs the
// record's time for its stream clock, which moves once for all of them
// (clock_, handed on by AdvanceClocks): ten calls per record were a tenth
// of check's instructions.
bool MonitorSet::OnRecord(const Record& rec, const RecordContext& ctx) {
  const bool matched = ctx.matches.size() == aggregators_.size();
  const std::optional<int64_t> ms = RecordTimeMs(rec, ctx.schema);
  if (ms) clock_ = std::max(clock_, FloorSeconds(*ms));
  for (size_t i = 0; i < aggregators_.size(); ++i) {
    if (matched ? ctx.matches[i] != 0 : patterns_[i]->Matches(rec)) {
      aggregators_[i]->OnRecordAt(rec, ms);
    } else if (!ms || has_default_[i] != 0) {
      aggregators_[i]->OnRejectedAt(ms);  // counts it untimed, or an event
    }
  }
  return true;
}

void MonitorSet::AdvanceClocks() {
  if (clock_ == INT64_MIN) return;
  for (MetricAggregator* a : aggregators_) a->AdvanceClock(clock_);
}

void MonitorSet::OnRejected(const Record& rec, const RecordContext& ctx) {
  const std::optional<int64_t> ms = RecordTimeMs(rec, ctx.schema);
  for (MetricAggregator* a : aggregators_) a->OnRejectedAt(ms);
}

void MonitorSet::OnRejectedTime(int64_t timestamp_ms, std::string_view start,
                                const RecordContext& /*ctx*/) {
  if (wants_times_.empty()) return;
  const std::optional<int64_t> ms = RecordTimeMs(timestamp_ms, start);
  for (size_t i : wants_times_) aggregators_[i]->OnRejectedAt(ms);
}

void MonitorSet::Absorb(RecordSink& worker) {
  auto& w = static_cast<MonitorSet&>(worker);
  w.AdvanceClocks();
  for (size_t i = 0; i < aggregators_.size(); ++i) {
    aggregators_[i]->Absorb(*w.aggregators_[i]);
  }
}

void MonitorSet::OnLiveChunkEnd() {
  AdvanceClocks();
  for (MetricAggregator* a : aggregators_) a->OnLiveChunkEnd();
}

Status MonitorSet::Finish() {
  MarkInputEnded();
  AdvanceClocks();
  // Every metric's last minutes first, then every alarm's last
  // evaluations: transitions come out in that order.
  for (MetricAggregator* a : aggregators_) a->Finish();
  for (const auto& m : monitors_) m->alarm->Finish();
  return Status::Ok();
}

const AlarmEvaluator& MonitorSet::alarm(size_t i) const {
  return *monitors_[i]->alarm;
}

const std::vector<AlarmTransition>& MonitorSet::transitions(size_t i) const {
  return monitors_[i]->transitions;
}

std::optional<int64_t> MonitorSet::first_alarm(size_t i) const {
  return monitors_[i]->first_alarm;
}

}  // namespace flowmon
