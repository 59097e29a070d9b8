// Notifications: the notify targets hung off alarm transitions — every
// state change of an alarm delivered to each target that wants it (and to
// the targets its actions' topic ARNs are mapped to), failures reported,
// counted and kept in a dead-letter file, never fatal.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/core/status.h"
#include "flowmon/notify/notifier.h"

namespace flowmon {

struct NotificationsConfig {
  // ParseNotifyTarget specs, for every alarm's transitions.
  std::vector<std::string> targets;
  // Topic ARN -> target spec (--notify-map): an alarm whose AlarmActions,
  // OKActions or InsufficientDataActions name the ARN delivers there.
  std::vector<std::pair<std::string, std::string>> action_map;
  TargetSettings delivery;  // the --notify-* flags: each target's defaults
  NotifyContext context;
  std::string dead_letter;  // JSON lines of failed deliveries; empty: none
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

  // Errors: a target that cannot be parsed (unknown scheme, bad setting).
  static Result<Notifications> Create(const NotificationsConfig& config,
                                      OnFailure on_failure);

  // The identity messages about `spec`'s alarm carry, from the config.
  AlarmIdentity Identity(const AlarmSpec& spec) const;
  // Delivers `t` to every target that wants it, in order, then to the
  // targets id.actions' ARNs for t.to are mapped to. A failure is reported
  // to on_failure, counted and written to the dead-letter file; the other
  // targets still get it. A target that has spent its budget on failed
  // deliveries is not tried again: its messages fail at once, as
  // undelivered.
  void Deliver(const AlarmSpec& spec, const AlarmIdentity& id,
               const AlarmTransition& t);
  // Delivers a message that is not an alarm's (a `detect` finding): the
  // SNS-shaped body to stdout, files, commands and webhooks, the Slack one
  // to webhooks with --notify-format slack. `what` names it in failures
  // ("the finding ... is in the output").
  void DeliverMessage(const std::string& sns_json,
                      const std::string& slack_json, std::string_view what);
  size_t failures() const { return failures_; }
  bool empty() const { return targets_.empty() && mapped_.empty(); }

 private:
  void DeliverTo(NotifyTarget* target, const AlarmNotice& notice);
  void Failed(NotifyTarget* target, const AlarmNotice& notice,
              const Status& error);

  NotificationsConfig config_;
  OnFailure on_failure_;
  std::vector<std::shared_ptr<NotifyTarget>> targets_;
  std::multimap<std::string, std::shared_ptr<NotifyTarget>> mapped_;
  size_t failures_ = 0;
  // Per target: seconds spent on deliveries that failed (TargetSettings::
  // budget).
  std::map<const NotifyTarget*, double> spent_failing_;
};

}  // namespace flowmon
