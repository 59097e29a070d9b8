#include "flowmon/alarm/metric_filter.h"

#include <memory>

#include "flowmon/ingest/input_files.h"
#include "flowmon/ingest/source.h"

namespace flowmon {

Result<MetricFilterResult> RunMetricFilter(
    const MetricFilterConfig& config, PipelineOptions pipeline,
    const std::vector<std::string>& inputs, Diagnostics* diagnostics) {
  AlarmEvaluator* const alarm = config.alarm;
  const MetricAggregator::Emit& on_minute = config.on_minute;
  Result<std::unique_ptr<MetricAggregator>> aggregator =
      MetricAggregator::Create(config.metric, *config.pattern,
                               config.keep_values, config.lateness,
                               [alarm, &on_minute](const ClosedMinute& m) {
                                 if (alarm != nullptr)
                                   alarm->AddMinute(m.minute, m.samples);
                                 if (on_minute) on_minute(m);
                               });
  if (!aggregator.ok()) return aggregator.status();
  MetricAggregator& sink = **aggregator;
  if (alarm != nullptr) {
    sink.set_on_advance([alarm](int64_t t) { alarm->AdvanceTo(t); });
  }
  if (alarm != nullptr && alarm->window().since) {
    // Records older than the first evaluation's range cannot change it.
    pipeline.since = alarm->window().FirstUsed(alarm->spec());
  }
  pipeline.pattern = config.pattern;
  pipeline.patterns.clear();
  // A default value counts every minute's log events: the time of each
  // record is enough, so the prefilter stays on. A stream needs every
  // record, for its clock.
  pipeline.deliver_rejected_times = sink.wants_rejected();
  pipeline.deliver_rejected_when_live = true;
  const ExpandedInputs expanded =
      ExpandInputs(inputs, pipeline.since, pipeline.until);
  for (const Status& s : expanded.errors) diagnostics->InputError(s);
  MetricFilterResult result;
  result.stats = RunPipeline(expanded.files, pipeline, &sink, diagnostics);
  MarkInputEnded();
  sink.Finish();
  result.counters = sink.counters();
  return result;
}

}  // namespace flowmon
