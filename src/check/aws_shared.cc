// What describe output, CloudFormation and Terraform spell alike, or nearly:
// a metric filter's transformations and a metric alarm's settings.
#include <fmt/format.h>

#include "check/loader.h"

namespace flowmon::check {
namespace {

// The filter's metric and dimensions from one transformation into *f.
void Transformation(ObjectReader& t, FilterDef* f) {
  t.Keys({"MetricName", "MetricNamespace", "MetricValue", "DefaultValue",
          "Dimensions", "Unit"});
  t.String("MetricName", &f->metric_name, Need::kRequired);
  t.String("MetricNamespace", &f->namespace_name, Need::kRequired);
  t.String("MetricValue", &f->metric.value, Need::kRequired);
  t.Number("DefaultValue", &f->metric.default_value);
  const ConfigValue* dims = t.Get("Dimensions");
  if (!t.ok() || dims == nullptr) return;
  // Describe output and Terraform: {name: field}; CloudFormation:
  // [{Key, Value}].
  std::vector<std::pair<std::string, std::string>> pairs;
  if (dims->is_map()) {
    for (const auto& [name, field] : dims->map) {
      if (field.kind != ConfigValue::Kind::kString) {
        t.FailAt(field, "dimension values must be strings");
        return;
      }
      pairs.emplace_back(name, field.string);
    }
  } else if (dims->is_list()) {
    t.NamedPairs(*dims, "Key", &pairs);
  }
  for (const auto& [name, field] : pairs) {
    f->dimension_names.push_back(name);
    f->metric.dimensions.push_back(name + "=" + field);
  }
}

// Metric math (Metrics) and anomaly detection (ThresholdMetricId) alarms.
// Terraform writes [] and "" for them in every alarm.
bool IsMetricMath(const ObjectReader& r) {
  auto given = [&](std::string_view key) {
    const ConfigValue* v = r.Get(key);
    return v != nullptr && !v->is_null() &&
           !(v->is_list() && v->list.empty()) &&
           !(v->kind == ConfigValue::Kind::kString && v->string.empty());
  };
  return given("Metrics") || given("ThresholdMetricId");
}

}  // namespace

void ReadMetricFilter(ObjectReader& r, std::string default_name,
                      std::vector<FilterDef>* out) {
  FilterDef filter;
  filter.origin = r.where();
  filter.name = std::move(default_name);
  r.String("FilterName", &filter.name);
  r.String("FilterPattern", &filter.pattern, Need::kRequired);
  bool transformed = false;
  if (r.Bool("ApplyOnTransformedLogs", &transformed).ok() && transformed) {
    r.Fail(fmt::format("{} is not supported by flowmon check",
                       r.Key("ApplyOnTransformedLogs")));
  }
  const ConfigValue* transformations = nullptr;
  if (!r.List("MetricTransformations", &transformations, Need::kRequired).ok())
    return;
  r.Parts(*transformations, "a metric transformation must be an object",
          [&](ObjectReader& t) {
            FilterDef each = filter;
            Transformation(t, &each);
            if (t.ok()) out->push_back(std::move(each));
          });
}

void SkipAlarm(const ObjectReader& r, std::string_view reason,
               std::string default_name, std::vector<AlarmDef>* out) {
  AlarmDef a;
  a.origin = r.where();
  a.spec.name = std::move(default_name);
  r.Held().String("AlarmName", &a.spec.name);
  if (a.spec.name.empty()) a.spec.name = a.origin;
  a.skip_reason = reason;
  out->push_back(std::move(a));
}

void ReadAlarm(ObjectReader& r, Need name, std::string default_name,
               std::vector<AlarmDef>* out) {
  if (IsMetricMath(r)) {
    SkipAlarm(r, "metric math", std::move(default_name), out);
    return;
  }
  AlarmDef a;
  a.origin = r.where();
  a.spec.name = std::move(default_name);
  r.String("AlarmName", &a.spec.name, name);
  r.String("MetricName", &a.metric_name);
  r.String("Namespace", &a.namespace_name);
  a.metric_unknown = !r.ok();
  std::string stat, extended, comparison, treat = "missing", low;
  r.String("Statistic", &stat);
  r.String("ExtendedStatistic", &extended);
  if (stat.empty() == extended.empty())
    r.Fail(fmt::format("give exactly one of {} and {}", r.Key("Statistic"),
                       r.Key("ExtendedStatistic")));
  r.Take(Statistic::Parse(stat.empty() ? extended : stat), &a.spec.stat);
  // PutMetricAlarm: Period x EvaluationPeriods is at most 604,800 s (seven
  // days), so no period is longer; Validate() has the finer rules.
  r.Integer("Period", &a.spec.period, Need::kRequired, 1, kMaxAlarmPeriod);
  r.Integer("EvaluationPeriods", &a.spec.evaluation_periods, Need::kRequired);
  r.Integer("DatapointsToAlarm", &a.spec.datapoints_to_alarm);
  r.Number("Threshold", &a.spec.threshold, Need::kRequired);
  r.String("ComparisonOperator", &comparison, Need::kRequired);
  r.Take(ParseComparison(comparison), &a.spec.comparison);
  r.String("TreatMissingData", &treat);
  r.Take(ParseTreatMissingData(treat), &a.spec.treat_missing);
  r.Check(a.spec.Validate());
  const ConfigValue* dims = nullptr;
  if (r.List("Dimensions", &dims).ok() && dims != nullptr)
    r.NamedPairs(*dims, "Name", &a.dimensions);
  r.String("EvaluateLowSampleCountPercentile", &low);
  if (!low.empty()) {
    r.Take(ParseLowSampleCount(low), &a.spec.low_sample_count);
  }
  // Only the literal ARNs: a !Ref to a topic names no ARN until deployed.
  for (const auto& [key, list] :
       {std::pair{"AlarmActions", &a.actions.alarm},
        std::pair{"OKActions", &a.actions.ok},
        std::pair{"InsufficientDataActions", &a.actions.insufficient_data}}) {
    const ConfigValue* v = r.Get(key);
    if (v == nullptr || !v->is_list()) continue;
    for (const ConfigValue& e : v->list) {
      if (e.kind == ConfigValue::Kind::kString) list->push_back(e.string);
    }
  }
  a.problem = r.status();
  a.warnings = r.HeldWarnings();
  a.warnings_at = r.held_at();
  out->push_back(std::move(a));
}

}  // namespace flowmon::check
