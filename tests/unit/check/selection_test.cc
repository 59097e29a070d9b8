// --alarm and --expect: which alarms are checked, what is reported of the
// others, and which expectations win.
#include <string>
#include <vector>

#include "catch.h"
#include "check/config_text.h"

namespace flowmon::testing {
namespace {

const std::string kFilters =
    R"({"metricFilters":[{"filterName":"f","filterPattern":"REJECT",)"
    R"("metricTransformations":[{"metricName":"m","metricNamespace":"n",)"
    R"("metricValue":"1"}]}]})";
// ssh-a and ssh-b watch the filter's metric; ssh-b's period is invalid; cpu
// is an EC2 alarm.
const std::string kAlarms =
    R"({"MetricAlarms":[)"
    R"({"AlarmName":"ssh-a","MetricName":"m","Namespace":"n",)"
    R"("Statistic":"Sum","Period":60,"EvaluationPeriods":1,"Threshold":1,)"
    R"("ComparisonOperator":"GreaterThanThreshold"},)"
    R"({"AlarmName":"ssh-b","MetricName":"m","Namespace":"n",)"
    R"("Statistic":"Sum","Period":30,"EvaluationPeriods":1,"Threshold":1,)"
    R"("ComparisonOperator":"GreaterThanThreshold","Colour":"red"},)"
    R"({"AlarmName":"cpu","MetricName":"CPUUtilization","Namespace":"AWS/EC2",)"
    R"("Statistic":"Average","Period":300,"EvaluationPeriods":1,)"
    R"("Threshold":80,"ComparisonOperator":"GreaterThanThreshold"}]})";

LoadedConfig Load(const CheckSelection& selection,
                  const std::string& extra = "") {
  std::vector<ConfigText> files = {{"f.json", kFilters}, {"a.json", kAlarms}};
  if (!extra.empty()) files.push_back({"e.json", extra});
  return LoadConfigText(files, selection);
}

ExpectationOverride Override(const std::string& glob,
                             const std::string& expect) {
  Result<std::vector<Expectation>> e = ParseExpectations(expect);
  REQUIRE(e.ok());
  return {glob + "=" + expect, glob, *e};
}

TEST_CASE("selection: an alarm that is checked reports its problems",
          "[check]") {
  const LoadedConfig all = Load({});
  CHECK(all.error ==
        "a.json: MetricAlarms[1]: --period must be a multiple of 60 seconds "
        "(metric filters publish one-minute data)");
}

TEST_CASE("selection: --alarm picks alarms by glob", "[check]") {
  const LoadedConfig a = Load({{"ssh-a", "c*"}, {}});
  CHECK(a.error.empty());
  CHECK(a.warnings.empty());  // ssh-b's unknown key: not selected
  REQUIRE(a.config.monitors.size() == 1);
  CHECK(a.config.monitors[0].name == "ssh-a");
  REQUIRE(a.config.skipped.size() == 1);
  CHECK(a.config.skipped[0].name == "cpu");
  const LoadedConfig b = Load({{"*-b"}, {}});
  CHECK(b.error.starts_with("a.json: MetricAlarms[1]: --period"));
  CHECK(Load({{"ssh-a", "nope?"}, {}}).error ==
        "--alarm 'nope?' selects no alarm in the configs");
  // Shell glob syntax: brackets and escapes.
  CHECK(Load({{"ssh-[a]"}, {}}).config.monitors.size() == 1);
  CHECK(Load({{"ssh\\-a"}, {}}).config.monitors.size() == 1);
}

TEST_CASE("selection: --expect replaces the configs' expectations", "[check]") {
  const std::string config_expect =
      R"({"expectations":{"ssh-a":"ALARM","cpu":"OK"}})";
  // cpu is not selected: its expectation is not looked at.
  const LoadedConfig from_config = Load({{"ssh-a"}, {}}, config_expect);
  CHECK(from_config.error.empty());
  REQUIRE(from_config.config.monitors.size() == 1);
  CHECK(from_config.config.monitors[0].expect.size() == 1);
  const LoadedConfig flags =
      Load({{"ssh-a"},
            {Override("ssh-*", "fires"), Override("ssh-a", "transitions 2")}},
           config_expect);
  CHECK(flags.error.empty());
  REQUIRE(flags.config.monitors.size() == 1);
  const std::vector<Expectation>& e = flags.config.monitors[0].expect;
  REQUIRE(e.size() == 2);
  CHECK(e[0].kind == Expectation::Kind::kFires);
  CHECK(e[1].kind == Expectation::Kind::kTransitions);
  CHECK(Load({{"ssh-a", "cpu"}, {}}, config_expect).error ==
        "expectations: alarm 'cpu' is skipped (not a log-metric alarm), so "
        "its expectations cannot be checked");
  CHECK(Load({{"ssh-a", "cpu"}, {Override("c*", "fires")}}).error ==
        "--expect 'c*=fires': alarm 'cpu' is skipped (not a log-metric "
        "alarm), so its expectations cannot be checked");
  CHECK(Load({{"ssh-a"}, {Override("ssh-b", "fires")}}).error ==
        "--expect 'ssh-b=fires': no selected alarm is named 'ssh-b'");
  // A glob that names a checked alarm may name skipped ones too.
  CHECK(Load({{"ssh-a", "cpu"}, {Override("*", "never-fires")}}).error.empty());
  CHECK(Load({{"ssh-a"}, {}}, R"({"expectations":{"nobody":"OK"}})").error ==
        "expectations: no alarm is named 'nobody'");
}

}  // namespace
}  // namespace flowmon::testing
