// aws logs describe-metric-filters and aws cloudwatch describe-alarms output:
// the error paths (the CLI goldens in tests/cli/check/ cover the rest).
#include <string>
#include <vector>

#include "catch.h"
#include "check/config_text.h"

namespace flowmon::testing {
namespace {

const std::string kFilters =
    R"({"metricFilters":[{"filterName":"f","filterPattern":"REJECT",)"
    R"("logGroupName":"g","metricTransformations":[{"metricName":"m",)"
    R"("metricNamespace":"n","metricValue":"1"}]}]})";
const std::string kAlarms =
    R"({"MetricAlarms":[{"AlarmName":"a","MetricName":"m","Namespace":"n",)"
    R"("Statistic":"Sum","Period":60,"EvaluationPeriods":1,"Threshold":1,)"
    R"("ComparisonOperator":"GreaterThanThreshold"}]})";

std::string FilterError(const std::string& json) {
  return ConfigError(json, "f.json");
}
// Alarms are read with the filter that publishes their metric: the errors
// of other alarms are not reported.
std::string AlarmError(const std::string& json) {
  return LoadConfigText({{"f.json", kFilters}, {"a.json", json}}).error;
}

TEST_CASE("describe output: the base configs of these tests load", "[check]") {
  const Monitor m = OnlyMonitor({{"f.json", kFilters}, {"a.json", kAlarms}});
  CHECK(m.origin == "a.json: MetricAlarms[0]");
  CHECK(m.pattern == "REJECT");
}

TEST_CASE("describe-metric-filters: errors name the filter", "[check]") {
  CHECK(FilterError(R"({"metricFilters":{}})") ==
        "f.json: 'metricFilters' must be an array");
  CHECK(FilterError(R"({"metricFilters":[1]})") ==
        "f.json: metricFilters[0]: expected an object");
  CHECK(FilterError(With(kFilters, R"("logGroupName")",
                         R"("applyOnTransformedLogs":true,"logGroupName")")) ==
        "f.json: metricFilters[0]: applyOnTransformedLogs is not supported by "
        "flowmon check");
  CHECK(FilterError(With(kFilters, R"("filterPattern":"REJECT",)", "")) ==
        "f.json: metricFilters[0]: missing 'filterPattern'");
  CHECK(FilterError(
            With(kFilters, R"("filterName":"f")", R"("filterName":["f"])")) ==
        "f.json: metricFilters[0]: 'filterName' must be a string");
  CHECK(
      FilterError(With(kFilters, "metricTransformations", "transformations")) ==
      "f.json: metricFilters[0]: missing 'metricTransformations'");
  CHECK(
      FilterError(With(kFilters, R"([{"metricName")", R"([1,{"metricName")")) ==
      "f.json: metricFilters[0]: a metric transformation must be an object");
  CHECK(FilterError(With(kFilters, R"(,"metricValue":"1")", "")) ==
        "f.json: metricFilters[0]: missing 'metricValue'");
  CHECK(FilterError(With(kFilters, R"("metricValue":"1")",
                         R"("metricValue":"1","defaultValue":"none")")) ==
        "f.json: metricFilters[0]: 'defaultValue' must be a number");
  CHECK(FilterError(With(kFilters, R"("metricValue":"1")",
                         R"("metricValue":"1","dimensions":{"src":1})")) ==
        "f.json: metricFilters[0]: dimension values must be strings");
  // The second filter is named by its index.
  CHECK(FilterError(With(kFilters, "]}", R"(]},{"filterName":"g"})")) ==
        "f.json: metricFilters[1]: missing 'filterPattern'");
}

TEST_CASE("describe-metric-filters: warnings", "[check]") {
  const LoadedConfig c =
      LoadConfigText({{"f.json", With(kFilters, R"("metricValue":"1")",
                                      R"("metricValue":"1","colour":"red")")},
                      {"a.json", kAlarms},
                      {"g.json", With(kFilters, R"("metricName":"m")",
                                      R"("metricName":"other")")}});
  CHECK(c.error.empty());
  CHECK(c.warnings ==
        std::vector<std::string>{
            "f.json: metricFilters[0]: unknown key 'colour' (ignored)",
            "g.json: metricFilters[0]: metric filter 'f' (n/other) "
            "has no alarm in the configs: not checked"});
}

TEST_CASE("describe-alarms: errors name the alarm", "[check]") {
  CHECK(AlarmError(R"({"MetricAlarms":[[]]})") ==
        "a.json: MetricAlarms[0]: expected an object");
  CHECK(AlarmError(With(kAlarms, R"("AlarmName":"a",)", "")) ==
        "a.json: MetricAlarms[0]: missing 'AlarmName'");
  CHECK(AlarmError(With(kAlarms, R"("Statistic":"Sum")",
                        R"("Statistic":"Sum","ExtendedStatistic":"p99")")) ==
        "a.json: MetricAlarms[0]: give exactly one of Statistic and "
        "ExtendedStatistic");
  CHECK(AlarmError(With(kAlarms, R"("Statistic":"Sum",)", "")) ==
        "a.json: MetricAlarms[0]: give exactly one of Statistic and "
        "ExtendedStatistic");
  CHECK(AlarmError(With(kAlarms, R"("Statistic":"Sum")",
                        R"("ExtendedStatistic":"p101")")) ==
        "a.json: MetricAlarms[0]: unknown statistic 'p101' (expected "
        "SampleCount, Sum, Average, Minimum, Maximum or a percentile such as "
        "p99 or p99.9)");
  CHECK(AlarmError(With(kAlarms, R"("Period":60)", R"("Period":"sixty")")) ==
        "a.json: MetricAlarms[0]: 'Period' must be a number");
  CHECK(AlarmError(With(kAlarms, R"("EvaluationPeriods":1,)", "")) ==
        "a.json: MetricAlarms[0]: missing 'EvaluationPeriods'");
  CHECK(AlarmError(With(kAlarms, R"("Threshold":1,)", "")) ==
        "a.json: MetricAlarms[0]: missing 'Threshold'");
  CHECK(AlarmError(With(kAlarms, "GreaterThanThreshold", "Above")) ==
        "a.json: MetricAlarms[0]: unknown comparison operator 'Above' "
        "(expected GreaterThanOrEqualToThreshold, GreaterThanThreshold, "
        "LessThanThreshold, LessThanOrEqualToThreshold)");
  CHECK(AlarmError(With(kAlarms, R"("Threshold":1)",
                        R"("Threshold":1,"TreatMissingData":"zero")")) ==
        "a.json: MetricAlarms[0]: unknown treat-missing-data value 'zero' "
        "(expected missing, notBreaching, breaching, ignore)");
  CHECK(AlarmError(With(kAlarms, R"("Period":60)", R"("Period":30)")) ==
        "a.json: MetricAlarms[0]: --period must be a multiple of 60 seconds "
        "(metric filters publish one-minute data)");
  CHECK(AlarmError(With(kAlarms, R"("Threshold":1)",
                        R"("Threshold":1,"Dimensions":[{"Name":"src"}])")) ==
        "a.json: MetricAlarms[0]: missing 'Value'");
}

TEST_CASE("describe-alarms: composite and metric-math alarms are skipped",
          "[check]") {
  const LoadedConfig c = LoadConfigText(
      {{"f.json", kFilters},
       {"a.json",
        With(
            kAlarms, "]}",
            R"(,{"AlarmName":"math","Metrics":[{"Id":"e1","Expression":"m1*2"}],)"
            R"("EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"X"},)"
            R"({"AlarmName":"anomaly","ThresholdMetricId":"ad1"}],)"
            R"("CompositeAlarms":[{"AlarmName":"both","AlarmRule":"x"},{}]})")}});
  CHECK(c.error.empty());
  CHECK(c.warnings.empty());
  REQUIRE(c.config.monitors.size() == 1);
  REQUIRE(c.config.skipped.size() == 4);
  CHECK(c.config.skipped[0].name == "math");
  CHECK(c.config.skipped[0].reason == "metric math");
  CHECK(c.config.skipped[1].name == "anomaly");
  CHECK(c.config.skipped[1].reason == "metric math");
  CHECK(c.config.skipped[2].name == "both");
  CHECK(c.config.skipped[2].reason == "composite alarm");
  // Without a name, it is named by its place.
  CHECK(c.config.skipped[3].name.ends_with("a.json: CompositeAlarms[1]"));
}

