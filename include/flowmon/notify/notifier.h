// Notifier: the targets alarm state changes are delivered to — stdout, a
// file, a command, an HTTP webhook (SNS JSON, Slack or Teams bodies),
// email over SMTP, an SNS topic and PagerDuty — each with its own format,
// timeout, retries, headers and the transitions it wants.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/aws/credentials.h"
#include "flowmon/core/status.h"

namespace flowmon {

// An alarm's AlarmActions, OKActions and InsufficientDataActions (ARNs).
struct AlarmActions {
  std::vector<std::string> alarm, ok, insufficient_data;
  // The list for transitions into `state`.
  const std::vector<std::string>& For(AlarmState state) const;
};

// What the messages say about the alarm besides the transition.
struct AlarmIdentity {
  std::string description;  // AlarmDescription (null if empty)
  std::string account_id = "000000000000";
  std::string region = "us-east-1";
  std::string metric_name = "FlowmonMetric";
  std::string namespace_name = "flowmon";
  std::string unit;  // Trigger.Unit (null if empty)
  std::vector<std::pair<std::string, std::string>> dimensions;
  AlarmActions actions;  // the email's "State Change Actions"
};

// One delivery: the alarm, its transition and the SNS message about it.
// The pointers outlive the Deliver call they are passed to.
struct AlarmNotice {
  const AlarmSpec* spec = nullptr;
  const AlarmIdentity* id = nullptr;
  const AlarmTransition* transition = nullptr;
  std::string sns_json;  // SnsAlarmMessage
  // A message that is not an alarm's (a `detect` finding) has no spec, id
  // or transition: these say what it is instead. Targets that need an
  // alarm (email, PagerDuty, Teams) refuse it with an error naming it.
  std::string slack_json;
  std::string subject;
  std::string what;  // "the finding ..." in failure reports
};

// How one target delivers: the --notify-* flags, overridden per target by
// a "{key=value;...}" prefix of its --notify value.
struct TargetSettings {
  std::string format = "sns";  // webhooks: sns, slack, teams; email: text, json
  double timeout = 5;          // seconds per attempt
  int attempts = 3;            // retries + 1
  // Seconds the target may spend, in all, on deliveries that fail; once
  // spent, its further messages are not attempted (reported, dead-lettered),
  // so a hanging endpoint cannot slow evaluation down for hours.
  double budget = 60;
  std::vector<std::string> headers;  // "Name: value", ${VAR}s expanded
  // The states whose transitions it gets; empty: every transition.
  std::vector<AlarmState> on;
  std::string endpoint;  // pagerduty: the Events API URL; sns: --endpoint-url
};

// What targets share: SMTP and AWS settings.
struct NotifyContext {
  std::string smtp_url;   // smtp://host:port or smtps://host:port
  std::string smtp_from;  // empty: "flowmon <flowmon@localhost>"
  std::string starttls;   // off, try, require; empty: require with a user
  AwsSettings aws;
  EnvLookup env = ProcessEnvironment();  // SMTP user/password, ${VAR}s, AWS
};

// The error of a target whose message (`what_it_makes`: "the email", "a
// PagerDuty event") is made from an alarm's state change, given a message
// that is not an alarm's (AlarmNotice::transition is null).
Status NotAnAlarm(std::string_view what_it_makes);

// One --notify target.
class NotifyTarget {
 public:
  virtual ~NotifyTarget() = default;
  // Delivers one notice, with the target's retries; a failure is returned,
  // never thrown.
  virtual Status Deliver(const AlarmNotice& notice) = 0;
  virtual std::string name() const = 0;
  const TargetSettings& settings() const { return settings_; }
  void set_settings(TargetSettings s) { settings_ = std::move(s); }
  // True when the target wants transitions into `state` (--notify-on).
  bool Wants(AlarmState state) const;

 protected:
  TargetSettings settings_;
};

// Parses "[{key=value;...}]TARGET": stdout, file:PATH, exec:COMMAND,
// webhook:URL, email:ADDRESS[,ADDRESS...], sns:TOPIC_ARN or
// pagerduty:ROUTING_KEY, with `defaults` for what the prefix does not set.
// Keys: format, timeout, retries, budget, header (repeatable), on (states
// joined by ','), endpoint. Errors are usage errors: unknown scheme or key, a
// bad value, an unset ${VAR}, email without --smtp-url.
Result<std::unique_ptr<NotifyTarget>> ParseNotifyTarget(
    const std::string& spec, const TargetSettings& defaults,
    const NotifyContext& context);

// "ALARM,OK" into states. Errors: an unknown state.
Result<std::vector<AlarmState>> ParseNotifyOn(std::string_view list);

// `text` with each ${NAME} replaced by the environment's value. Errors: an
// unset variable, named.
Result<std::string> ExpandEnvironment(std::string_view text,
                                      const EnvLookup& env);

}  // namespace flowmon
