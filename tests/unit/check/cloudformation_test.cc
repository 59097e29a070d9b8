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
        With(
            kTemplate, R"({"Resources":{)",
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

const std::string kYaml = R"(Resources:
  F:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: !Ref Group
      FilterPattern: REJECT
      MetricTransformations:
        - MetricName: m
          MetricNamespace: n
          MetricValue: "1"
  A:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: a
      MetricName: m
      Namespace: n
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanThreshold
)";

TEST_CASE("CloudFormation YAML: the same template, with lines", "[check]") {
  const LoadedConfig c = LoadConfigText({{"t.yaml", kYaml}});
  CHECK(c.error.empty());
  REQUIRE(c.config.monitors.size() == 1);
  CHECK(c.config.monitors[0].origin == "t.yaml:11: Resources.A");
  CHECK(c.config.monitors[0].alarm.period == 60);
  CHECK(c.config.monitors[0].alarm.threshold == 1);
  CHECK(c.warnings == std::vector<std::string>{
                          "t.yaml:5: Resources.F: 'LogGroupName' uses !Ref: "
                          "ignored, as it does not change the evaluation"});
}

TEST_CASE("CloudFormation: intrinsics that change the evaluation are errors",
          "[check]") {
  auto yaml_error = [](const std::string& from, const std::string& to) {
    return ConfigError(With(kYaml, from, to), "t.yaml");
  };
  CHECK(yaml_error("Threshold: 1", "Threshold: !Ref T") ==
        "t.yaml:20: Resources.A: 'Threshold' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(yaml_error("Period: 60", "Period:\n        Ref: P") ==
        "t.yaml:18: Resources.A: 'Period' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(yaml_error("\n      Namespace: n",
                   "\n      Namespace: !ImportValue ns") ==
        "t.yaml:16: Resources.A: 'Namespace' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(yaml_error("FilterPattern: REJECT", "FilterPattern: !Sub '${P}'") ==
        "t.yaml:6: Resources.F: 'FilterPattern' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(yaml_error("MetricValue: \"1\"", "MetricValue: !If [c, '1', '2']") ==
        "t.yaml:10: Resources.F: 'MetricValue' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(yaml_error("      MetricTransformations:\n",
                   "      MetricTransformations: !If [c, [], []]\n"
                   "      X:\n") ==
        "t.yaml:7: Resources.F: 'MetricTransformations' is an intrinsic "
        "function or reference; flowmon check needs the literal value");
  CHECK(yaml_error("ComparisonOperator: GreaterThanThreshold",
                   "ComparisonOperator: GreaterThanThreshold\n"
                   "      Dimensions:\n"
                   "        - Name: d\n"
                   "          Value: !Select [0, !GetAZs '']") ==
        "t.yaml:24: Resources.A: 'Value' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(yaml_error(
            "    Properties:\n      AlarmName: a",
            "    Properties: !If [c, {}, {}]\n    X:\n      AlarmName: a") ==
        "t.yaml:13: Resources.A: 'Properties' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
}

TEST_CASE("CloudFormation: intrinsics elsewhere are ignored, with a warning",
          "[check]") {
  const LoadedConfig c = LoadConfigText(
      {{"t.yaml", With(With(kYaml, "AlarmName: a",
                            "AlarmName: !Sub '${AWS::StackName}-a'\n"
                            "      AlarmActions: [!Ref Topic]\n"
                            "      OKActions:\n"
                            "        - Fn::ImportValue: topic\n"
                            "      AlarmDescription: !Join [' ', [a, !Ref B]]"),
                       "LogGroupName: !Ref Group", "LogGroupName: g")}});
  CHECK(c.error.empty());
  REQUIRE(c.config.monitors.size() == 1);
  CHECK(c.config.monitors[0].name == "A");  // AlarmName unknown: the id
  CHECK(c.warnings ==
        std::vector<std::string>{
            "t.yaml:14: Resources.A: 'AlarmName' uses !Sub: ignored, as it "
            "does not change the evaluation",
            "t.yaml:18: Resources.A: 'AlarmDescription' uses !Join: ignored, "
            "as it does not change the evaluation",
            "t.yaml:15: Resources.A: 'AlarmActions' uses !Ref: ignored, as it "
            "does not change the evaluation",
            "t.yaml:16: Resources.A: 'OKActions' uses Fn::ImportValue: "
            "ignored, as it does not change the evaluation"});
  // In JSON, the long form, without lines.
  const LoadedConfig json = LoadConfigText(
      {{"t.json", With(kTemplate, R"("LogGroupName":"g")",
                       R"("LogGroupName":{"Fn::ImportValue":"flow-logs"})")}});
  CHECK(json.error.empty());
  CHECK(json.warnings ==
        std::vector<std::string>{
            "t.json: Resources.F: 'LogGroupName' uses Fn::ImportValue: "
            "ignored, as it does not change the evaluation"});
}

TEST_CASE("CloudFormation: other alarms are not looked into", "[check]") {
  // An EC2 alarm with intrinsics where they matter: not a log-metric alarm,
  // so neither an error nor a warning.
  const LoadedConfig c = LoadConfigText({{"t.yaml", kYaml + R"(  Cpu:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: !Sub '${AWS::StackName}-cpu'
      MetricName: CPUUtilization
      Namespace: AWS/EC2
      Statistic: Average
      Dimensions: [{Name: InstanceId, Value: !Ref Web}]
      Period: 300
      EvaluationPeriods: !Ref N
      Threshold: !Ref Limit
      ComparisonOperator: GreaterThanThreshold
      Colour: red
)"}});
  CHECK(c.error.empty());
  CHECK(c.warnings.size() == 1);  // the filter's LogGroupName
  REQUIRE(c.config.skipped.size() == 1);
  CHECK(c.config.skipped[0].name == "Cpu");
  CHECK(c.config.skipped[0].origin == "t.yaml:22: Resources.Cpu");
}

TEST_CASE("CloudFormation: ApplyOnTransformedLogs is not supported",
          "[check]") {
  CHECK(TemplateError(
            With(kTemplate, R"("LogGroupName":"g")",
                 R"("LogGroupName":"g","ApplyOnTransformedLogs":true)")) ==
        "t.json: Resources.F: ApplyOnTransformedLogs is not supported by "
        "flowmon check");
  CHECK(ConfigError(With(kYaml, "LogGroupName: !Ref Group",
                         "ApplyOnTransformedLogs: false"),
                    "t.yaml")
            .empty());
}

}  // namespace
}  // namespace flowmon::testing
