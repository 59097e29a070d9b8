#include "flowmon/check/check_config.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <span>
#include <sstream>

#include "flowmon/core/number.h"

namespace flowmon {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// The alarm settings describe-alarms output and CloudFormation share
// (AlarmFields reads them).
constexpr std::string_view kAlarmSettingKeys[] = {
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

struct FilterDef {
  std::string name, origin, pattern, metric_name, namespace_name;
  MetricSpec metric;
  std::vector<std::string> dimension_names;  // in the filter's order
};

struct AlarmDef {
  std::string origin, metric_name, namespace_name;
  AlarmSpec spec;
  std::vector<std::pair<std::string, std::string>> dimensions;  // Name, Value
};

class Loader {
 public:
  explicit Loader(CheckConfig* out) : out_(out) {}

  Status LoadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(fmt::format("{}: cannot open", path));
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    element root;
    if (auto e = parser_.parse(text).get(root); e != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("{}: invalid JSON: {}", path,
                                                 simdjson::error_message(e)));
    }
    object top;
    if (root.get_object().get(top) != simdjson::SUCCESS) {
      return Status::InvalidArgument(
          fmt::format("{}: expected a JSON object", path));
    }
    file_ = path;
    if (Has(top, "metricFilters")) return DescribeMetricFilters(top);
    if (Has(top, "MetricAlarms") || Has(top, "CompositeAlarms"))
      return DescribeAlarms(top);
    if (Has(top, "Resources")) return CloudFormation(top);
    if (Has(top, "monitors") || Has(top, "expectations"))
      return FlowmonFormat(top);
    return Status::InvalidArgument(fmt::format(
        "{}: not a config flowmon knows (expected describe-metric-filters or "
        "describe-alarms output, a CloudFormation template, or {{\"monitors\": "
        "...}})",
        path));
  }

  Status Join() {
    for (AlarmDef& a : alarms_) {
      const FilterDef* f = nullptr;
      for (const FilterDef& candidate : filters_) {
        if (candidate.metric_name == a.metric_name &&
            candidate.namespace_name == a.namespace_name) {
          f = &candidate;
        }
      }
      if (f == nullptr) {
        return Status::InvalidArgument(fmt::format(
            "{}: alarm '{}' watches {}/{}, which no metric filter in the "
            "configs publishes",
            a.origin, a.spec.name, a.namespace_name, a.metric_name));
      }
      Monitor m;
      m.name = a.spec.name;
      m.origin = a.origin;
      m.pattern = f->pattern;
      m.metric = f->metric;
      m.metric_name = a.metric_name;
      m.namespace_name = a.namespace_name;
      m.alarm = a.spec;
      if (Status s = DimensionKey(*f, a, &m.dimension_key); !s.ok()) return s;
      used_filters_.push_back(f);
      out_->monitors.push_back(std::move(m));
    }
    for (const FilterDef& f : filters_) {
      if (std::find(used_filters_.begin(), used_filters_.end(), &f) ==
          used_filters_.end()) {
        out_->warnings.push_back(
            fmt::format("{}: metric filter '{}' ({}/{}) has no alarm in the "
                        "configs: not checked",
                        f.origin, f.name, f.namespace_name, f.metric_name));
      }
    }
    for (auto& [name, state] : expectations_) {
      bool found = false;
      for (Monitor& m : out_->monitors) {
        if (m.name == name) {
          m.expect = state;
          found = true;
        }
      }
      if (!found) {
        return Status::InvalidArgument(
            fmt::format("expectations: no alarm is named '{}'", name));
      }
    }
    return Status::Ok();
  }

 private:
  static bool Has(object o, std::string_view key) {
    return o[key].error() == simdjson::SUCCESS;
  }

  // Reports keys outside `known`; keys in `unsupported` are errors.
  Status Keys(object o, const std::string& where,
              std::initializer_list<std::string_view> known,
              std::initializer_list<std::string_view> unsupported = {},
              std::span<const std::string_view> also_known = {}) {
    for (auto kv : o) {
      const std::string_view key = kv.key;
      if (std::find(unsupported.begin(), unsupported.end(), key) !=
          unsupported.end()) {
        return Status::InvalidArgument(fmt::format(
            "{}: '{}' is not supported by flowmon check", where, key));
      }
      if (std::find(known.begin(), known.end(), key) == known.end() &&
          std::find(also_known.begin(), also_known.end(), key) ==
              also_known.end()) {
        out_->warnings.push_back(
            fmt::format("{}: unknown key '{}' (ignored)", where, key));
      }
    }
    return Status::Ok();
  }

