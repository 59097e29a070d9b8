// Reading config files, and joining alarms to the metric filters that publish
// their metric: the error paths.
#include <string>
#include <vector>

#include "catch.h"
#include "check/config_text.h"

namespace flowmon::testing {
namespace {

const std::string kFilters =
    R"({"metricFilters":[{"filterName":"f","filterPattern":"REJECT",)"
    R"("metricTransformations":[{"metricName":"m","metricNamespace":"n",)"
    R"("metricValue":"1","dimensions":{"src":"$srcaddr","dst":"$dstaddr"}}]}]})";
const std::string kAlarms =
    R"({"MetricAlarms":[{"AlarmName":"a","MetricName":"m","Namespace":"n",)"
    R"("Statistic":"Sum","Period":60,"EvaluationPeriods":1,"Threshold":1,)"
    R"("ComparisonOperator":"GreaterThanThreshold","Dimensions":[)"
    R"({"Name":"dst","Value":"10.0.0.1"},{"Name":"src","Value":"10.0.0.2"}]}]})";

TEST_CASE("check files: unreadable, not JSON, not an object", "[check]") {
  const LoadedConfig missing = LoadConfigText({});
  CHECK(missing.error == "the configs define no alarm to check");
  CheckConfig c;
  const Status nope = LoadCheckConfig({"/nonexistent/nope.json"}, &c);
  CHECK(nope.code() == Status::Code::kIoError);
  CHECK(nope.message() ==
        "/nonexistent/nope.json: cannot open: No such file or directory");
  // A folder is not a config: an input error, not "expected a mapping".
  const Status folder = LoadCheckConfig({"/tmp"}, &c);
  CHECK(folder.code() == Status::Code::kIoError);
  CHECK(folder.message() == "/tmp: is a directory");
  const LoadedConfig list = LoadConfigText({{"l.json", "[]"}});
  CHECK(list.code == Status::Code::kInvalidArgument);
  CHECK(list.error == "l.json: expected a JSON object");
  CHECK(ConfigError("{", "b.json").starts_with("b.json: invalid JSON: "));
}

TEST_CASE("join: the alarm's dimension values, in the filter's order",
          "[check]") {
  const Monitor m = OnlyMonitor({{"f.json", kFilters}, {"a.json", kAlarms}});
  CHECK(m.dimension_key == "src=10.0.0.2,dst=10.0.0.1");
  CHECK(m.metric.dimensions ==
        std::vector<std::string>{"src=$srcaddr", "dst=$dstaddr"});
}

TEST_CASE("join: dimension values holding ',' and '=' are escaped", "[check]") {
  std::string alarms = kAlarms;
  const std::string value = "10.0.0.1";
  alarms.replace(alarms.find(value), value.size(), "x,src=y");
  const Monitor m = OnlyMonitor({{"f.json", kFilters}, {"a.json", alarms}});
  // The metric sink escapes a record's values the same way.
  CHECK(m.dimension_key == "src=10.0.0.2,dst=x\\,src\\=y");
}

TEST_CASE("join: errors name the alarm", "[check]") {
  const LoadedConfig none = LoadConfigText(
      {{"f.json", kFilters},
       {"a.json", With(kAlarms,
                       R"(,"Dimensions":[{"Name":"dst","Value":"10.0.0.1"},)"
                       R"({"Name":"src","Value":"10.0.0.2"}])",
                       "")}});
  CHECK(none.error ==
        "a.json: MetricAlarms[0]: alarm 'a' has no dimensions, but filter 'f' "
        "publishes n/m only with dimensions: the alarm would never get data");
  const LoadedConfig fewer = LoadConfigText(
      {{"f.json", kFilters},
       {"a.json", With(kAlarms, R"({"Name":"dst","Value":"10.0.0.1"},)", "")}});
  CHECK(fewer.error ==
        "a.json: MetricAlarms[0]: alarm 'a' dimensions do not match the "
        "dimensions of filter 'f'");
  const LoadedConfig other = LoadConfigText(
      {{"f.json", kFilters},
       {"a.json", With(kAlarms, R"("Name":"dst")", R"("Name":"port")")}});
  CHECK(other.error == fewer.error);
}

TEST_CASE("join: an alarm no filter publishes for is skipped", "[check]") {
  const LoadedConfig namespace_differs = LoadConfigText(
      {{"f.json", kFilters},
       {"a.json", With(kAlarms, R"("Namespace":"n")", R"("Namespace":"N")")}});
  CHECK(namespace_differs.error.empty());
  CHECK(namespace_differs.config.monitors.empty());
  REQUIRE(namespace_differs.config.skipped.size() == 1);
  CHECK(namespace_differs.config.skipped[0].name == "a");
  CHECK(namespace_differs.config.skipped[0].origin ==
        "a.json: MetricAlarms[0]");
  CHECK(namespace_differs.config.skipped[0].reason == "not a log-metric alarm");
  // Its dimensions are not looked at: they would not line up.
  const LoadedConfig unrelated = LoadConfigText(
      {{"f.json", kFilters},
       {"a.json", With(With(kAlarms, R"("MetricName":"m")",
                            R"("MetricName":"CPUUtilization")"),
                       R"({"Name":"dst","Value":"10.0.0.1"},)", "")}});
  CHECK(unrelated.error.empty());
  CHECK(unrelated.config.skipped.size() == 1);
}

TEST_CASE("join: the last filter publishing the metric is the one", "[check]") {
  const LoadedConfig c = LoadConfigText(
      {{"f.json", kFilters},
       {"g.json",
        With(With(kFilters, R"("filterName":"f")", R"("filterName":"g")"),
             R"("filterPattern":"REJECT")", R"("filterPattern":"ACCEPT")")},
       {"a.json", kAlarms}});
  CHECK(c.error.empty());
  REQUIRE(c.config.monitors.size() == 1);
  CHECK(c.config.monitors[0].pattern == "ACCEPT");
  CHECK(c.warnings ==
        std::vector<std::string>{"f.json: metricFilters[0]: metric filter 'f' "
                                 "(n/m) has no alarm in the configs: not "
                                 "checked"});
}

}  // namespace
}  // namespace flowmon::testing
