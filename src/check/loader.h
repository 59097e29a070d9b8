// The loader behind LoadCheckConfig: one reader per config dialect, the
// helpers they read with, the join of alarms to metric filters and the
// selection.
//   config_value.cc     JSON and YAML text as one tree of values
//   loader.cc           files, which dialect a file is; ObjectReader
//   aws_shared.cc       the metric filters and alarms describe output,
//                       CloudFormation and Terraform share
//   describe_output.cc  aws logs describe-metric-filters and aws cloudwatch
//                       describe-alarms output
//   cloudformation.cc   AWS::Logs::MetricFilter and AWS::CloudWatch::Alarm
//                       resources of a template
//   terraform.cc        aws_cloudwatch_log_metric_filter and
//                       aws_cloudwatch_metric_alarm resources of
//                       `terraform show -json` output
//   flowmon_format.cc   {"monitors": [...], "expectations": {...}}
//   join.cc             alarms to the filters that publish their metric
//   selection.cc        --alarm and --expect; what is reported of an alarm
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/config_value.h"
#include "flowmon/check/check_config.h"

namespace flowmon::check {

// How a dialect spells the keys the shared readers ask for by their
// CloudFormation names ({"FilterPattern", "filterPattern"}); a name that is
// not in it is spelled as it is.
using Spelling = std::span<const std::pair<std::string_view, std::string_view>>;

// One metric transformation of a metric filter, before the join.
struct FilterDef {
  std::string name, origin, pattern, metric_name, namespace_name;
  MetricSpec metric;
  std::vector<std::string> dimension_names;  // in the filter's order
};

// One alarm, before the join. What reading it found wrong or warned about
// waits for the join and the selection: it is reported only for an alarm
// that is checked, so that an account's other alarms never get in the way.
struct AlarmDef {
  std::string origin, metric_name, namespace_name;
  AlarmSpec spec;
  MonitorActions actions;
  std::vector<std::pair<std::string, std::string>> dimensions;  // Name, Value
  // Why flowmon cannot replay the alarm, whatever the filters: "composite
  // alarm", "metric math". Empty: the join decides.
  std::string skip_reason;
  // The metric name or namespace is not a literal, so whether this is a
  // log-metric alarm cannot be told: `problem` is reported when selected.
  bool metric_unknown = false;
  Status problem;
  std::vector<std::string> warnings;
  size_t warnings_at = 0;  // where they go among the files' warnings
};

// What the files define, gathered for the join.
struct Definitions {
  std::vector<FilterDef> filters;
  std::vector<AlarmDef> alarms;
  std::vector<Monitor> monitors;  // flowmon format: their own filter
  // By alarm name; a later file's entry replaces an earlier one.
  std::map<std::string, std::vector<Expectation>> expectations;
  std::vector<std::string> warnings;
};

// An alarm after the join: a monitor to check, or skipped, or in error.
struct JoinedAlarm {
  std::string name, origin;
  std::optional<Monitor> monitor;
  std::string skip_reason;            // when there is no monitor and no problem
  Status problem;                     // reported when the alarm is selected
  std::vector<std::string> warnings;  // likewise
  size_t warnings_at = 0;
};

// "<where>: <what>", the shape of every config message; `where` is the file,
// the line when known, and the object path: "t.yaml:12: Resources.A".
std::string Located(std::string_view where, std::string_view what);
Status ErrorAt(std::string_view where, std::string_view what);

enum class Need { kOptional, kRequired };

// Reads the members of one map; an error names the file, the line and the
// object ("alarms.json: MetricAlarms[0]: missing 'Period'"). Once an error
// is recorded every other call does nothing, so that a run of reads is
// checked once, after it:
//   r.String("name", &m.name, Need::kRequired);
//   r.Number("threshold", &m.alarm.threshold, Need::kRequired);
//   if (!r.ok()) return;
// Keys are asked for by their CloudFormation names and looked up in the
// reader's Spelling. Lifetime: the reader points into the ConfigValue tree
// and the warnings it is given; both must outlive it.
class ObjectReader {
 public:
  ObjectReader(const ConfigValue& o, std::string file, std::string path,
               std::vector<std::string>* warnings);

  const ConfigValue& value() const { return *o_; }
  // The member `key` (spelled), or nullptr: absent, or ignored.
  const ConfigValue* Get(std::string_view key) const;
  // How this reader's dialect spells `key`.
  std::string_view Key(std::string_view key) const;
  // "file[:line][: path]", at the object's line.
  std::string where() const { return WhereAt(0); }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // A reader of another map of the same file, named by `path`, with this
  // one's warnings (held or not).
  ObjectReader Reader(const ConfigValue& o, std::string path) const;
  // Spells the keys asked for from now on, in this reader and the readers
  // made from it.
  ObjectReader& Spell(Spelling spelling) {
    spelling_ = spelling;
    return *this;
  }
  // A reader of the same object whose warnings and error are kept for
  // later (HeldWarnings(), status()), not passed to this one's.
  ObjectReader Held() const;
  std::vector<std::string> HeldWarnings() const;
  // How many warnings the reader Held() was made from had then.
  size_t held_at() const { return held_at_; }

  // Records "<where>: <what>" as the error (unless there is one: the first
  // error is the one reported); FailAt names v's line.
  ObjectReader& Fail(std::string_view what);
  ObjectReader& FailAt(const ConfigValue& v, std::string_view what);
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
  void Warn(std::string_view what) { WarnAt(0, what); }