  static Status Intrinsic(const std::string& where, std::string_view key) {
    return Status::InvalidArgument(
        fmt::format("{}: '{}' is an intrinsic function or reference; flowmon "
                    "check needs the literal "
                    "value",
                    where, key));
  }

  Status String(object o, std::string_view key, const std::string& where,
                std::string* out, bool required) {
    element e;
    if (o[key].get(e) != simdjson::SUCCESS) {
      return required ? Status::InvalidArgument(
                            fmt::format("{}: missing '{}'", where, key))
                      : Status::Ok();
    }
    std::string_view s;
    if (e.get_string().get(s) == simdjson::SUCCESS) {
      out->assign(s);
      return Status::Ok();
    }
    if (e.is_object()) return Intrinsic(where, key);
    return Status::InvalidArgument(
        fmt::format("{}: '{}' must be a string", where, key));
  }

  // [{<key_name>: ..., "Value": ...}, ...] as (key, value) pairs.
  Status NamedPairs(array list, const char* key_name, const std::string& where,
                    std::vector<std::pair<std::string, std::string>>* out) {
    for (element d : list) {
      object pair;
      std::string key, value;
      if (d.get_object().get(pair) != simdjson::SUCCESS) {
        return Status::InvalidArgument(where +
                                       ": a dimension must be an object");
      }
      if (Status s = String(pair, key_name, where, &key, true); !s.ok())
        return s;
      if (Status s = String(pair, "Value", where, &value, true); !s.ok())
        return s;
      out->emplace_back(std::move(key), std::move(value));
    }
    return Status::Ok();
  }

  // A number, or a string holding one (CloudFormation writes "60").
  Status Number(object o, std::string_view key, const std::string& where,
                std::optional<double>* out, bool required) {
    element e;
    if (o[key].get(e) != simdjson::SUCCESS) {
      return required ? Status::InvalidArgument(
                            fmt::format("{}: missing '{}'", where, key))
                      : Status::Ok();
    }
    double d;
    std::string_view s;
    if (e.get_double().get(d) == simdjson::SUCCESS) {
      *out = d;
      return Status::Ok();
    }
    if (e.get_string().get(s) == simdjson::SUCCESS && ParseNumber(s, &d)) {
      *out = d;
      return Status::Ok();
    }
    if (e.is_object()) return Intrinsic(where, key);
    return Status::InvalidArgument(
        fmt::format("{}: '{}' must be a number", where, key));
  }

  Status Integer(object o, std::string_view key, const std::string& where,
                 int64_t* out, bool required) {
    std::optional<double> d;
    if (Status s = Number(o, key, where, &d, required); !s.ok()) return s;
    if (d) *out = static_cast<int64_t>(*d);
    return Status::Ok();
  }

