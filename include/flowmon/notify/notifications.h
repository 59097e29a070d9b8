// Notifications: the notify targets hung off alarm transitions — every
// state change of an alarm delivered to each target as the SNS message
// (or a Slack body), failures reported and counted, never fatal.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/core/status.h"
#include "flowmon/notify/notifier.h"

namespace flowmon {

struct NotificationsConfig {
  // stdout, file:PATH, exec:COMMAND or webhook:URL (ParseNotifyTarget).
  std::vector<std::string> targets;
  NotifyOptions delivery;  // message format for webhooks, timeout, attempts
  // What the messages say about the alarm (AlarmIdentity).
  std::string account_id = "000000000000";
  std::string region = "us-east-1";
  std::string metric_name;  // empty: the alarm's name
  std::string namespace_name = "flowmon";
  std::string description;
};

class Notifications {
 public:
  // Told about each failed delivery: which target, the error and the
  // transition (the caller logs it).
  using OnFailure = std::function<void(std::string_view message)>;

  // Errors: a target that cannot be parsed (unknown scheme, bad URL).
  static Result<Notifications> Create(const NotificationsConfig& config,
                                      OnFailure on_failure);

  // The identity messages about `spec`'s alarm carry, from the config.
  AlarmIdentity Identity(const AlarmSpec& spec) const;
  // Delivers `t` to every target, in order; a failure is reported to
  // on_failure and counted, and the other targets still get it.
  void Deliver(const AlarmSpec& spec, const AlarmIdentity& id,
               const AlarmTransition& t);
  // Delivers a message that is not an alarm's (a `detect` finding): the
  // SNS-shaped body to stdout, files, commands and webhooks, the Slack one
  // to webhooks with --notify-format slack. `what` names it in failures
  // ("the finding ... is in the output").
  void DeliverMessage(const std::string& sns_json,
                      const std::string& slack_json, std::string_view what);
  size_t failures() const { return failures_; }
  bool empty() const { return targets_.empty(); }

 private:
  NotificationsConfig config_;
  OnFailure on_failure_;
  std::vector<std::shared_ptr<NotifyTarget>> targets_;
  size_t failures_ = 0;
};

}  // namespace flowmon
