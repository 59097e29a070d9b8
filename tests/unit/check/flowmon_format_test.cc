// flowmon's own {"monitors": [...], "expectations": {...}} format: the error
// paths (the CLI goldens in tests/cli/check/ cover the rest).
#include <string>
#include <vector>

#include "catch.h"
#include "check/config_text.h"

namespace flowmon::testing {
namespace {

const std::string kMonitors =
    R"({"monitors":[{"name":"x","pattern":"REJECT","threshold":1,)"
    R"("comparison":"GreaterThanThreshold"}]})";

std::string MonitorError(const std::string& json) {
  return ConfigError(json, "m.json");
}

TEST_CASE("flowmon format: the base monitors of these tests load", "[check]") {
  const Monitor m = OnlyMonitor({{"m.json", kMonitors}});
  CHECK(m.origin == "m.json: monitors[0]");
  CHECK(m.namespace_name == "flowmon");
  CHECK(m.expect.empty());
}

TEST_CASE("flowmon format: errors name the monitor", "[check]") {
  CHECK(MonitorError(R"({"expectations":{"x":1}})") ==
        "m.json: an expectation must be a string or a list of strings, such "
        "as \"fires\" or [\"fires\", \"ends-in OK\"]");
  CHECK(MonitorError(R"({"expectations":{"x":"RED"}})") ==
        "m.json: unknown expectation 'RED' (expected fires, never-fires, "
        "ends-in STATE, transitions N, or a state: OK, ALARM, "
        "INSUFFICIENT_DATA)");
  CHECK(MonitorError(R"({"expectations":[]})") ==
        "m.json: 'expectations' must be an object");
  CHECK(MonitorError(R"({"monitors":[1]})") ==
        "m.json: monitors[0]: expected an object");
  CHECK(MonitorError(With(kMonitors, R"("name":"x")", R"("name":1)")) ==
        "m.json: monitors[0]: 'name' must be a string");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1,)", "")) ==
        "m.json: monitors[0]: missing 'threshold'");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"period":"1m")")) ==
        "m.json: monitors[0]: 'period' must be a number");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"default_value":{})")) ==
        "m.json: monitors[0]: 'default_value' is an intrinsic function or "
        "reference; flowmon check needs the literal value");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"statistic":"Mode")")) ==
        "m.json: monitors[0]: unknown statistic 'Mode' (expected "
        "SampleCount, Sum, Average, Minimum, Maximum or a percentile such as "
        "p99 or p99.9)");
  // The statistic is checked before the comparison.
  CHECK(MonitorError(With(kMonitors, R"("comparison":"GreaterThanThreshold")",
                          R"("comparison":"Above","statistic":"Mode")"))
            .starts_with("m.json: monitors[0]: unknown statistic 'Mode'"));
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"expect":"RED")")) ==
        "m.json: monitors[0]: unknown expectation 'RED' (expected fires, "
        "never-fires, ends-in STATE, transitions N, or a state: OK, ALARM, "
        "INSUFFICIENT_DATA)");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"expect":["fires",2])")) ==
        "m.json: monitors[0]: an expectation must be a string or a list of "
        "strings, such as \"fires\" or [\"fires\", \"ends-in OK\"]");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"expect":"ends-in RED")")) ==
        "m.json: monitors[0]: unknown alarm state 'RED' (expected OK, ALARM, "
        "INSUFFICIENT_DATA)");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"evaluation_periods":2,)"
                          R"("datapoints_to_alarm":3)")) ==
        "m.json: monitors[0]: --datapoints-to-alarm must be between 1 and "
        "--evaluation-periods (2)");
  // Numbers out of AWS's range are errors, not overflows (UBSan).
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"period":2.16e18)")) ==
        "m.json: monitors[0]: 'period' must be a whole number from 1 to "
        "604800");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"period":90.5)")) ==
        "m.json: monitors[0]: 'period' must be a whole number from 1 to "
        "604800");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"evaluation_periods":1e300)")) ==
        "m.json: monitors[0]: 'evaluation_periods' must be a whole number "
        "from -2147483648 to 2147483647");
  CHECK(MonitorError(With(kMonitors, R"("threshold":1)",
                          R"("threshold":1,"period":86400,)"
                          R"("evaluation_periods":2147483647)")) ==
        "m.json: monitors[0]: --evaluation-periods x --period cannot exceed "
        "one day (86400 s)");
  CHECK(MonitorError(With(kMonitors, "}]}", R"(},{"name":"y"}]})")) ==
        "m.json: monitors[1]: missing 'pattern'");
}

TEST_CASE("flowmon format: expectations from any file", "[check]") {
  const LoadedConfig c =
      LoadConfigText({{"e.json", R"({"expectations":{"x":"ALARM"}})"},
                      {"m.json", With(kMonitors, R"("threshold":1)",
                                      R"("threshold":1,"expect":"OK")")}});
  CHECK(c.error.empty());
  REQUIRE(c.config.monitors.size() == 1);
  CHECK(c.config.monitors[0].expect ==
        std::vector<Expectation>{
            {Expectation::Kind::kEndsIn, AlarmState::kAlarm}});
  CHECK(ConfigError(R"({"expectations":{}})") ==
        "the configs define no alarm to check");
}

}  // namespace
}  // namespace flowmon::testing