TEST_CASE("describe-alarms: other alarms are neither errors nor warnings",
          "[check]") {
  // An EC2 alarm on a statistic, period and key flowmon does not know.
  const LoadedConfig c = LoadConfigText(
      {{"f.json", kFilters},
       {"a.json", With(kAlarms, "]}",
                       R"(,{"AlarmName":"cpu","MetricName":"CPUUtilization",)"
                       R"("Namespace":"AWS/EC2","ExtendedStatistic":"tm99",)"
                       R"("Period":10,"Colour":"red"}]})")}});
  CHECK(c.error.empty());
  CHECK(c.warnings.empty());
  REQUIRE(c.config.skipped.size() == 1);
  CHECK(c.config.skipped[0].reason == "not a log-metric alarm");
  CHECK(AlarmError(R"({"MetricAlarms":{}})") ==
        "a.json: 'MetricAlarms' must be an array");
}

TEST_CASE("describe-alarms: EvaluateLowSampleCountPercentile", "[check]") {
  auto low = [](const char* value) {
    return LoadConfigText(
        {{"f.json", kFilters},
         {"a.json",
          With(kAlarms, R"("Statistic":"Sum")",
               std::string(R"("ExtendedStatistic":"p90",)") +
                   R"("EvaluateLowSampleCountPercentile":")" + value + "\"")}});
  };
  const LoadedConfig ignore = low("ignore");
  CHECK(ignore.error.empty());
  CHECK(ignore.warnings.empty());
  REQUIRE(ignore.config.monitors.size() == 1);
  CHECK(ignore.config.monitors[0].alarm.low_sample_count ==
        LowSampleCount::kIgnore);
  CHECK(low("evaluate").config.monitors[0].alarm.low_sample_count ==
        LowSampleCount::kEvaluate);
  CHECK(!low("").config.monitors[0].alarm.low_sample_count);
  CHECK(low("skip").error ==
        "a.json: MetricAlarms[0]: unknown EvaluateLowSampleCountPercentile "
        "value 'skip' (expected evaluate, ignore)");
}

