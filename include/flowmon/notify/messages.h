// The messages an alarm state change becomes: the JSON CloudWatch
// publishes to SNS, the subject and plain-text body of the email SNS sends
// for it, Slack and Microsoft Teams bodies, and PagerDuty Events API v2
// events.
#pragma once

#include <string>

#include "flowmon/notify/notifier.h"

namespace flowmon {

// AlarmName, AlarmDescription, AWSAccountId, NewStateValue,
// NewStateReason, StateChangeTime, Region (its long name), AlarmArn,
// OldStateValue and Trigger{...}, as CloudWatch writes them.
std::string SnsAlarmMessage(const AlarmSpec& spec, const AlarmIdentity& id,
                            const AlarmTransition& t);
// "arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME".
std::string AlarmArn(const AlarmSpec& spec, const AlarmIdentity& id);
// "US East (N. Virginia)" for "us-east-1"; an unknown code as it is.
std::string_view RegionName(std::string_view code);

// CloudWatch's subject: ALARM: "name" in US East (N. Virginia).
std::string AlarmSubject(const AlarmNotice& n);
// CloudWatch's plain-text email body, CRLF line ends: the sentence, Alarm
// Details, Threshold, Monitored Metric, State Change Actions and the
// console link.
std::string AlarmEmailText(const AlarmNotice& n);

// {"text": "..."}.
std::string SlackMessage(const AlarmSpec& spec, const AlarmTransition& t);
// A Teams Workflows message: one Adaptive Card with the subject, the
// reason and the facts.
std::string TeamsMessage(const AlarmNotice& n);
// An Events API v2 event: trigger on ALARM, resolve on OK, the alarm's
// ARN as dedup_key; "" for INSUFFICIENT_DATA (PagerDuty has no such
// action).
std::string PagerDutyEvent(const AlarmNotice& n,
                           const std::string& routing_key);

}  // namespace flowmon
