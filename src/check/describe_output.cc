// aws logs describe-metric-filters and aws cloudwatch describe-alarms output.
#include <fmt/format.h>

#include "check/loader.h"

namespace flowmon::check {

void DescribeMetricFilters(ObjectReader& file, Definitions* defs) {
  file.Keys({"metricFilters", "nextToken"});
  array filters;
  if (file.json()["metricFilters"].get(filters) != simdjson::SUCCESS) {
    file.Fail("'metricFilters' must be an array");
    return;
  }
  file.Elements(filters, "metricFilters", [&](ObjectReader& r) {
    r.Keys({"filterName", "filterPattern", "metricTransformations",
            "creationTime", "logGroupName", "applyOnTransformedLogs"});
    bool transformed = false;
    if (r.json()["applyOnTransformedLogs"].get(transformed) ==
            simdjson::SUCCESS &&
        transformed) {
      r.Fail("applyOnTransformedLogs is not supported by flowmon check");
    }
    ReadMetricFilter(r, kDescribeFilterKeys, "", &defs->filters);
  });
}

void DescribeAlarms(ObjectReader& file, Definitions* defs) {
  file.Keys({"MetricAlarms", "CompositeAlarms", "NextToken"});
  array composite;
  if (file.json()["CompositeAlarms"].get(composite) == simdjson::SUCCESS &&
      composite.size() > 0) {
    file.Warn(
        fmt::format("{} composite alarms are not evaluated", composite.size()));
  }
  array alarms;
  if (file.json()["MetricAlarms"].get(alarms) != simdjson::SUCCESS) return;
  file.Elements(alarms, "MetricAlarms", [&](ObjectReader& r) {
    r.Keys({"AlarmName", "AlarmArn", "AlarmDescription",
            "AlarmConfigurationUpdatedTimestamp", "ActionsEnabled", "OKActions",
            "AlarmActions", "InsufficientDataActions", "StateValue",
            "StateReason", "StateReasonData", "StateUpdatedTimestamp",
            "StateTransitionedTimestamp"},
           kMetricMathKeys, kAlarmSettingKeys);
    ReadAlarm(r, Need::kRequired, "", &defs->alarms);
  });
}

}  // namespace flowmon::check
