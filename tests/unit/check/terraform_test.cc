// terraform show -json output: plans and states, modules, and the
// attributes Terraform writes for arguments not given.
#include <string>
#include <vector>

#include "catch.h"
#include "check/config_text.h"

namespace flowmon::testing {
namespace {

std::string Sample(const char* name) {
  return std::string(FLOWMON_SAMPLES_DIR) + "/check/" + name;
}

// A state with one filter and one alarm, as the provider writes them.
const std::string kState =
    R"({"format_version":"1.0","values":{"root_module":{"resources":[)"
    R"({"address":"aws_cloudwatch_log_metric_filter.f","mode":"managed",)"
    R"("type":"aws_cloudwatch_log_metric_filter","name":"f","values":{)"
    R"("id":"f","name":"f","pattern":"","log_group_name":"g",)"
    R"("apply_on_transformed_logs":false,"metric_transformation":[{)"
    R"("name":"m","namespace":"n","value":"1","default_value":"",)"
    R"("dimensions":{"src":"$srcaddr"},"unit":"None"}]}},)"
    R"({"address":"aws_cloudwatch_metric_alarm.a","mode":"managed",)"
    R"("type":"aws_cloudwatch_metric_alarm","name":"a","values":{)"
    R"("alarm_name":"a","metric_name":"m","namespace":"n","statistic":"Sum",)"
    R"("extended_statistic":"","period":60,"evaluation_periods":3,)"
    R"("datapoints_to_alarm":0,"threshold":5,)"
    R"("comparison_operator":"GreaterThanThreshold",)"
    R"("treat_missing_data":"breaching","dimensions":{"src":"10.0.0.1"},)"
    R"("metric_query":[],"threshold_metric_id":"","unit":"",)"
    R"("evaluate_low_sample_count_percentiles":"","tags_all":{},)"
    R"("arn":"arn:aws:cloudwatch:us-east-1:1:alarm:a","id":"a"}}]}}})";

std::string StateError(const std::string& json) {
  return ConfigError(json, "s.json");
}

TEST_CASE("terraform: a state's filter and alarm", "[check]") {
  const Monitor m = OnlyMonitor({{"s.json", kState}});
  CHECK(m.name == "a");
  CHECK(m.origin == "s.json: aws_cloudwatch_metric_alarm.a");
  CHECK(m.pattern.empty());  // "" is the pattern that matches everything
  CHECK_FALSE(m.metric.default_value.has_value());  // ""
  CHECK(m.metric.dimensions == std::vector<std::string>{"src=$srcaddr"});
  CHECK(m.dimension_key == "src=10.0.0.1");
  CHECK(m.alarm.evaluation_periods == 3);
  CHECK(m.alarm.m() == 3);  // datapoints_to_alarm 0: not given
  CHECK(m.alarm.treat_missing == TreatMissingData::kBreaching);
}

TEST_CASE("terraform: the samples join as the describe output does",
          "[check]") {
  CheckConfig describe, plan, state;
  REQUIRE(LoadCheckConfig(
              {Sample("metric-filters.json"), Sample("alarms.json")}, &describe)
              .ok());
  REQUIRE(LoadCheckConfig({Sample("terraform-plan.json")}, &plan).ok());
  REQUIRE(LoadCheckConfig({Sample("terraform-state.json")}, &state).ok());
  for (const CheckConfig* tf : {&plan, &state}) {
    REQUIRE(tf->monitors.size() == describe.monitors.size());
    for (size_t i = 0; i < tf->monitors.size(); ++i) {
      const Monitor& a = describe.monitors[i];
      const Monitor& b = tf->monitors[i];
      CHECK(a.name == b.name);
      CHECK(a.pattern == b.pattern);
      CHECK(a.metric.value == b.metric.value);
      CHECK(a.metric.default_value == b.metric.default_value);
      CHECK(a.alarm.period == b.alarm.period);
      CHECK(a.alarm.threshold == b.alarm.threshold);
      CHECK(a.alarm.m() == b.alarm.m());
      CHECK(a.alarm.comparison == b.alarm.comparison);
      CHECK(a.alarm.treat_missing == b.alarm.treat_missing);
    }
    REQUIRE(tf->skipped.size() == 1);  // the EC2 alarm; the data source is not
    CHECK(tf->skipped[0].name == "cpu-high-web-1");
    CHECK(tf->warnings.empty());
  }
  CHECK(plan.monitors[1].origin.ends_with(
      "terraform-plan.json: module.rejected_bytes.aws_cloudwatch_metric_alarm."
      "this"));
}

TEST_CASE("terraform: metric math and composite alarms are skipped",
          "[check]") {
  const LoadedConfig c = LoadConfigText(
      {{"s.json",
        With(With(kState, R"("metric_query":[])",
                  R"("metric_query":[{"id":"e1","expression":"m1*2"}])"),
             "]}}}",
             R"(,{"address":"aws_cloudwatch_composite_alarm.c",)"
             R"("type":"aws_cloudwatch_composite_alarm","values":{)"
             R"x("alarm_name":"both","alarm_rule":"ALARM(a)"}}]}}})x")}});
  CHECK(c.error.empty());
  CHECK(c.config.monitors.empty());
  REQUIRE(c.config.skipped.size() == 2);
  CHECK(c.config.skipped[0].reason == "metric math");
  CHECK(c.config.skipped[1].name == "both");
  CHECK(c.config.skipped[1].reason == "composite alarm");
  // The filter is watched by no alarm now.
  CHECK(c.warnings.size() == 1);
}

TEST_CASE("terraform: errors name the resource address", "[check]") {
  CHECK(StateError(With(kState, R"("apply_on_transformed_logs":false)",
                        R"("apply_on_transformed_logs":true)")) ==
        "s.json: aws_cloudwatch_log_metric_filter.f: "
        "apply_on_transformed_logs is not supported by flowmon check");
  CHECK(StateError(With(kState, R"("threshold":5)", R"("threshold":"five")")) ==
        "s.json: aws_cloudwatch_metric_alarm.a: 'threshold' must be a number");
  CHECK(StateError(With(kState, R"("statistic":"Sum")", R"("statistic":"")")) ==
        "s.json: aws_cloudwatch_metric_alarm.a: give exactly one of statistic "
        "and extended_statistic");
  CHECK(StateError(With(kState, R"("value":"1",)", "")) ==
        "s.json: aws_cloudwatch_log_metric_filter.f: missing 'value'");
  CHECK(StateError(With(kState, R"("dimensions":{"src":"10.0.0.1"})",
                        R"("dimensions":{})")) ==
        "s.json: aws_cloudwatch_metric_alarm.a: alarm 'a' has no dimensions, "
        "but filter 'f' publishes n/m only with dimensions: the alarm would "
        "never get data");
  CHECK(StateError(
            With(kState, R"("values":{"id":"f")", R"("valuez":{"id":"f")")) ==
        "s.json: resources[0]: missing 'values'");
  CHECK(StateError(
            R"({"format_version":"1.0","values":{"root_module":)"
            R"({"resources":[{"type":"aws_cloudwatch_metric_alarm"}]}}})") ==
        "s.json: resources[0]: missing 'address'");
  CHECK(StateError(R"({"format_version":"1.0","values":[]})") ==
        "s.json: 'values' must be an object");
  CHECK(StateError(R"({"format_version":"1.0"})") ==
        "the configs define no alarm to check");
}

TEST_CASE("terraform: unknown attributes of a checked alarm are warned about",
          "[check]") {
  const LoadedConfig c =
      LoadConfigText({{"s.json", With(kState, R"("tags_all":{})",
                                      R"("tags_all":{},"colour":"red")")}});
  CHECK(c.error.empty());
  CHECK(c.warnings == std::vector<std::string>{
                          "s.json: aws_cloudwatch_metric_alarm.a: unknown key "
                          "'colour' (ignored)"});
}

}  // namespace
}  // namespace flowmon::testing