  // The alarm settings shared by describe-alarms and CloudFormation.
  Status AlarmFields(object o, const std::string& where, AlarmDef* a) {
    if (Status s = String(o, "MetricName", where, &a->metric_name, true);
        !s.ok())
      return s;
    if (Status s = String(o, "Namespace", where, &a->namespace_name, true);
        !s.ok())
      return s;
    std::string stat, extended, comparison, treat = "missing";
    if (Status s = String(o, "Statistic", where, &stat, false); !s.ok())
      return s;
    if (Status s = String(o, "ExtendedStatistic", where, &extended, false);
        !s.ok())
      return s;
    if (stat.empty() == extended.empty()) {
      return Status::InvalidArgument(fmt::format(
          "{}: give exactly one of Statistic and ExtendedStatistic", where));
    }
    Result<Statistic> parsed = Statistic::Parse(stat.empty() ? extended : stat);
    if (!parsed.ok())
      return Status::InvalidArgument(where + ": " + parsed.status().message());
    a->spec.stat = *parsed;
    int64_t period = 60, n = 1, m = 0;
    if (Status s = Integer(o, "Period", where, &period, true); !s.ok())
      return s;
    if (Status s = Integer(o, "EvaluationPeriods", where, &n, true); !s.ok())
      return s;
    if (Status s = Integer(o, "DatapointsToAlarm", where, &m, false); !s.ok())
      return s;
    a->spec.period = period;
    a->spec.evaluation_periods = static_cast<int>(n);
    a->spec.datapoints_to_alarm = static_cast<int>(m);
    std::optional<double> threshold;
    if (Status s = Number(o, "Threshold", where, &threshold, true); !s.ok())
      return s;
    a->spec.threshold = *threshold;
    if (Status s = String(o, "ComparisonOperator", where, &comparison, true);
        !s.ok())
      return s;
    Result<ComparisonOperator> c = ParseComparison(comparison);
    if (!c.ok())
      return Status::InvalidArgument(where + ": " + c.status().message());
    a->spec.comparison = *c;
    if (Status s = String(o, "TreatMissingData", where, &treat, false); !s.ok())
      return s;
    Result<TreatMissingData> t = ParseTreatMissingData(treat);
    if (!t.ok())
      return Status::InvalidArgument(where + ": " + t.status().message());
    a->spec.treat_missing = *t;
    if (Status s = a->spec.Validate(); !s.ok()) {
      return Status::InvalidArgument(where + ": " + s.message());
    }
    array dims;
    if (o["Dimensions"].get(dims) == simdjson::SUCCESS) {
      if (Status s = NamedPairs(dims, "Name", where, &a->dimensions); !s.ok())
        return s;
    }
    std::string low;
    if (Status s =
            String(o, "EvaluateLowSampleCountPercentile", where, &low, false);
        !s.ok()) {
      return s;
    }
    if (low == "ignore") {
      out_->warnings.push_back(
          where +
          ": EvaluateLowSampleCountPercentile 'ignore' is not supported; "
          "percentiles are evaluated whatever the sample count");
    }
    return Status::Ok();
  }

  Status DimensionKey(const FilterDef& f, const AlarmDef& a, std::string* key) {
    if (a.dimensions.empty()) {
      if (!f.dimension_names.empty()) {
        return Status::InvalidArgument(fmt::format(
            "{}: alarm '{}' has no dimensions, but filter '{}' publishes {}/{} "
            "only with "
            "dimensions: the alarm would never get data",
            a.origin, a.spec.name, f.name, f.namespace_name, f.metric_name));
      }
      return Status::Ok();
    }
    for (const std::string& name : f.dimension_names) {
      auto it = std::find_if(a.dimensions.begin(), a.dimensions.end(),
                             [&](const auto& d) { return d.first == name; });
      if (it == a.dimensions.end() ||
          a.dimensions.size() != f.dimension_names.size()) {
        return Status::InvalidArgument(
            fmt::format("{}: alarm '{}' dimensions do not match the dimensions "
                        "of filter '{}'",
                        a.origin, a.spec.name, f.name));
      }
      if (!key->empty()) key->push_back(',');
      *key += name + "=" + it->second;
    }
    return Status::Ok();
  }

  Status Transformation(object t, const std::string& where, FilterDef* f,
                        bool cloudformation) {
    if (Status s = Keys(
            t, where,
            {"metricName", "metricNamespace", "metricValue", "defaultValue",
             "dimensions", "unit", "MetricName", "MetricNamespace",
             "MetricValue", "DefaultValue", "Dimensions", "Unit"});
        !s.ok()) {
      return s;
    }
    const char* name = cloudformation ? "MetricName" : "metricName";
    const char* ns = cloudformation ? "MetricNamespace" : "metricNamespace";
    const char* value = cloudformation ? "MetricValue" : "metricValue";
    const char* def = cloudformation ? "DefaultValue" : "defaultValue";
    if (Status s = String(t, name, where, &f->metric_name, true); !s.ok())
      return s;
    if (Status s = String(t, ns, where, &f->namespace_name, true); !s.ok())
      return s;
    if (Status s = String(t, value, where, &f->metric.value, true); !s.ok())
      return s;
    if (Status s = Number(t, def, where, &f->metric.default_value, false);
        !s.ok())
      return s;
    element dims;
    if (t[cloudformation ? "Dimensions" : "dimensions"].get(dims) ==
        simdjson::SUCCESS) {
      object map;
      array list;
      if (dims.get_object().get(map) == simdjson::SUCCESS) {
        for (auto kv : map) {
          std::string_view field;
          if (kv.value.get_string().get(field) != simdjson::SUCCESS) {
            return Status::InvalidArgument(
                where + ": dimension values must be strings");
          }
          f->dimension_names.emplace_back(kv.key);
          f->metric.dimensions.push_back(fmt::format("{}={}", kv.key, field));
        }
      } else if (dims.get_array().get(list) == simdjson::SUCCESS) {
        // CloudFormation: [{Key, Value}]
        std::vector<std::pair<std::string, std::string>> pairs;
        if (Status s = NamedPairs(list, "Key", where, &pairs); !s.ok())
          return s;
        for (const auto& [key, field] : pairs) {
          f->dimension_names.push_back(key);
          f->metric.dimensions.push_back(key + "=" + field);
        }
      }
    }
    return Status::Ok();
  }

