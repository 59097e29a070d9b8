// flowmon's own format: {"monitors": [...], "expectations": {...}}. A monitor
// is its own metric filter and alarm, so it skips the join.
#include "check/loader.h"

namespace flowmon::check {

void FlowmonFormat(ObjectReader& file, Definitions* defs) {
  file.Keys({"monitors", "expectations"});
  object expectations;
  if (file.json()["expectations"].get(expectations) == simdjson::SUCCESS) {
    for (auto kv : expectations) {
      std::string_view text;
      AlarmState state{};
      if (kv.value.get_string().get(text) != simdjson::SUCCESS) {
        file.Fail("expectations must map names to OK or ALARM");
        return;
      }
      if (!file.Take(ParseAlarmState(text), &state).ok()) return;
      defs->expectations[std::string(kv.key)] = state;
    }
  }
  array monitors;
  if (file.json()["monitors"].get(monitors) != simdjson::SUCCESS) return;
  file.Elements(monitors, "monitors", [&](ObjectReader& r) {
    r.Keys({"name", "pattern", "value", "default_value", "period", "statistic",
            "threshold", "comparison", "evaluation_periods",
            "datapoints_to_alarm", "treat_missing_data", "expect"});
    Monitor m;
    m.origin = r.where();
    std::string stat = "Sum", comparison, treat = "missing", expect;
    r.String("name", &m.name, Need::kRequired);
    r.String("pattern", &m.pattern, Need::kRequired);
    r.String("value", &m.metric.value);
    r.Number("default_value", &m.metric.default_value);
    r.Integer("period", &m.alarm.period);
    r.Integer("evaluation_periods", &m.alarm.evaluation_periods);
    r.Integer("datapoints_to_alarm", &m.alarm.datapoints_to_alarm);
    r.Number("threshold", &m.alarm.threshold, Need::kRequired);
    r.String("statistic", &stat);
    r.String("comparison", &comparison, Need::kRequired);
    r.String("treat_missing_data", &treat);
    r.String("expect", &expect);
    r.Take(Statistic::Parse(stat), &m.alarm.stat);
    r.Take(ParseComparison(comparison), &m.alarm.comparison);
    r.Take(ParseTreatMissingData(treat), &m.alarm.treat_missing);
    if (!expect.empty()) r.Take(ParseAlarmState(expect), &m.expect);
    m.alarm.name = m.name;
    r.Check(m.alarm.Validate());
    if (!r.ok()) return;
    m.metric_name = m.name;
    m.namespace_name = "flowmon";
    defs->out->monitors.push_back(std::move(m));
  });
}

}  // namespace flowmon::check
