#include "flowmon/notify/messages.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "flowmon/aws/http.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/time_util.h"

namespace flowmon {
namespace {

// SUM, SAMPLE_COUNT, ...: how the Trigger names a statistic.
std::string_view TriggerStatistic(const Statistic& s) {
  switch (s.kind) {
    case Statistic::Kind::kSampleCount:
      return "SAMPLE_COUNT";
    case Statistic::Kind::kSum:
      return "SUM";
    case Statistic::Kind::kAverage:
      return "AVERAGE";
    case Statistic::Kind::kMinimum:
      return "MINIMUM";
    case Statistic::Kind::kMaximum:
      return "MAXIMUM";
    case Statistic::Kind::kPercentile:
      break;
  }
  return "";
}

// "2019-07-14T12:44:00.000+0000".
std::string SnsTime(int64_t t) {
  std::string iso = FormatIso8601(t);  // ...Z
  iso.pop_back();
  return iso + ".000+0000";
}

// "Sunday 14 July, 2019 12:44:00 UTC", as the email writes times.
std::string EmailTime(int64_t t) {
  return FormatUtc(t, "%A %d %B, %Y %H:%M:%S UTC");
}

void Str(fmt::memory_buffer* out, std::string_view key, std::string_view value,
         bool null_if_empty = false) {
  AppendJsonString(out, key);
  out->push_back(':');
  if (null_if_empty && value.empty()) {
    out->append(std::string_view("null"));
  } else {
    AppendJsonString(out, value);
  }
}

std::string Bracketed(const std::vector<std::string>& items) {
  return items.empty() ? std::string()
                       : fmt::format("[{}]", fmt::join(items, ", "));
}

}  // namespace

const std::vector<std::string>& AlarmActions::For(AlarmState state) const {
  switch (state) {
    case AlarmState::kAlarm:
      return alarm;
    case AlarmState::kOk:
      return ok;
    case AlarmState::kInsufficientData:
      break;
  }
  return insufficient_data;
}

std::string_view RegionName(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"us-east-1", "US East (N. Virginia)"},
      {"us-east-2", "US East (Ohio)"},
      {"us-west-1", "US West (N. California)"},
      {"us-west-2", "US West (Oregon)"},
      {"eu-west-1", "EU (Ireland)"},
      {"eu-west-2", "EU (London)"},
      {"eu-west-3", "EU (Paris)"},
      {"eu-central-1", "EU (Frankfurt)"},
      {"eu-north-1", "EU (Stockholm)"},
      {"ap-south-1", "Asia Pacific (Mumbai)"},
      {"ap-northeast-1", "Asia Pacific (Tokyo)"},
      {"ap-northeast-2", "Asia Pacific (Seoul)"},
      {"ap-southeast-1", "Asia Pacific (Singapore)"},
      {"ap-southeast-2", "Asia Pacific (Sydney)"},
      {"ca-central-1", "Canada (Central)"},
      {"sa-east-1", "South America (Sao Paulo)"}};
  for (const auto& [c, name] : kNames) {
    if (c == code) return name;
  }
  return code;
}

std::string AlarmArn(const AlarmSpec& spec, const AlarmIdentity& id) {
  return fmt::format("arn:aws:cloudwatch:{}:{}:alarm:{}", id.region,
                     id.account_id, spec.name);
}

std::string SnsAlarmMessage(const AlarmSpec& spec, const AlarmIdentity& id,
                            const AlarmTransition& t) {
  fmt::memory_buffer out;
  out.push_back('{');
  Str(&out, "AlarmName", spec.name);
  out.push_back(',');
  Str(&out, "AlarmDescription", id.description, true);
  out.push_back(',');
  Str(&out, "AWSAccountId", id.account_id);
  out.push_back(',');
  Str(&out, "NewStateValue", AlarmStateName(t.to));
  out.push_back(',');
  Str(&out, "NewStateReason", t.reason);
  out.push_back(',');
  Str(&out, "StateChangeTime", SnsTime(t.time));
  out.push_back(',');
  Str(&out, "Region", RegionName(id.region));
  out.push_back(',');
  Str(&out, "AlarmArn", AlarmArn(spec, id));
  out.push_back(',');
  Str(&out, "OldStateValue", AlarmStateName(t.from));
  out.append(std::string_view(",\"Trigger\":{"));
  Str(&out, "MetricName", id.metric_name);
  out.push_back(',');
  Str(&out, "Namespace", id.namespace_name);
  out.push_back(',');
  const bool extended = spec.stat.kind == Statistic::Kind::kPercentile;
  Str(&out, "StatisticType", extended ? "ExtendedStatistic" : "Statistic");
  out.push_back(',');
  Str(&out, extended ? "ExtendedStatistic" : "Statistic",
      extended ? std::string_view(spec.stat.name)
               : TriggerStatistic(spec.stat));
  out.push_back(',');
  Str(&out, "Unit", id.unit, true);
  out.append(std::string_view(",\"Dimensions\":["));
  for (size_t i = 0; i < id.dimensions.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.push_back('{');
    Str(&out, "value", id.dimensions[i].second);
    out.push_back(',');
    Str(&out, "name", id.dimensions[i].first);
    out.push_back('}');
  }
  fmt::format_to(
      std::back_inserter(out),
      "],\"Period\":{},\"EvaluationPeriods\":{},\"DatapointsToAlarm\":{},",
      spec.period, spec.evaluation_periods, spec.m());
  Str(&out, "ComparisonOperator", ComparisonName(spec.comparison));
  fmt::format_to(std::back_inserter(out), ",\"Threshold\":{},",
                 ReasonNumber(spec.threshold));
  Str(&out, "TreatMissingData", TreatMissingDataName(spec.treat_missing));
  out.push_back(',');
  Str(&out, "EvaluateLowSampleCountPercentile",
      spec.low_sample_count ? LowSampleCountName(*spec.low_sample_count)
                            : std::string_view());
  out.append(std::string_view("}}"));
  return fmt::to_string(out);
}