  // One filter per metric transformation in o[key] (both config shapes).
  Status Transformations(object o, std::string_view key,
                         const std::string& where, const FilterDef& f,
                         bool cloudformation) {
    array transformations;
    if (o[key].get(transformations) != simdjson::SUCCESS) {
      return Status::InvalidArgument(
          fmt::format("{}: missing '{}'", where, key));
    }
    for (element t : transformations) {
      object to;
      if (t.get_object().get(to) != simdjson::SUCCESS) {
        return Status::InvalidArgument(
            where + ": a metric transformation must be an object");
      }
      FilterDef each = f;
      if (Status s = Transformation(to, where, &each, cloudformation); !s.ok())
        return s;
      filters_.push_back(std::move(each));
    }
    return Status::Ok();
  }

  Status DescribeMetricFilters(object top) {
    if (Status s = Keys(top, file_, {"metricFilters", "nextToken"}); !s.ok())
      return s;
    array filters;
    if (top["metricFilters"].get(filters) != simdjson::SUCCESS) {
      return Status::InvalidArgument(file_ +
                                     ": 'metricFilters' must be an array");
    }
    size_t i = 0;
    for (element e : filters) {
      const std::string where =
          fmt::format("{}: metricFilters[{}]", file_, i++);
      object o;
      if (e.get_object().get(o) != simdjson::SUCCESS) {
        return Status::InvalidArgument(where + ": expected an object");
      }
      if (Status s =
              Keys(o, where,
                   {"filterName", "filterPattern", "metricTransformations",
                    "creationTime", "logGroupName", "applyOnTransformedLogs"});
          !s.ok()) {
        return s;
      }
      bool transformed = false;
      if (o["applyOnTransformedLogs"].get(transformed) == simdjson::SUCCESS &&
          transformed) {
        return Status::InvalidArgument(
            where +
            ": applyOnTransformedLogs is not supported by flowmon check");
      }
      FilterDef f;
      f.origin = where;
      if (Status s = String(o, "filterName", where, &f.name, false); !s.ok())
        return s;
      if (Status s = String(o, "filterPattern", where, &f.pattern, true);
          !s.ok())
        return s;
      if (Status s =
              Transformations(o, "metricTransformations", where, f, false);
          !s.ok()) {
        return s;
      }
    }
    return Status::Ok();
  }

  Status DescribeAlarms(object top) {
    if (Status s =
            Keys(top, file_, {"MetricAlarms", "CompositeAlarms", "NextToken"});
        !s.ok()) {
      return s;
    }
    array composite;
    if (top["CompositeAlarms"].get(composite) == simdjson::SUCCESS &&
        composite.size() > 0) {
      out_->warnings.push_back(
          fmt::format("{}: {} composite alarms are not evaluated", file_,
                      composite.size()));
    }
    array alarms;
    if (top["MetricAlarms"].get(alarms) != simdjson::SUCCESS)
      return Status::Ok();
    size_t i = 0;
    for (element e : alarms) {
      const std::string where = fmt::format("{}: MetricAlarms[{}]", file_, i++);
      object o;
      if (e.get_object().get(o) != simdjson::SUCCESS) {
        return Status::InvalidArgument(where + ": expected an object");
      }
      if (Status s =
              Keys(o, where,
                   {"AlarmName", "AlarmArn", "AlarmDescription",
                    "AlarmConfigurationUpdatedTimestamp", "ActionsEnabled",
                    "OKActions", "AlarmActions", "InsufficientDataActions",
                    "StateValue", "StateReason", "StateReasonData",
                    "StateUpdatedTimestamp", "StateTransitionedTimestamp"},
                   {"Metrics", "ThresholdMetricId"}, kAlarmSettingKeys);
          !s.ok()) {
        return s;
      }
      AlarmDef a;
      a.origin = where;
      if (Status s = String(o, "AlarmName", where, &a.spec.name, true); !s.ok())
        return s;
      if (Status s = AlarmFields(o, where, &a); !s.ok()) return s;
      alarms_.push_back(std::move(a));
    }
    return Status::Ok();
  }