  // Warns about each key outside `known` and the lists `also_known`.
  ObjectReader& Keys(
      std::initializer_list<std::string_view> known,
      std::initializer_list<std::span<const std::string_view>> also_known = {});
  // For keys that do not change the evaluation (AlarmActions, LogGroupName,
  // ...): one that holds an intrinsic function is warned about and then
  // read as absent.
  ObjectReader& IgnoreIntrinsics(std::span<const std::string_view> keys);
  // A string. For String, Number and Bool, a map ({"Ref": ...}) in the place
  // of the value is an error of its own: flowmon check needs literal values.
  ObjectReader& String(std::string_view key, std::string* out,
                       Need need = Need::kOptional);
  // A number, or a string holding one (CloudFormation writes "60"; YAML
  // scalars are all strings).
  ObjectReader& Number(std::string_view key, std::optional<double>* out,
                       Need need = Need::kOptional);
  ObjectReader& Number(std::string_view key, double* out,
                       Need need = Need::kOptional);
  // A Number that is a whole number from `min` to `max`; anything else
  // (2.5, 2.16e18 for an int) is an error naming the range. Without bounds:
  // what a double holds exactly, or what an int holds.
  ObjectReader& Integer(std::string_view key, int64_t* out, Need need,
                        int64_t min, int64_t max);
  ObjectReader& Integer(std::string_view key, int64_t* out,
                        Need need = Need::kOptional);
  ObjectReader& Integer(std::string_view key, int* out,
                        Need need = Need::kOptional);
  // A map or a list; *out stays nullptr when it is absent. An intrinsic
  // function in its place is an error, as for String.
  ObjectReader& Map(std::string_view key, const ConfigValue** out,
                    Need need = Need::kOptional);
  // A list; *out stays nullptr when it is absent.
  ObjectReader& List(std::string_view key, const ConfigValue** out,
                     Need need = Need::kOptional);
  // true or false, or a string holding one.
  ObjectReader& Bool(std::string_view key, bool* out);
  // [{<key_name>: ..., "Value": ...}, ...] as (key, value) pairs.
  ObjectReader& NamedPairs(
      const ConfigValue& list, std::string_view key_name,
      std::vector<std::pair<std::string, std::string>>* out);

  // Another map read as part of this one: the same place, spelling,
  // warnings and error so far (Adopt its status back).
  ObjectReader Part(const ConfigValue& o) const;
  // each(part) for the elements of list, read as Parts; an element that is
  // not a map fails with `not_object`.
  ObjectReader& Parts(const ConfigValue& list, std::string_view not_object,
                      const std::function<void(ObjectReader&)>& each);
  // each(element) for the elements of list, read as "<where>: <name>[i]"; an
  // element that is not a map is an error ("expected an object"). Like
  // Parts and Members, stops at the first error.
  ObjectReader& Elements(const ConfigValue& list, std::string_view name,
                         const std::function<void(ObjectReader&)>& each);
  // each(key, member) for the members of map, read as "<where>: <name>.<key>"
  // (maps, as in Elements).
  ObjectReader& Members(
      const ConfigValue& map, std::string_view name,
      const std::function<void(std::string_view, ObjectReader&)>& each);

 private:
  std::string WhereAt(int line) const;
  void WarnAt(int line, std::string_view what);
  // The value of key, or nullptr when it is absent (an error when
  // required).
  const ConfigValue* Find(std::string_view key, Need need);
  // each(nested) for v, a map read as "<where>: <path>".
  ObjectReader& Nested(const ConfigValue& v, std::string_view path,
                       const std::function<void(ObjectReader&)>& each);
  // The error for a map where key's literal value belongs.
  ObjectReader& Intrinsic(std::string_view key, const ConfigValue& v);

  const ConfigValue* o_;
  int line_;  // the object's, or for a Part() the whole's
  std::string file_, path_;
  std::vector<std::string>* warnings_;
  std::shared_ptr<std::vector<std::string>> held_;  // Held() readers
  size_t held_at_ = 0;
  Spelling spelling_;
  std::vector<std::string_view> ignored_;  // keys read as absent
  Status status_;
};

// The alarm settings describe-alarms output, CloudFormation and Terraform
// share (ReadAlarm reads them), and the metric math keys.
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

// aws_shared.cc: a metric filter's name, pattern and metric transformations,
// one FilterDef per transformation appended to *out.
void ReadMetricFilter(ObjectReader& r, std::string default_name,
                      std::vector<FilterDef>* out);
// aws_shared.cc: an alarm's AlarmName and settings, appended to *out with
// what was wrong with them and r's warnings; r is a Held() reader.
void ReadAlarm(ObjectReader& r, Need name, std::string default_name,
               std::vector<AlarmDef>* out);
// aws_shared.cc: an alarm flowmon does not replay ("composite alarm"),
// named by AlarmName or `default_name`, appended to *out.
void SkipAlarm(const ObjectReader& r, std::string_view reason,
               std::string default_name, std::vector<AlarmDef>* out);

// One reader per dialect, given the file's top-level map (named by the file
// alone); each records its first error in `file`.
void DescribeMetricFilters(ObjectReader& file, Definitions* defs);
void DescribeAlarms(ObjectReader& file, Definitions* defs);
void CloudFormation(ObjectReader& file, Definitions* defs);
void Terraform(ObjectReader& file, Definitions* defs);
void FlowmonFormat(ObjectReader& file, Definitions* defs);

// join.cc: the monitors of the flowmon format, then an entry per alarm:
// joined to the filter that publishes its metric, or skipped. Warns about
// filters no alarm watches.
std::vector<JoinedAlarm> Join(Definitions* defs);

// selection.cc: the alarms `selection` picks, their problems and warnings,
// the expectations of the configs and of the selection, into *out.
Status Select(const CheckSelection& selection, Definitions* defs,
              std::vector<JoinedAlarm> alarms, CheckConfig* out);

}  // namespace flowmon::check