std::string AlarmSubject(const AlarmNotice& n) {
  return fmt::format("{}: \"{}\" in {}", AlarmStateName(n.transition->to),
                     n.spec->name, RegionName(n.id->region));
}

std::string AlarmEmailText(const AlarmNotice& n) {
  const AlarmSpec& spec = *n.spec;
  const AlarmIdentity& id = *n.id;
  const AlarmTransition& t = *n.transition;
  const std::string when = EmailTime(t.time);
  std::string dimensions;
  for (const auto& [name, value] : id.dimensions) {
    if (!dimensions.empty()) dimensions += ", ";
    dimensions += fmt::format("{} = {}", name, value);
  }
  // CRLF as the real bodies end lines; "Alarm Details:" straight after the
  // sentence and no ' at "time"' after the reason, as in the 2026 emails
  // (docs/notifications.md, "The email").
  std::string out = fmt::format(
      "You are receiving this email because your Amazon CloudWatch Alarm "
      "\"{name}\" in the {region_name} region has entered the {to} state, "
      "because \"{reason}\".\r\n"
      "\r\n"
      "Alarm Details:\r\n"
      "- Name:                       {name}\r\n"
      "- Description:                {description}\r\n"
      "- State Change:               {from} -> {to}\r\n"
      "- Reason for State Change:    {reason}\r\n"
      "- Timestamp:                  {when}\r\n"
      "- AWS Account:                {account}\r\n"
      "- Alarm Arn:                  {arn}\r\n"
      "\r\n"
      "Threshold:\r\n"
      "- The alarm is in the ALARM state when the metric is {comparison} "
      "{threshold} for at least {m} of the last {n} period(s) of {period} "
      "seconds.\r\n"
      "\r\n"
      "Monitored Metric:\r\n"
      "- MetricNamespace:                     {ns}\r\n"
      "- MetricName:                          {metric}\r\n"
      "- Dimensions:                          [{dimensions}]\r\n"
      "- Period:                              {period} seconds\r\n"
      "- Statistic:                           {stat}\r\n"
      "- Unit:                                {unit}\r\n"
      "- TreatMissingData:                    {missing}\r\n"
      "\r\n"
      "\r\n"
      "State Change Actions:\r\n"
      "- OK: {ok_actions}\r\n"
      "- ALARM: {alarm_actions}\r\n"
      "- INSUFFICIENT_DATA: {insufficient_actions}\r\n"
      "\r\n"
      "View this alarm in the AWS Management Console:\r\n"
      "https://{region}.console.aws.amazon.com/cloudwatch/deeplink.js?region="
      "{region}#alarmsV2:alarm/{url_name}\r\n",
      fmt::arg("name", spec.name),
      fmt::arg("region_name", RegionName(id.region)),
      fmt::arg("region", id.region), fmt::arg("url_name", UriEncode(spec.name)),
      fmt::arg("to", AlarmStateName(t.to)),
      fmt::arg("from", AlarmStateName(t.from)), fmt::arg("reason", t.reason),
      fmt::arg("when", when), fmt::arg("description", id.description),
      fmt::arg("account", id.account_id), fmt::arg("arn", AlarmArn(spec, id)),
      fmt::arg("comparison", ComparisonName(spec.comparison)),
      fmt::arg("threshold", ReasonNumber(spec.threshold)),
      fmt::arg("m", spec.m()), fmt::arg("n", spec.evaluation_periods),
      fmt::arg("period", spec.period), fmt::arg("ns", id.namespace_name),
      fmt::arg("metric", id.metric_name), fmt::arg("dimensions", dimensions),
      fmt::arg("stat", spec.stat.name),
      fmt::arg("unit", id.unit.empty() ? "not specified" : id.unit),
      fmt::arg("missing", TreatMissingDataName(spec.treat_missing)),
      fmt::arg("ok_actions", Bracketed(id.actions.ok)),
      fmt::arg("alarm_actions", Bracketed(id.actions.alarm)),
      fmt::arg("insufficient_actions",
               Bracketed(id.actions.insufficient_data)));
  return out;
}

