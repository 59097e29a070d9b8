#include "flowmon/notify/messages.h"

#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/notify/notifier.h"
#include "notify/email_target.h"

namespace flowmon {
namespace {

struct Lab {
  AlarmSpec spec;
  AlarmIdentity id;
  AlarmTransition t{1563108240, AlarmState::kOk, AlarmState::kAlarm,
                    "Threshold Crossed: 1 out of the last 1 datapoints"};
  AlarmNotice notice;
  Lab() {
    spec.name = "ssh-rejects";
    spec.threshold = 1;
    spec.comparison = ComparisonOperator::kGreaterThanOrEqualToThreshold;
    id.account_id = "086112738802";
    id.metric_name = "SSHRejects";
    id.namespace_name = "VPCFlowLogs";
    id.actions.alarm = {"arn:aws:sns:us-east-1:086112738802:ssh-alerts"};
    notice.spec = &spec;
    notice.id = &id;
    notice.transition = &t;
    notice.sns_json = SnsAlarmMessage(spec, id, t);
  }
};

TEST_CASE("CloudWatch's email subject and body", "[notify]") {
  Lab lab;
  CHECK(AlarmSubject(lab.notice) ==
        "ALARM: \"ssh-rejects\" in US East (N. Virginia)");
  const std::string text = AlarmEmailText(lab.notice);
  CHECK(text.starts_with(
      "You are receiving this email because your Amazon CloudWatch Alarm "
      "\"ssh-rejects\" in the US East (N. Virginia) region has entered the "
      "ALARM state, because \"Threshold Crossed: 1 out of the last 1 "
      "datapoints\".\r\n\r\nAlarm Details:\r\n"));
  CHECK(text.find("- State Change:               OK -> ALARM\r\n") !=
        std::string::npos);
  CHECK(text.find("- ALARM: [arn:aws:sns:us-east-1:086112738802:ssh-alerts]"
                  "\r\n") != std::string::npos);
  CHECK(text.find("GreaterThanOrEqualToThreshold 1.0 for at least 1 of the "
                  "last 1 period(s) of 60 seconds.") != std::string::npos);
  // Every line ends CRLF, none LF alone.
  for (size_t i = text.find('\n'); i != std::string::npos;
       i = text.find('\n', i + 1)) {
    CHECK((i > 0 && text[i - 1] == '\r'));
  }
  const std::string mime =
      AlarmEmailMime(lab.notice, "a <a@b>", {"c@d"}, "text", 0);
  CHECK(mime.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n") == 0);
  CHECK(mime.find("Content-Type: multipart/mixed; boundary=") !=
        std::string::npos);
  CHECK(mime.find("filename=\"alarm.json\"") != std::string::npos);
  lab.spec.name = "äh";
  CHECK(AlarmEmailMime(lab.notice, "a@b", {"c@d"}, "json", 0)
            .find("Subject: =?UTF-8?B?") != std::string::npos);
}

// The opening of a real CloudWatch email of 2026-09-09 for a metric alarm
// created ahead of its data (quoted in docs/notifications.md, "The email";
// the quote keeps the lines shown here): flowmon's body for the same
// transition has the same first paragraph, then each of these lines in this
// order, byte for byte.
TEST_CASE("the email body follows a real 2026 CloudWatch email", "[notify]") {
  const std::string reason =
      "Threshold Crossed: 3 out of the last 3 datapoints [8.3714617344E10 "
      "(09/09/26 00:22:00), 8.3835891712E10 (09/09/26 00:17:00), "
      "8.3510099968E10 (09/09/26 00:12:00)] were not less than the threshold "
      "(2.147483648E10)";
  const std::string real_paragraph =
      "You are receiving this email because your Amazon CloudWatch Alarm "
      "\"labs-jj-rds-free-storage-low\" in the US East (N. Virginia) region "
      "has entered the OK state, because \"" +
      reason + "\".\r\n\r\nAlarm Details:\r\n";
  const std::vector<std::string> real_lines = {
      "- Name:                       labs-jj-rds-free-storage-low\r\n",
      "- State Change:               INSUFFICIENT_DATA -> OK\r\n",
      "- Timestamp:                  Wednesday 09 September, 2026 00:27:33 "
      "UTC\r\n",
  };
  Lab lab;
  lab.spec.name = "labs-jj-rds-free-storage-low";
  lab.t = {1788913653, AlarmState::kInsufficientData, AlarmState::kOk, reason};
  lab.notice.sns_json = SnsAlarmMessage(lab.spec, lab.id, lab.t);
  CHECK(AlarmSubject(lab.notice) ==
        "OK: \"labs-jj-rds-free-storage-low\" in US East (N. Virginia)");
  const std::string text = AlarmEmailText(lab.notice);
  REQUIRE(text.starts_with(real_paragraph));
  size_t at = real_paragraph.size();
  for (const std::string& line : real_lines) {
    const size_t found = text.find(line, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found + line.size();
  }
}

TEST_CASE("PagerDuty events: trigger, resolve, nothing", "[notify]") {
  Lab lab;
  const std::string trigger = PagerDutyEvent(lab.notice, "KEY");
  CHECK(trigger.starts_with(
      "{\"routing_key\":\"KEY\",\"event_action\":\"trigger\",\"dedup_key\":"
      "\"arn:aws:cloudwatch:us-east-1:086112738802:alarm:ssh-rejects\""));
  CHECK(trigger.find("\"custom_details\":{\"AlarmName\":\"ssh-rejects\"") !=
        std::string::npos);
  lab.t.to = AlarmState::kOk;
  CHECK(PagerDutyEvent(lab.notice, "KEY") ==
        "{\"routing_key\":\"KEY\",\"event_action\":\"resolve\",\"dedup_key\":"
        "\"arn:aws:cloudwatch:us-east-1:086112738802:alarm:ssh-rejects\"}");
  lab.t.to = AlarmState::kInsufficientData;
  CHECK(PagerDutyEvent(lab.notice, "KEY").empty());
}

TEST_CASE("per-target settings", "[notify]") {
  NotifyContext c;
  c.env = [](const char* name) -> const char* {
    return std::string_view(name) == "TOKEN" ? "s3cret" : nullptr;
  };
  TargetSettings defaults;
  Result<std::unique_ptr<NotifyTarget>> t = ParseNotifyTarget(
      "{format=slack;timeout=1.5;retries=0;on=ALARM,OK;header=X-T: ${TOKEN}}"
      "webhook:https://example.com/h",
      defaults, c);
  REQUIRE(t.ok());
  CHECK((*t)->settings().format == "slack");
  CHECK((*t)->settings().timeout == 1.5);
  CHECK((*t)->settings().attempts == 1);
  CHECK((*t)->settings().headers == std::vector<std::string>{"X-T: s3cret"});
  CHECK((*t)->Wants(AlarmState::kOk));
  CHECK_FALSE((*t)->Wants(AlarmState::kInsufficientData));
  t = ParseNotifyTarget("pagerduty:${TOKEN}", defaults, c);
  REQUIRE(t.ok());
  CHECK((*t)->name() == "pagerduty");  // the key is a secret
  CHECK_FALSE((*t)->Wants(AlarmState::kInsufficientData));
  for (const char* bad :
       {"{format=teams}email:a@b", "{on=FIRING}stdout", "{colour=red}stdout",
        "{retries=x}stdout", "{header=X: ${UNSET}}webhook:http://h",
        "{format=sns", "sns:alerts"}) {
    INFO(bad);
    CHECK_FALSE(ParseNotifyTarget(bad, defaults, c).ok());
  }
  c.smtp_url = "smtp://127.0.0.1:25";
  CHECK(ParseNotifyTarget("email:Ops <ops@example.com>,b@c", defaults, c).ok());
  CHECK_FALSE(ParseNotifyTarget("email:nobody", defaults, c).ok());
}

}  // namespace
}  // namespace flowmon
