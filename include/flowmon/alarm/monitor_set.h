// MonitorSet: many alarms, each on its own metric filter, evaluated in one
// pass over the inputs — the engine of `flowmon check`.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/core/status.h"
#include "flowmon/pattern/pattern.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/pipeline/sink.h"
#include "flowmon/sinks/metric.h"

namespace flowmon {

// One alarm on the metric a metric filter publishes.
struct MonitorSpec {
  std::string origin;   // where it was defined, to prefix errors
  std::string pattern;  // the metric filter's pattern
  MetricSpec metric;    // value, default value, filter dimensions
  // The series the alarm watches: the metric's "Name=value,..." key, or
  // empty for the metric without dimensions.
  std::string dimension_key;
  AlarmSpec alarm;
};

// A RecordSink that feeds each monitor's metric filter (a MetricAggregator)
// and replays its alarm (an AlarmEvaluator) on the closed minutes. Run it
// behind a pipeline that ConfigurePipeline() set up: the pipeline matches
// every pattern once per record, skips (with the literal prefilter) the
// lines no pattern can match, and says in RecordContext::matches which
// monitors a record is for. Given records without `matches` (a pipeline
// without the pattern set), the set matches each pattern itself.
//
// Each monitor sees what `flowmon alarm` would show it alone: its matches;
// on files, the time of every other record only when it has a default
// value; on streams, every record.
//
// Lifetime: the set owns its compiled patterns; ConfigurePipeline() puts
// pointers to them into the PipelineOptions, and workers from NewWorker()
// point to them too, so the set must outlive the pipeline run and its
// workers.
class MonitorSet : public RecordSink {
 public:
  // Called on every state change of monitor `index` (an index into the
  // specs given to Create), as it happens, on the main thread.
  using OnTransition =
      std::function<void(size_t index, const AlarmTransition& t)>;

  // Compiles each monitor's pattern and metric. Errors are prefixed with
  // the monitor's origin. Every alarm is replayed over `window`.
  static Result<std::unique_ptr<MonitorSet>> Create(
      const std::vector<MonitorSpec>& specs, int64_t lateness,
      OnTransition on_transition, ReplayWindow window = {});
  ~MonitorSet() override;

  // True when every pattern is a JSON pattern: such monitors only match
  // JSON events, so inputs should be read as raw lines.
  bool all_json() const;
  // Sets options->patterns to the monitors' patterns, what the pipeline
  // must deliver for them, and, with a window's `since`, options->since to
  // the oldest record time an evaluation uses (the rest of *options is the
  // caller's).
  void ConfigurePipeline(PipelineOptions* options) const;

  std::unique_ptr<RecordSink> NewWorker() const override;
  // What every monitor's metric reads (the pipeline adds the patterns').
  void AddNeededFields(FieldNeeds* needs) const override;
  bool OnRecord(const Record& rec, const RecordContext& ctx) override;
  void OnRejected(const Record& rec, const RecordContext& ctx) override;
  void OnRejectedTime(int64_t timestamp_ms, std::string_view start,
                      const RecordContext& ctx) override;
  void Absorb(RecordSink& worker) override;
  void OnLiveChunkEnd() override;
  // Hands out every monitor's last minutes, then finishes its alarm.
  Status Finish() override;

  size_t size() const { return aggregators_.size(); }
  // Monitor `i`'s alarm: its state, datapoints and spec. Final after
  // Finish().
  const AlarmEvaluator& alarm(size_t i) const;
  const std::vector<AlarmTransition>& transitions(size_t i) const;
  // When monitor `i` first went into ALARM, if it did.
  std::optional<int64_t> first_alarm(size_t i) const;

 private:
  struct Monitor;
  MonitorSet() = default;
  // Moves every aggregator's clock to clock_, before anything reads it.
  void AdvanceClocks();

  // Main set only: the monitors, at stable addresses.
  std::vector<std::unique_ptr<Monitor>> monitors_;
  // Workers only: their own aggregators.
  std::vector<std::unique_ptr<RecordSink>> owned_;
  // Per monitor, in both: its pattern (owned by the main set's Monitor) and
  // this set's aggregator for it.
  std::vector<const CompiledPattern*> patterns_;
  std::vector<MetricAggregator*> aggregators_;
  // The monitors that need the time of records they do not match (their
  // metric has a default value), as a list and per monitor.
  std::vector<size_t> wants_times_;
  std::vector<uint8_t> has_default_;
  // The latest time (seconds) of the records OnRecord saw, not yet handed
  // to the aggregators' clocks (AdvanceClocks).
  int64_t clock_ = INT64_MIN;
  // Main set only: the oldest record time an evaluation uses, if bounded.
  std::optional<int64_t> first_used_;
};

}  // namespace flowmon