std::string SlackMessage(const AlarmSpec& spec, const AlarmTransition& t) {
  fmt::memory_buffer out;
  out.push_back('{');
  Str(&out, "text",
      fmt::format("{}: \"{}\" changed from {} to {} at {}. {}",
                  AlarmStateName(t.to), spec.name, AlarmStateName(t.from),
                  AlarmStateName(t.to), FormatIso8601(t.time), t.reason));
  out.push_back('}');
  return fmt::to_string(out);
}

std::string TeamsMessage(const AlarmNotice& n) {
  const AlarmTransition& t = *n.transition;
  const std::string_view color = t.to == AlarmState::kAlarm ? "Attention"
                                 : t.to == AlarmState::kOk  ? "Good"
                                                            : "Warning";
  fmt::memory_buffer out;
  out.append(std::string_view(
      "{\"type\":\"message\",\"attachments\":[{\"contentType\":"
      "\"application/vnd.microsoft.card.adaptive\",\"content\":{\"$schema\":"
      "\"http://adaptivecards.io/schemas/adaptive-card.json\",\"type\":"
      "\"AdaptiveCard\",\"version\":\"1.4\",\"body\":[{\"type\":\"TextBlock\","
      "\"size\":\"Medium\",\"weight\":\"Bolder\",\"wrap\":true,"));
  Str(&out, "color", color);
  out.push_back(',');
  Str(&out, "text", AlarmSubject(n));
  out.append(std::string_view("},{\"type\":\"TextBlock\",\"wrap\":true,"));
  Str(&out, "text", t.reason);
  out.append(std::string_view("},{\"type\":\"FactSet\",\"facts\":["));
  const std::pair<std::string_view, std::string> facts[] = {
      {"State change",
       fmt::format("{} -> {}", AlarmStateName(t.from), AlarmStateName(t.to))},
      {"Time", FormatIso8601(t.time)},
      {"Alarm", AlarmArn(*n.spec, *n.id)}};
  for (size_t i = 0; i < std::size(facts); ++i) {
    if (i > 0) out.push_back(',');
    out.push_back('{');
    Str(&out, "title", facts[i].first);
    out.push_back(',');
    Str(&out, "value", facts[i].second);
    out.push_back('}');
  }
  out.append(std::string_view("]}]}}]}"));
  return fmt::to_string(out);
}

std::string PagerDutyEvent(const AlarmNotice& n,
                           const std::string& routing_key) {
  const AlarmTransition& t = *n.transition;
  if (t.to == AlarmState::kInsufficientData) return "";
  const bool trigger = t.to == AlarmState::kAlarm;
  fmt::memory_buffer out;
  out.push_back('{');
  Str(&out, "routing_key", routing_key);
  out.push_back(',');
  Str(&out, "event_action", trigger ? "trigger" : "resolve");
  out.push_back(',');
  Str(&out, "dedup_key", AlarmArn(*n.spec, *n.id));
  if (trigger) {
    out.append(std::string_view(",\"payload\":{"));
    std::string summary = fmt::format("{}: {}", AlarmSubject(n), t.reason);
    if (summary.size() > 1024) summary.resize(1024);  // the API's limit
    Str(&out, "summary", summary);
    out.push_back(',');
    Str(&out, "source", AlarmArn(*n.spec, *n.id));
    out.push_back(',');
    Str(&out, "severity", "critical");
    out.push_back(',');
    Str(&out, "timestamp", FormatIso8601(t.time));
    out.push_back(',');
    Str(&out, "component", n.id->metric_name);
    out.push_back(',');
    Str(&out, "group", n.id->namespace_name);
    out.push_back(',');
    Str(&out, "class", "CloudWatch alarm");
    out.append(std::string_view(",\"custom_details\":"));
    out.append(n.sns_json);
    out.push_back('}');
    out.append(std::string_view(",\"client\":\"flowmon\""));
  }
  out.push_back('}');
  return fmt::to_string(out);
}

}  // namespace flowmon
