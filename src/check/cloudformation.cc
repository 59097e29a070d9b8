// CloudFormation templates: their AWS::Logs::MetricFilter and
// AWS::CloudWatch::Alarm resources; other resources are skipped.
#include <fmt/format.h>

#include "check/loader.h"

namespace flowmon::check {
namespace {

constexpr std::string_view kMetricFilter = "AWS::Logs::MetricFilter";
constexpr std::string_view kAlarm = "AWS::CloudWatch::Alarm";

}  // namespace

void CloudFormation(ObjectReader& file, Definitions* defs) {
  file.Keys({"AWSTemplateFormatVersion", "Description", "Metadata",
             "Parameters", "Rules", "Mappings", "Conditions", "Transform",
             "Resources", "Outputs"});
  object resources;
  if (file.json()["Resources"].get(resources) != simdjson::SUCCESS) {
    file.Fail("'Resources' must be an object");
    return;
  }
  file.Members(
      resources, "Resources", [&](std::string_view id, ObjectReader& r) {
        std::string type;
        r.String("Type", &type, Need::kRequired);
        if (type != kMetricFilter && type != kAlarm) return;
        r.Keys({"Type", "Properties", "DependsOn", "Condition", "Metadata",
                "DeletionPolicy", "UpdateReplacePolicy"});
        object properties;
        if (r.json()["Properties"].get(properties) != simdjson::SUCCESS) {
          r.Fail("missing 'Properties'");
          return;
        }
        // Properties' errors name the resource. A resource without a name is
        // named by its logical id.
        ObjectReader p = r.Part(properties);
        if (type == kMetricFilter) {
          p.Keys({"FilterName", "FilterPattern", "LogGroupName",
                  "MetricTransformations", "ApplyOnTransformedLogs"});
          ReadMetricFilter(p, kCloudFormationFilterKeys, std::string(id),
                           &defs->filters);
        } else {
          p.Keys(
              {"AlarmName", "AlarmDescription", "ActionsEnabled",
               "AlarmActions", "OKActions", "InsufficientDataActions", "Tags"},
              kMetricMathKeys, kAlarmSettingKeys);
          ReadAlarm(p, Need::kOptional, std::string(id), &defs->alarms);
        }
        r.Adopt(p.status());
      });
}

}  // namespace flowmon::check
