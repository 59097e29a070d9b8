// CloudFormation templates: the error paths (the CLI goldens in
// tests/cli/check/ cover the rest).
#include <string>
#include <vector>

#include "catch.h"
#include "check/config_text.h"

namespace flowmon::testing {
namespace {

const std::string kTemplate =
    R"({"Resources":{)"
    R"("F":{"Type":"AWS::Logs::MetricFilter","Properties":{)"
    R"("FilterPattern":"REJECT","LogGroupName":"g","MetricTransformations":[)"
    R"({"MetricName":"m","MetricNamespace":"n","MetricValue":"1"}]}},)"
    R"("A":{"Type":"AWS::CloudWatch::Alarm","Properties":{)"
    R"("MetricName":"m","Namespace":"n","Statistic":"Sum","Period":"60",)"
    R"("EvaluationPeriods":1,"Threshold":1,)"
    R"("ComparisonOperator":"GreaterThanThreshold"}}}})";

std::string TemplateError(const std::string& json) {
  return ConfigError(json, "t.json");
}

TEST_CASE("CloudFormation: the base template of these tests loads", "[check]") {
  const Monitor m = OnlyMonitor({{"t.json", kTemplate}});
  CHECK(m.name == "A");  // the logical id
  CHECK(m.origin == "t.json: Resources.A");
  CHECK(m.alarm.period == 60);  // "60", a string
}

TEST_CASE("CloudFormation: errors name the resource", "[check]") {
  CHECK(TemplateError(R"({"Resources":[]})") ==
        "t.json: 'Resources' must be an object");
  CHECK(TemplateError(R"({"Resources":{"B":1}})") ==
        "t.json: Resources.B: expected an object");
  CHECK(TemplateError(R"({"Resources":{"B":{"Properties":{}}}})") ==
        "t.json: Resources.B: missing 'Type'");
  CHECK(TemplateError(R"({"Resources":{"B":{"Type":{"Ref":"T"}}}})") ==
        "t.json: Resources.B: 'Type' is an intrinsic function or reference; "
        "flowmon check needs the literal value");
  CHECK(TemplateError(
            R"({"Resources":{"B":{"Type":"AWS::CloudWatch::Alarm"}}})") ==
        "t.json: Resources.B: missing 'Properties'");
  CHECK(TemplateError(With(kTemplate, R"("FilterPattern":"REJECT")",
                           R"("FilterPattern":{"Fn::Sub":"x"})")) ==
        "t.json: Resources.F: 'FilterPattern' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(TemplateError(With(kTemplate, R"("MetricTransformations":[)",
                           R"("MetricTransformations":[7,)")) ==
        "t.json: Resources.F: a metric transformation must be an object");
  CHECK(TemplateError(With(kTemplate, R"(,"MetricValue":"1")", "")) ==
        "t.json: Resources.F: missing 'MetricValue'");
  CHECK(TemplateError(With(kTemplate, R"("MetricValue":"1")",
                           R"("MetricValue":"1","Dimensions":[1])")) ==
        "t.json: Resources.F: a dimension must be an object");
  CHECK(TemplateError(With(kTemplate, R"("Threshold":1)",
                           R"("Threshold":{"Ref":"T"})")) ==
        "t.json: Resources.A: 'Threshold' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(
      TemplateError(With(kTemplate, R"("Period":"60")", R"("Period":"1m")")) ==
      "t.json: Resources.A: 'Period' must be a number");
}

TEST_CASE("CloudFormation: metric-math and composite alarms are skipped",
          "[check]") {
  const LoadedConfig math = LoadConfigText(
      {{"t.json", With(kTemplate, R"("Threshold":1)",
                       R"("Threshold":1,"Metrics":[{"Id":"m1"}])")}});
  CHECK(math.error.empty());
  CHECK(math.config.monitors.empty());
  REQUIRE(math.config.skipped.size() == 1);
  CHECK(math.config.skipped[0].name == "A");
  CHECK(math.config.skipped[0].reason == "metric math");
  const LoadedConfig composite = LoadConfigText(
      {{"t.json",
        With(kTemplate, R"({"Resources":{)",
             R"({"Resources":{"C":{"Type":"AWS::CloudWatch::CompositeAlarm",)"
             R"x("Properties":{"AlarmName":"both","AlarmRule":"ALARM(A)"}},)x")}});
  CHECK(composite.error.empty());
  REQUIRE(composite.config.skipped.size() == 1);
  CHECK(composite.config.skipped[0].name == "both");
  CHECK(composite.config.skipped[0].reason == "composite alarm");
  CHECK(composite.config.monitors.size() == 1);
}

TEST_CASE("CloudFormation: other resources are skipped, unknown keys warned",
          "[check]") {
  const LoadedConfig c = LoadConfigText(
      {{"t.json",
        With(
            With(
                kTemplate, R"({"Resources":{)",
                R"({"Parameters":{},"Resources":{"B":{"Type":"AWS::S3::Bucket",)"
                R"("Properties":7,"Colour":"red"},)"),
            R"("Type":"AWS::CloudWatch::Alarm",)",
            R"("Type":"AWS::CloudWatch::Alarm","Colour":"red",)")}});
  CHECK(c.error.empty());
  CHECK(c.warnings ==
        std::vector<std::string>{
            "t.json: Resources.A: unknown key 'Colour' (ignored)"});
}

}  // namespace
}  // namespace flowmon::testing
