// The loader behind LoadCheckConfig: one reader per config dialect, the
// helpers they read with, and the join of alarms to metric filters.
//   loader.cc           files, JSON, which dialect a file is; ObjectReader
//   aws_shared.cc       the metric filters and alarms describe output and
//                       CloudFormation share
//   describe_output.cc  aws logs describe-metric-filters and aws cloudwatch
//                       describe-alarms output
//   cloudformation.cc   AWS::Logs::MetricFilter and AWS::CloudWatch::Alarm
//                       resources of a template
//   flowmon_format.cc   {"monitors": [...], "expectations": {...}}
//   join.cc             alarms to the filters that publish their metric
#pragma once

#include <simdjson.h>

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flowmon/check/check_config.h"

namespace flowmon::check {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// One metric transformation of a metric filter, before the join.
struct FilterDef {
  std::string name, origin, pattern, metric_name, namespace_name;
  MetricSpec metric;
  std::vector<std::string> dimension_names;  // in the filter's order
};

// One metric alarm, before the join.
struct AlarmDef {
  std::string origin, metric_name, namespace_name;
  AlarmSpec spec;
  std::vector<std::pair<std::string, std::string>> dimensions;  // Name, Value
};

// What the files define, gathered for the join.
struct Definitions {
  explicit Definitions(CheckConfig* config) : out(config) {}
  CheckConfig* out;  // flowmon-format monitors and the warnings go here
  std::vector<FilterDef> filters;
  std::vector<AlarmDef> alarms;
  std::map<std::string, AlarmState> expectations;  // by alarm name
};

// "<where>: <what>", the shape of every config message; `where` is the file
// and the object path: "alarms.json: MetricAlarms[0]".
std::string Located(std::string_view where, std::string_view what);
Status ErrorAt(std::string_view where, std::string_view what);

enum class Need { kOptional, kRequired };

// Reads the members of one JSON object; an error names the object
// ("alarms.json: MetricAlarms[0]: missing 'Period'"). Once an error is
// recorded every other call does nothing, so that a run of reads is checked
// once, after it:
//   r.String("name", &m.name, Need::kRequired);
//   r.Number("threshold", &m.alarm.threshold, Need::kRequired);
//   if (!r.ok()) return;
class ObjectReader {
 public:
  ObjectReader(object o, std::string where, std::vector<std::string>* warnings)
      : o_(o), where_(std::move(where)), warnings_(warnings) {}

  object json() const { return o_; }
  const std::string& where() const { return where_; }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // Records "<where>: <what>" as the error (unless there is one: the first
  // error is the one reported).
  ObjectReader& Fail(std::string_view what);
  // Records s, an error that names its place already.
  ObjectReader& Adopt(const Status& s);
  // Records "<where>: <s's message>" when s is an error.
  ObjectReader& Check(const Status& s);
  // *out = r's value, or r's error as in Check.
  template <typename T, typename Out>
  ObjectReader& Take(const Result<T>& r, Out* out) {
    if (Check(r.status()).ok()) *out = r.value();
    return *this;
  }
  // Adds "<where>: <what>" to the warnings.
  void Warn(std::string_view what);

  // Warns about each key outside `known` and `also_known`; a key in
  // `unsupported` is an error.
  ObjectReader& Keys(std::initializer_list<std::string_view> known,
                     std::span<const std::string_view> unsupported = {},
                     std::span<const std::string_view> also_known = {});
  // A string. For String and Number, an object ({"Ref": ...}) in the place of
  // the value is an error of its own: flowmon check needs literal values.
  ObjectReader& String(std::string_view key, std::string* out,
                       Need need = Need::kOptional);
  // A number, or a string holding one (CloudFormation writes "60").
  ObjectReader& Number(std::string_view key, std::optional<double>* out,
                       Need need = Need::kOptional);
  ObjectReader& Number(std::string_view key, double* out,
                       Need need = Need::kOptional);
  // A Number, truncated.
  ObjectReader& Integer(std::string_view key, int64_t* out,
                        Need need = Need::kOptional);
  ObjectReader& Integer(std::string_view key, int* out,
                        Need need = Need::kOptional);
  // [{<key_name>: ..., "Value": ...}, ...] as (key, value) pairs.
  ObjectReader& NamedPairs(
      array list, std::string_view key_name,
      std::vector<std::pair<std::string, std::string>>* out);