  Status CloudFormation(object top) {
    if (Status s = Keys(top, file_,
                        {"AWSTemplateFormatVersion", "Description", "Metadata",
                         "Parameters", "Rules", "Mappings", "Conditions",
                         "Transform", "Resources", "Outputs"});
        !s.ok()) {
      return s;
    }
    object resources;
    if (top["Resources"].get(resources) != simdjson::SUCCESS) {
      return Status::InvalidArgument(file_ + ": 'Resources' must be an object");
    }
    for (auto kv : resources) {
      const std::string where = fmt::format("{}: Resources.{}", file_, kv.key);
      object r, props;
      std::string type;
      if (kv.value.get_object().get(r) != simdjson::SUCCESS) {
        return Status::InvalidArgument(where + ": expected an object");
      }
      if (Status s = String(r, "Type", where, &type, true); !s.ok()) return s;
      if (type != "AWS::Logs::MetricFilter" && type != "AWS::CloudWatch::Alarm")
        continue;
      if (Status s =
              Keys(r, where,
                   {"Type", "Properties", "DependsOn", "Condition", "Metadata",
                    "DeletionPolicy", "UpdateReplacePolicy"});
          !s.ok()) {
        return s;
      }
      if (r["Properties"].get(props) != simdjson::SUCCESS) {
        return Status::InvalidArgument(where + ": missing 'Properties'");
      }
      if (type == "AWS::Logs::MetricFilter") {
        if (Status s =
                Keys(props, where,
                     {"FilterName", "FilterPattern", "LogGroupName",
                      "MetricTransformations", "ApplyOnTransformedLogs"});
            !s.ok()) {
          return s;
        }
        FilterDef f;
        f.origin = where;
        f.name = std::string(kv.key);
        if (Status s = String(props, "FilterName", where, &f.name, false);
            !s.ok())
          return s;
        if (Status s = String(props, "FilterPattern", where, &f.pattern, true);
            !s.ok()) {
          return s;
        }
        if (Status s =
                Transformations(props, "MetricTransformations", where, f, true);
            !s.ok()) {
          return s;
        }
      } else {
        if (Status s =
                Keys(props, where,
                     {"AlarmName", "AlarmDescription", "ActionsEnabled",
                      "AlarmActions", "OKActions", "InsufficientDataActions",
                      "Tags"},
                     {"Metrics", "ThresholdMetricId"}, kAlarmSettingKeys);
            !s.ok()) {
          return s;
        }
        AlarmDef a;
        a.origin = where;
        a.spec.name =
            std::string(kv.key);  // CloudFormation names it when not given
        if (Status s = String(props, "AlarmName", where, &a.spec.name, false);
            !s.ok())
          return s;
        if (Status s = AlarmFields(props, where, &a); !s.ok()) return s;
        alarms_.push_back(std::move(a));
      }
    }
    return Status::Ok();
  }

