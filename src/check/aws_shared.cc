// What describe output and CloudFormation spell alike, or nearly: a metric
// filter's transformations and a metric alarm's settings.
#include <fmt/format.h>

#include "check/loader.h"

namespace flowmon::check {
namespace {

// The filter's metric and dimensions from one transformation into *f.
void Transformation(ObjectReader& t, const MetricFilterKeys& keys,
                    FilterDef* f) {
  t.Keys({"metricName", "metricNamespace", "metricValue", "defaultValue",
          "dimensions", "unit", "MetricName", "MetricNamespace", "MetricValue",
          "DefaultValue", "Dimensions", "Unit"});
  t.String(keys.metric_name, &f->metric_name, Need::kRequired);
  t.String(keys.metric_namespace, &f->namespace_name, Need::kRequired);
  t.String(keys.metric_value, &f->metric.value, Need::kRequired);
  t.Number(keys.default_value, &f->metric.default_value);
  element dims;
  if (!t.ok() || t.json()[keys.dimensions].get(dims) != simdjson::SUCCESS)
    return;
  // Describe output: {name: field}; CloudFormation: [{Key, Value}].
  std::vector<std::pair<std::string, std::string>> pairs;
  object map;
  array list;
  if (dims.get_object().get(map) == simdjson::SUCCESS) {
    for (auto kv : map) {
      std::string_view field;
      if (kv.value.get_string().get(field) != simdjson::SUCCESS) {
        t.Fail("dimension values must be strings");
        return;
      }
      pairs.emplace_back(kv.key, field);
    }
  } else if (dims.get_array().get(list) == simdjson::SUCCESS) {
    t.NamedPairs(list, "Key", &pairs);
  }
  for (const auto& [name, field] : pairs) {
    f->dimension_names.push_back(name);
    f->metric.dimensions.push_back(name + "=" + field);
  }
}

}  // namespace

void ReadMetricFilter(ObjectReader& r, const MetricFilterKeys& keys,
                      std::string default_name, std::vector<FilterDef>* out) {
  FilterDef filter;
  filter.origin = r.where();
  filter.name = std::move(default_name);
  r.String(keys.filter_name, &filter.name);
  r.String(keys.filter_pattern, &filter.pattern, Need::kRequired);
  array transformations;
  if (r.json()[keys.transformations].get(transformations) !=
      simdjson::SUCCESS) {
    r.Fail(fmt::format("missing '{}'", keys.transformations));
    return;
  }
  r.Parts(transformations, "a metric transformation must be an object",
          [&](ObjectReader& t) {
            FilterDef each = filter;
            Transformation(t, keys, &each);
            if (t.ok()) out->push_back(std::move(each));
          });
}

void ReadAlarm(ObjectReader& r, Need name, std::string default_name,
               std::vector<AlarmDef>* out) {
  AlarmDef a;
  a.origin = r.where();
  a.spec.name = std::move(default_name);
  r.String("AlarmName", &a.spec.name, name);
  r.String("MetricName", &a.metric_name, Need::kRequired);
  r.String("Namespace", &a.namespace_name, Need::kRequired);
  std::string stat, extended, comparison, treat = "missing", low;
  r.String("Statistic", &stat);
  r.String("ExtendedStatistic", &extended);
  if (stat.empty() == extended.empty())
    r.Fail("give exactly one of Statistic and ExtendedStatistic");
  r.Take(Statistic::Parse(stat.empty() ? extended : stat), &a.spec.stat);
  r.Integer("Period", &a.spec.period, Need::kRequired);
  r.Integer("EvaluationPeriods", &a.spec.evaluation_periods, Need::kRequired);
  r.Integer("DatapointsToAlarm", &a.spec.datapoints_to_alarm);
  r.Number("Threshold", &a.spec.threshold, Need::kRequired);
  r.String("ComparisonOperator", &comparison, Need::kRequired);
  r.Take(ParseComparison(comparison), &a.spec.comparison);
  r.String("TreatMissingData", &treat);
  r.Take(ParseTreatMissingData(treat), &a.spec.treat_missing);
  r.Check(a.spec.Validate());
  array dims;
  if (r.json()["Dimensions"].get(dims) == simdjson::SUCCESS)
    r.NamedPairs(dims, "Name", &a.dimensions);
  r.String("EvaluateLowSampleCountPercentile", &low);
  if (!low.empty()) {
    r.Take(ParseLowSampleCount(low), &a.spec.low_sample_count);
  }
  if (r.ok()) out->push_back(std::move(a));
}

}  // namespace flowmon::check
