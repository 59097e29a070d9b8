// Notifier: delivers alarm state changes as the JSON CloudWatch publishes
// to SNS, to stdout, a file, a command or an HTTP webhook.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/core/status.h"

namespace flowmon {

// What the SNS message says about the alarm besides the transition.
struct AlarmIdentity {
  std::string description;  // AlarmDescription (null if empty)
  std::string account_id = "000000000000";
  std::string region = "us-east-1";
  std::string metric_name = "FlowmonMetric";
  std::string namespace_name = "flowmon";
  std::string unit;  // Trigger.Unit (null if empty)
  std::vector<std::pair<std::string, std::string>> dimensions;
};

// The JSON CloudWatch publishes to an SNS topic when `spec`'s alarm changes
// state: AlarmName, AlarmDescription, AWSAccountId, NewStateValue,
// NewStateReason, StateChangeTime, Region (its long name), AlarmArn,
// OldStateValue and Trigger{...}.
std::string SnsAlarmMessage(const AlarmSpec& spec, const AlarmIdentity& id,
                            const AlarmTransition& t);
// A Slack-compatible body: {"text": "..."}.
std::string SlackMessage(const AlarmSpec& spec, const AlarmTransition& t);

struct NotifyOptions {
  bool slack = false;  // --notify-format slack (webhooks)
  double timeout = 5;  // seconds per webhook attempt
  int attempts = 3;    // webhook attempts (retries + 1)
};

// One --notify target: stdout, file:PATH, exec:COMMAND or webhook:URL.
class NotifyTarget {
 public:
  virtual ~NotifyTarget() = default;
  // Delivers one message; a failure is returned, never thrown.
  virtual Status Deliver(const std::string& sns_json,
                         const std::string& slack_json) = 0;
  virtual std::string name() const = 0;
};

Result<std::unique_ptr<NotifyTarget>> ParseNotifyTarget(
    const std::string& spec, const NotifyOptions& options);

}  // namespace flowmon
