#include "flowmon/check/check_config.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <string>

#include "catch.h"
#include "core/sigpipe_guard.h"
#include "flowmon/notify/notifier.h"

namespace flowmon {
namespace {

std::string Sample(const char* name) {
  return std::string(FLOWMON_SAMPLES_DIR) + "/check/" + name;
}

TEST_CASE("check configs: describe output joined by metric name", "[check]") {
  CheckConfig c;
  REQUIRE(LoadCheckConfig(
              {Sample("metric-filters.json"), Sample("alarms.json")}, &c)
              .ok());
  REQUIRE(c.monitors.size() == 2);
  const Monitor& ssh = c.monitors[0];
  CHECK(ssh.name == "ssh-rejects");
  CHECK(ssh.pattern.find("destport=\"22\"") != std::string::npos);
  CHECK(ssh.metric.default_value == 0.0);
  CHECK(ssh.alarm.treat_missing == TreatMissingData::kNotBreaching);
  CHECK(c.monitors[1].metric.value == "$bytes");
  CHECK(c.monitors[1].alarm.period == 300);
  CHECK(c.warnings.empty());
}

TEST_CASE("check configs: CloudFormation and flowmon's format", "[check]") {
  CheckConfig cfn;
  REQUIRE(LoadCheckConfig({Sample("template.json")}, &cfn).ok());
  REQUIRE(cfn.monitors.size() == 2);
  CHECK(cfn.monitors[1].name == "RdpRejectAlarm");  // the logical id
  CHECK(cfn.monitors[0].alarm.period == 60);        // "60", a string
  CheckConfig own;
  REQUIRE(LoadCheckConfig(
              {Sample("monitors.json"), Sample("expect-quiet.json")}, &own)
              .ok());
  REQUIRE(own.monitors.size() == 3);
  CHECK(own.monitors[0].expect ==
        std::vector<Expectation>{
            {Expectation::Kind::kEndsIn, AlarmState::kOk}});  // overridden
  CHECK(own.monitors[1].alarm.m() == 2);
}

TEST_CASE("check configs: errors name the file and the object", "[check]") {
  // Without the filters, the alarms are not log-metric alarms.
  CheckConfig c;
  REQUIRE(LoadCheckConfig({Sample("alarms.json")}, &c).ok());
  CHECK(c.monitors.empty());
  REQUIRE(c.skipped.size() == 2);
  CHECK(c.skipped[0].name == "ssh-rejects");
  CHECK(c.skipped[0].reason == "not a log-metric alarm");
  CheckConfig d;
  CHECK_FALSE(LoadCheckConfig({Sample("nope.json")}, &d).ok());
  CheckConfig e;
  CHECK(LoadCheckConfig({Sample("expect-quiet.json")}, &e).message() ==
        "expectations: no alarm is named 'ssh-rejects'");
}

}  // namespace
}  // namespace flowmon
