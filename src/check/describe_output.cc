// aws logs describe-metric-filters and aws cloudwatch describe-alarms output
// (--output json or yaml).
#include <fmt/format.h>

#include "check/loader.h"

namespace flowmon::check {
namespace {

// describe-metric-filters spells the keys in camelCase.
constexpr std::pair<std::string_view, std::string_view> kDescribeFilterKeys[] =
    {{"FilterName", "filterName"},
     {"FilterPattern", "filterPattern"},
     {"ApplyOnTransformedLogs", "applyOnTransformedLogs"},
     {"MetricTransformations", "metricTransformations"},
     {"MetricName", "metricName"},
     {"MetricNamespace", "metricNamespace"},
     {"MetricValue", "metricValue"},
     {"DefaultValue", "defaultValue"},
     {"Dimensions", "dimensions"},
     {"Unit", "unit"}};

// A list at the top of the file, or nullptr (an error when required).
const ConfigValue* TopList(ObjectReader& file, std::string_view key,
                           Need need) {
  const ConfigValue* list = file.Get(key);
  if (list != nullptr && list->is_list()) return list;
  if (list != nullptr || need == Need::kRequired)
    file.Fail(fmt::format("'{}' must be an array", key));
  return nullptr;
}

}  // namespace

void DescribeMetricFilters(ObjectReader& file, Definitions* defs) {
  file.Keys({"metricFilters", "nextToken"});
  const ConfigValue* filters = TopList(file, "metricFilters", Need::kRequired);
  if (filters == nullptr) return;
  file.Elements(*filters, "metricFilters", [&](ObjectReader& r) {
    r.Spell(kDescribeFilterKeys);
    r.Keys({"FilterName", "FilterPattern", "MetricTransformations",
            "creationTime", "logGroupName", "ApplyOnTransformedLogs"});
    ReadMetricFilter(r, "", &defs->filters);
  });
}

void DescribeAlarms(ObjectReader& file, Definitions* defs) {
  file.Keys({"MetricAlarms", "CompositeAlarms", "NextToken"});
  if (const ConfigValue* alarms =
          TopList(file, "MetricAlarms", Need::kOptional)) {
    file.Elements(*alarms, "MetricAlarms", [&](ObjectReader& element) {
      ObjectReader r = element.Held();
      r.Keys({"AlarmName", "AlarmArn", "AlarmDescription",
              "AlarmConfigurationUpdatedTimestamp", "ActionsEnabled",
              "OKActions", "AlarmActions", "InsufficientDataActions",
              "StateValue", "StateReason", "StateReasonData",
              "StateUpdatedTimestamp", "StateTransitionedTimestamp",
              "EvaluationState", "Metrics", "ThresholdMetricId"},
             {kAlarmSettingKeys});
      ReadAlarm(r, Need::kRequired, "", &defs->alarms);
    });
  }
  if (const ConfigValue* composite =
          TopList(file, "CompositeAlarms", Need::kOptional)) {
    file.Elements(*composite, "CompositeAlarms", [&](ObjectReader& r) {
      SkipAlarm(r, "composite alarm", "", &defs->alarms);
    });
  }
}

}  // namespace flowmon::check
