// flowmon's own format: {"monitors": [...], "expectations": {...}}. A monitor
// is its own metric filter and alarm, so it skips the join.
#include "check/loader.h"

namespace flowmon::check {
namespace {

// An expectation list: "fires, ends-in OK" or ["fires", "ends-in OK"].
void ReadExpectations(ObjectReader& r, const ConfigValue& v,
                      std::vector<Expectation>* out) {
  std::vector<const ConfigValue*> texts;
  if (v.is_list()) {
    for (const ConfigValue& item : v.list) texts.push_back(&item);
  } else {
    texts.push_back(&v);
  }
  out->clear();
  for (const ConfigValue* text : texts) {
    if (text->kind != ConfigValue::Kind::kString) {
      r.FailAt(*text,
               "an expectation must be a string or a list of strings, such "
               "as \"fires\" or [\"fires\", \"ends-in OK\"]");
      return;
    }
    Result<std::vector<Expectation>> parsed = ParseExpectations(text->string);
    if (!parsed.ok()) {
      r.FailAt(*text, parsed.status().message());
      return;
    }
    out->insert(out->end(), parsed->begin(), parsed->end());
  }
}

}  // namespace

void FlowmonFormat(ObjectReader& file, Definitions* defs) {
  file.Keys({"monitors", "expectations"});
  const ConfigValue* expectations = nullptr;
  if (!file.Map("expectations", &expectations).ok()) return;
  if (expectations != nullptr) {
    for (const auto& [name, value] : expectations->map) {
      std::vector<Expectation> expect;
      ReadExpectations(file, value, &expect);
      if (!file.ok()) return;
      defs->expectations[name] = std::move(expect);
    }
  }
  const ConfigValue* monitors = nullptr;
  if (!file.List("monitors", &monitors).ok() || monitors == nullptr) return;
  file.Elements(*monitors, "monitors", [&](ObjectReader& r) {
    r.Keys({"name", "pattern", "value", "default_value", "period", "statistic",
            "threshold", "comparison", "evaluation_periods",
            "datapoints_to_alarm", "treat_missing_data", "expect"});
    Monitor m;
    m.origin = r.where();
    std::string stat = "Sum", comparison, treat = "missing";
    r.String("name", &m.name, Need::kRequired);
    r.String("pattern", &m.pattern, Need::kRequired);
    r.String("value", &m.metric.value);
    r.Number("default_value", &m.metric.default_value);
    r.Integer("period", &m.alarm.period, Need::kOptional, 1, kMaxAlarmPeriod);
    r.Integer("evaluation_periods", &m.alarm.evaluation_periods);
    r.Integer("datapoints_to_alarm", &m.alarm.datapoints_to_alarm);
    r.Number("threshold", &m.alarm.threshold, Need::kRequired);
    r.String("statistic", &stat);
    r.String("comparison", &comparison, Need::kRequired);
    r.String("treat_missing_data", &treat);
    r.Take(Statistic::Parse(stat), &m.alarm.stat);
    r.Take(ParseComparison(comparison), &m.alarm.comparison);
    r.Take(ParseTreatMissingData(treat), &m.alarm.treat_missing);
    if (const ConfigValue* expect = r.Get("expect"); expect && r.ok())
      ReadExpectations(r, *expect, &m.expect);
    m.alarm.name = m.name;
    r.Check(m.alarm.Validate());
    if (!r.ok()) return;
    m.metric_name = m.name;
    m.namespace_name = "flowmon";
    defs->monitors.push_back(std::move(m));
  });
}

}  // namespace flowmon::check
