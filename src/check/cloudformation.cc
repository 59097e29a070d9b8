// CloudFormation templates, JSON or YAML: their AWS::Logs::MetricFilter and
// AWS::CloudWatch::Alarm resources; composite alarms are skipped, other
// resources not read.
#include <fmt/format.h>

#include "check/loader.h"

namespace flowmon::check {
namespace {

constexpr std::string_view kMetricFilter = "AWS::Logs::MetricFilter";
constexpr std::string_view kAlarm = "AWS::CloudWatch::Alarm";
constexpr std::string_view kCompositeAlarm = "AWS::CloudWatch::CompositeAlarm";

constexpr std::string_view kResourceKeys[] = {
    "Type",     "Properties",     "DependsOn",          "Condition",
    "Metadata", "DeletionPolicy", "UpdateReplacePolicy"};
// The properties that do not change the evaluation: an intrinsic function
// in them is ignored (with a warning). Anywhere else it is an error.
constexpr std::string_view kFilterIgnoredKeys[] = {"FilterName",
                                                   "LogGroupName"};
constexpr std::string_view kAlarmIgnoredKeys[] = {
    "AlarmName",    "AlarmDescription", "ActionsEnabled",
    "AlarmActions", "OKActions",        "InsufficientDataActions",
    "Tags"};

// The resource's Properties, read as part of r; nullptr after an error.
const ConfigValue* Properties(ObjectReader& r) {
  const ConfigValue* properties = nullptr;
  r.Map("Properties", &properties, Need::kRequired);
  return properties;
}

}  // namespace

void CloudFormation(ObjectReader& file, Definitions* defs) {
  file.Keys({"AWSTemplateFormatVersion", "Description", "Metadata",
             "Parameters", "Rules", "Mappings", "Conditions", "Transform",
             "Resources", "Outputs"});
  const ConfigValue* resources = file.Get("Resources");
  if (resources == nullptr || !resources->is_map()) {
    file.Fail("'Resources' must be an object");
    return;
  }
  file.Members(
      *resources, "Resources", [&](std::string_view id, ObjectReader& r) {
        std::string type;
        r.String("Type", &type, Need::kRequired);
        if (type != kMetricFilter && type != kAlarm && type != kCompositeAlarm)
          return;
        const ConfigValue* properties = Properties(r);
        if (properties == nullptr) return;
        if (type == kCompositeAlarm) {
          SkipAlarm(r.Part(*properties), "composite alarm", std::string(id),
                    &defs->alarms);
        } else if (type == kMetricFilter) {
          r.Keys({}, {kResourceKeys});
          // Properties' errors name the resource. A filter without a name is
          // named by its logical id.
          ObjectReader p = r.Part(*properties);
          p.Keys({"FilterPattern", "MetricTransformations",
                  "ApplyOnTransformedLogs"},
                 {kFilterIgnoredKeys});
          p.IgnoreIntrinsics(kFilterIgnoredKeys);
          ReadMetricFilter(p, std::string(id), &defs->filters);
          r.Adopt(p.status());
        } else {
          // What is wrong with an alarm waits for the join (see AlarmDef).
          ObjectReader held = r.Held();
          held.Keys({}, {kResourceKeys});
          ObjectReader p = held.Part(*properties);
          p.Keys({}, {kAlarmIgnoredKeys, kAlarmSettingKeys, kMetricMathKeys});
          p.IgnoreIntrinsics(kAlarmIgnoredKeys);
          ReadAlarm(p, Need::kOptional, std::string(id), &defs->alarms);
        }
      });
}

}  // namespace flowmon::check
