// RunMetricFilter: one metric filter over inputs, its minutes fed to an
// alarm and/or a callback — the run behind `flowmon metric` and
// `flowmon alarm --pattern`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/core/status.h"
#include "flowmon/pattern/pattern.h"
#include "flowmon/pipeline/diagnostics.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/sinks/metric.h"

namespace flowmon {

struct MetricFilterConfig {
  // The metric filter's pattern. Not owned: it must outlive the call (the
  // aggregator points into it).
  const CompiledPattern* pattern = nullptr;
  MetricSpec metric;         // value, default value, dimensions
  bool keep_values = false;  // keep every sample (percentile statistics)
  int64_t lateness = 600;    // seconds; see MetricAggregator
  // Where the closed minutes go, in time order; either may be empty.
  // `alarm` (not owned, must outlive the call) is fed every minute
  // (AddMinute) and, on streams, the time before which minutes are final
  // (AdvanceTo); its Finish() is left to the caller. Records too old for
  // its ReplayWindow are not read.
  AlarmEvaluator* alarm = nullptr;
  MetricAggregator::Emit on_minute;
};

struct MetricFilterResult {
  PipelineStats stats;
  MetricCounters counters;  // skipped values, untimed and late events
};

// Runs `pipeline` (the caller's format, threads and sources; the pattern
// and what to deliver are set here) over `inputs` into a MetricAggregator,
// then hands out the last minutes. `inputs` are paths as typed: files,
// directories (read recursively, ExpandInputs) or "-"; none is stdin.
// Errors, before any input is read: the value or dimensions do not fit
// the pattern. Input problems (paths that do not exist included) go to
// `diagnostics`, as RunPipeline's do.
Result<MetricFilterResult> RunMetricFilter(
    const MetricFilterConfig& config, PipelineOptions pipeline,
    const std::vector<std::string>& inputs, Diagnostics* diagnostics);

}  // namespace flowmon