  Status FlowmonFormat(object top) {
    if (Status s = Keys(top, file_, {"monitors", "expectations"}); !s.ok())
      return s;
    object expectations;
    if (top["expectations"].get(expectations) == simdjson::SUCCESS) {
      for (auto kv : expectations) {
        std::string_view state;
        if (kv.value.get_string().get(state) != simdjson::SUCCESS) {
          return Status::InvalidArgument(
              file_ + ": expectations must map names to OK or ALARM");
        }
        Result<AlarmState> s = ParseAlarmState(state);
        if (!s.ok())
          return Status::InvalidArgument(file_ + ": " + s.status().message());
        expectations_[std::string(kv.key)] = *s;
      }
    }
    array monitors;
    if (top["monitors"].get(monitors) != simdjson::SUCCESS) return Status::Ok();
    size_t i = 0;
    for (element e : monitors) {
      const std::string where = fmt::format("{}: monitors[{}]", file_, i++);
      object o;
      if (e.get_object().get(o) != simdjson::SUCCESS) {
        return Status::InvalidArgument(where + ": expected an object");
      }
      if (Status s = Keys(
              o, where,
              {"name", "pattern", "value", "default_value", "period",
               "statistic", "threshold", "comparison", "evaluation_periods",
               "datapoints_to_alarm", "treat_missing_data", "expect"});
          !s.ok()) {
        return s;
      }
      Monitor m;
      m.origin = where;
      std::string stat = "Sum", comparison, treat = "missing", expect;
      if (Status s = String(o, "name", where, &m.name, true); !s.ok()) return s;
      if (Status s = String(o, "pattern", where, &m.pattern, true); !s.ok())
        return s;
      if (Status s = String(o, "value", where, &m.metric.value, false); !s.ok())
        return s;
      if (Status s =
              Number(o, "default_value", where, &m.metric.default_value, false);
          !s.ok()) {
        return s;
      }
      if (Status s = Integer(o, "period", where, &m.alarm.period, false);
          !s.ok())
        return s;
      int64_t n = 1, dp = 0;
      if (Status s = Integer(o, "evaluation_periods", where, &n, false);
          !s.ok())
        return s;
      if (Status s = Integer(o, "datapoints_to_alarm", where, &dp, false);
          !s.ok())
        return s;
      m.alarm.evaluation_periods = static_cast<int>(n);
      m.alarm.datapoints_to_alarm = static_cast<int>(dp);
      std::optional<double> threshold;
      if (Status s = Number(o, "threshold", where, &threshold, true); !s.ok())
        return s;
      m.alarm.threshold = *threshold;
      if (Status s = String(o, "statistic", where, &stat, false); !s.ok())
        return s;
      if (Status s = String(o, "comparison", where, &comparison, true); !s.ok())
        return s;
      if (Status s = String(o, "treat_missing_data", where, &treat, false);
          !s.ok())
        return s;
      if (Status s = String(o, "expect", where, &expect, false); !s.ok())
        return s;
      Result<Statistic> st = Statistic::Parse(stat);
      Result<ComparisonOperator> c = ParseComparison(comparison);
      Result<TreatMissingData> t = ParseTreatMissingData(treat);
      for (const Status* s : {&st.status(), &c.status(), &t.status()}) {
        if (!s->ok())
          return Status::InvalidArgument(where + ": " + s->message());
      }
      m.alarm.name = m.name;
      m.alarm.stat = *st;
      m.alarm.comparison = *c;
      m.alarm.treat_missing = *t;
      if (!expect.empty()) {
        Result<AlarmState> ex = ParseAlarmState(expect);
        if (!ex.ok())
          return Status::InvalidArgument(where + ": " + ex.status().message());
        m.expect = *ex;
      }
      if (Status s = m.alarm.Validate(); !s.ok()) {
        return Status::InvalidArgument(where + ": " + s.message());
      }
      m.metric_name = m.name;
      m.namespace_name = "flowmon";
      out_->monitors.push_back(std::move(m));
    }
    return Status::Ok();
  }

  CheckConfig* out_;
  simdjson::dom::parser parser_;
  std::string file_;
  std::vector<FilterDef> filters_;
  std::vector<AlarmDef> alarms_;
  std::vector<const FilterDef*> used_filters_;
  std::map<std::string, AlarmState> expectations_;
};

}  // namespace

Status LoadCheckConfig(const std::vector<std::string>& files,
                       CheckConfig* out) {
  Loader loader(out);
  for (const std::string& f : files) {
    if (Status s = loader.LoadFile(f); !s.ok()) return s;
  }
  if (Status s = loader.Join(); !s.ok()) return s;
  if (out->monitors.empty()) {
    return Status::InvalidArgument("the configs define no alarm to check");
  }
  return Status::Ok();
}

}  // namespace flowmon