  // Another object read as part of this one: the same place, warnings and
  // error so far (Adopt its status back).
  ObjectReader Part(object o) const {
    ObjectReader part(o, where_, warnings_);
    part.status_ = status_;
    return part;
  }
  // each(part) for the elements of list, read as Parts; an element that is
  // not an object fails with `not_object`.
  ObjectReader& Parts(array list, std::string_view not_object,
                      const std::function<void(ObjectReader&)>& each);
  // each(element) for the elements of list, read as "<where>: <name>[i]"; an
  // element that is not an object is an error ("expected an object"). Like
  // Parts and Members, stops at the first error.
  ObjectReader& Elements(array list, std::string_view name,
                         const std::function<void(ObjectReader&)>& each);
  // each(key, member) for the members of map, read as "<where>: <name>.<key>"
  // (objects, as in Elements).
  ObjectReader& Members(
      object map, std::string_view name,
      const std::function<void(std::string_view, ObjectReader&)>& each);

 private:
  // o_[key] into *e; false when it is absent (an error when required).
  bool Find(std::string_view key, Need need, element* e);
  // each(nested) for e, an object read as "<where>: <path>".
  ObjectReader& Nested(element e, std::string_view path,
                       const std::function<void(ObjectReader&)>& each);
  // The error for an object where key's literal value belongs.
  ObjectReader& Intrinsic(std::string_view key);

  object o_;
  std::string where_;
  std::vector<std::string>* warnings_;
  Status status_;
};

// The alarm settings describe-alarms output and CloudFormation share
// (ReadAlarm reads them), and the metric math keys flowmon does not support.
inline constexpr std::string_view kAlarmSettingKeys[] = {
    "MetricName",
    "Namespace",
    "Statistic",
    "ExtendedStatistic",
    "Dimensions",
    "Period",
    "Unit",
    "EvaluationPeriods",
    "DatapointsToAlarm",
    "Threshold",
    "ComparisonOperator",
    "TreatMissingData",
    "EvaluateLowSampleCountPercentile"};
inline constexpr std::string_view kMetricMathKeys[] = {"Metrics",
                                                       "ThresholdMetricId"};

// How describe output and CloudFormation spell a metric filter's keys.
struct MetricFilterKeys {
  std::string_view filter_name, filter_pattern, transformations, metric_name,
      metric_namespace, metric_value, default_value, dimensions;
};
inline constexpr MetricFilterKeys kDescribeFilterKeys{
    "filterName",      "filterPattern", "metricTransformations", "metricName",
    "metricNamespace", "metricValue",   "defaultValue",          "dimensions"};
inline constexpr MetricFilterKeys kCloudFormationFilterKeys{
    "FilterName",      "FilterPattern", "MetricTransformations", "MetricName",
    "MetricNamespace", "MetricValue",   "DefaultValue",          "Dimensions"};

// aws_shared.cc: a metric filter's name, pattern and metric transformations,
// one FilterDef per transformation appended to *out.
void ReadMetricFilter(ObjectReader& r, const MetricFilterKeys& keys,
                      std::string default_name, std::vector<FilterDef>* out);
// aws_shared.cc: an alarm's AlarmName and settings, appended to *out.
void ReadAlarm(ObjectReader& r, Need name, std::string default_name,
               std::vector<AlarmDef>* out);

// One reader per dialect, given the file's top-level object (named by the
// file alone); each records its first error in `file`.
void DescribeMetricFilters(ObjectReader& file, Definitions* defs);
void DescribeAlarms(ObjectReader& file, Definitions* defs);
void CloudFormation(ObjectReader& file, Definitions* defs);
void FlowmonFormat(ObjectReader& file, Definitions* defs);

// join.cc: a Monitor per alarm, from the filter that publishes its metric;
// warns about filters no alarm watches; applies the expectations.
Status Join(Definitions* defs);

}  // namespace flowmon::check