TEST_CASE("describe output: --output yaml reads as --output json", "[check]") {
  const LoadedConfig c =
      LoadConfigText({{"f.yaml",
                       "metricFilters:\n"
                       "- filterName: f\n"
                       "  filterPattern: REJECT\n"
                       "  logGroupName: g\n"
                       "  applyOnTransformedLogs: false\n"
                       "  metricTransformations:\n"
                       "  - metricName: m\n"
                       "    metricNamespace: n\n"
                       "    metricValue: '1'\n"
                       "    defaultValue: 0.0\n"},
                      {"a.yaml",
                       "MetricAlarms:\n"
                       "- AlarmName: a\n"
                       "  MetricName: m\n"
                       "  Namespace: n\n"
                       "  Statistic: Sum\n"
                       "  Dimensions: []\n"
                       "  Period: 60\n"
                       "  EvaluationPeriods: 1\n"
                       "  Threshold: 1.0\n"
                       "  ComparisonOperator: GreaterThanThreshold\n"
                       "CompositeAlarms: []\n"}});
  CHECK(c.error.empty());
  CHECK(c.warnings.empty());
  REQUIRE(c.config.monitors.size() == 1);
  const Monitor& m = c.config.monitors[0];
  CHECK(m.origin == "a.yaml:2: MetricAlarms[0]");
  CHECK(m.pattern == "REJECT");
  CHECK(m.metric.default_value == 0.0);
  CHECK(m.alarm.threshold == 1.0);
  CHECK(
      LoadConfigText({{"f.yaml", "metricFilters:\n- filterName: f\n"}}).error ==
      "f.yaml:2: metricFilters[0]: missing 'filterPattern'");
}

}  // namespace
}  // namespace flowmon::testing
