// `terraform show -json` output: a plan's planned_values or a state's values,
// their root module and child modules; the aws_cloudwatch_log_metric_filter
// and aws_cloudwatch_metric_alarm resources, read as the AWS shapes are.
#include <fmt/format.h>

#include "check/loader.h"

namespace flowmon::check {
namespace {

constexpr std::string_view kMetricFilter = "aws_cloudwatch_log_metric_filter";
constexpr std::string_view kAlarm = "aws_cloudwatch_metric_alarm";
constexpr std::string_view kCompositeAlarm = "aws_cloudwatch_composite_alarm";

// The provider's attribute names (its docs: resources
// cloudwatch_log_metric_filter and cloudwatch_metric_alarm).
constexpr std::pair<std::string_view, std::string_view> kFilterKeys[] = {
    {"FilterName", "name"},
    {"FilterPattern", "pattern"},
    {"ApplyOnTransformedLogs", "apply_on_transformed_logs"},
    {"MetricTransformations", "metric_transformation"},
    {"MetricName", "name"},
    {"MetricNamespace", "namespace"},
    {"MetricValue", "value"},
    {"DefaultValue", "default_value"},
    {"Dimensions", "dimensions"},
    {"Unit", "unit"}};
constexpr std::pair<std::string_view, std::string_view> kAlarmKeys[] = {
    {"AlarmName", "alarm_name"},
    {"MetricName", "metric_name"},
    {"Namespace", "namespace"},
    {"Statistic", "statistic"},
    {"ExtendedStatistic", "extended_statistic"},
    {"Dimensions", "dimensions"},
    {"Period", "period"},
    {"Unit", "unit"},
    {"EvaluationPeriods", "evaluation_periods"},
    {"DatapointsToAlarm", "datapoints_to_alarm"},
    {"Threshold", "threshold"},
    {"ComparisonOperator", "comparison_operator"},
    {"TreatMissingData", "treat_missing_data"},
    {"EvaluateLowSampleCountPercentile",
     "evaluate_low_sample_count_percentiles"},
    {"Metrics", "metric_query"},
    {"ThresholdMetricId", "threshold_metric_id"}};
// What every resource has besides its arguments.
constexpr std::string_view kResourceAttributes[] = {"id", "arn", "region",
                                                    "tags", "tags_all"};
constexpr std::string_view kAlarmAttributes[] = {
    "alarm_description",         "actions_enabled", "alarm_actions",
    "insufficient_data_actions", "ok_actions",      "evaluation_criteria"};

// A resource's values as the shared readers read them: Terraform writes
// null (a plan) or "" (a state) for arguments not given, in the resource and
// in its blocks (metric_transformation), and an alarm's dimensions as a map
// ({"InstanceId": "i-1"}) where the AWS shapes have [{"Name": "InstanceId",
// "Value": "i-1"}] (NamedDimensions).
ConfigValue Arguments(const ConfigValue& values) {
  ConfigValue out = values;
  out.map.clear();
  out.list.clear();
  for (const auto& [key, value] : values.map) {
    const bool empty_string =
        value.kind == ConfigValue::Kind::kString && value.string.empty();
    // An empty pattern is a pattern: it matches every event.
    if (value.is_null() || (empty_string && key != "pattern")) continue;
    out.map.emplace_back(key, Arguments(value));
  }
  for (const ConfigValue& item : values.list)
    out.list.push_back(Arguments(item));
  return out;
}

void NamedDimensions(ConfigValue* values) {
  ConfigValue* dims = values->Find("dimensions");
  if (dims == nullptr || !dims->is_map()) return;
  ConfigValue list;
  list.kind = ConfigValue::Kind::kList;
  for (auto& [name, value] : dims->map) {
    ConfigValue& pair = list.list.emplace_back();
    pair.kind = ConfigValue::Kind::kMap;
    ConfigValue name_value;
    name_value.kind = ConfigValue::Kind::kString;
    name_value.string = name;
    pair.map.emplace_back("Name", std::move(name_value));
    pair.map.emplace_back("Value", std::move(value));
  }
  *dims = std::move(list);
}

void Resource(ObjectReader& r, Definitions* defs) {
  std::string type, mode = "managed", address;
  r.String("type", &type, Need::kRequired);
  r.String("mode", &mode);
  r.String("address", &address, Need::kRequired);
  if (!r.ok() || mode != "managed" ||
      (type != kMetricFilter && type != kAlarm && type != kCompositeAlarm))
    return;
  const ConfigValue* values = nullptr;
  if (!r.Map("values", &values, Need::kRequired).ok()) return;
  ConfigValue arguments = Arguments(*values);
  if (type == kMetricFilter) {
    ObjectReader f = r.Reader(arguments, address);
    f.Spell(kFilterKeys);
    f.Keys({"FilterName", "FilterPattern", "MetricTransformations",
            "ApplyOnTransformedLogs", "log_group_name"},
           {kResourceAttributes});
    ReadMetricFilter(f, address, &defs->filters);
    r.Adopt(f.status());
    return;
  }
  NamedDimensions(&arguments);
  ObjectReader a = r.Reader(arguments, address).Held();
  a.Spell(kAlarmKeys);
  if (type == kCompositeAlarm) {
    SkipAlarm(a, "composite alarm", address, &defs->alarms);
    return;
  }
  a.Keys({"AlarmName", "Metrics", "ThresholdMetricId"},
         {kAlarmSettingKeys, kResourceAttributes, kAlarmAttributes});
  ReadAlarm(a, Need::kOptional, address, &defs->alarms);
}

void Module(ObjectReader& m, Definitions* defs) {
  const ConfigValue* resources = nullptr;
  const ConfigValue* children = nullptr;
  m.List("resources", &resources).List("child_modules", &children);
  if (resources != nullptr) {
    m.Elements(*resources, "resources",
               [&](ObjectReader& r) { Resource(r, defs); });
  }
  if (children != nullptr) {
    m.Elements(*children, "child_modules",
               [&](ObjectReader& child) { Module(child, defs); });
  }
}

}  // namespace

void Terraform(ObjectReader& file, Definitions* defs) {
  // A plan: planned_values; a state: values.
  const ConfigValue* values = nullptr;
  file.Map("planned_values", &values);
  if (values == nullptr) file.Map("values", &values);
  if (!file.ok() || values == nullptr) return;
  ObjectReader top = file.Part(*values);
  const ConfigValue* root = nullptr;
  if (top.Map("root_module", &root).ok() && root != nullptr) {
    ObjectReader m = top.Part(*root);
    Module(m, defs);
    top.Adopt(m.status());
  }
  file.Adopt(top.status());
}

}  // namespace flowmon::check
