// --notify options shared by `alarm` and `check`.
#include <spdlog/spdlog.h>

#include "commands.h"
#include "flowmon/core/time_util.h"

namespace flowmon {

void AddNotifyOptions(CLI::App* app, NotifyCliOptions* o) {
  app->add_option(
         "--notify", o->targets,
         "Deliver each state change: stdout, file:PATH (JSON lines), "
         "exec:COMMAND (on its stdin) or webhook:URL (HTTP POST); repeatable")
      ->allow_extra_args(false);
  app->add_option(
         "--notify-format", o->format,
         "sns (the message CloudWatch publishes to SNS) or slack (webhooks: "
         "{\"text\": ...})")
      ->capture_default_str();
  app->add_option("--notify-timeout", o->timeout, "Seconds per webhook attempt")
      ->capture_default_str();
  app->add_option("--notify-retries", o->retries,
                  "Webhook retries after a failure")
      ->capture_default_str();
  app->add_option("--account-id", o->account_id, "AWSAccountId in messages")
      ->capture_default_str();
  app->add_option("--region", o->region, "Region in messages and the alarm ARN")
      ->capture_default_str();
  app->add_option("--metric-name", o->metric_name,
                  "Trigger.MetricName (default: the alarm name)");
  app->add_option("--namespace", o->namespace_name, "Trigger.Namespace")
      ->capture_default_str();
  app->add_option("--description", o->description, "AlarmDescription");
}

Result<Notifications> Notifications::Create(const NotifyCliOptions& options) {
  if (options.format != "sns" && options.format != "slack") {
    return Status::InvalidArgument("--notify-format must be sns or slack");
  }
  if (options.retries < 0 || options.timeout <= 0) {
    return Status::InvalidArgument(
        "--notify-retries must be >= 0 and --notify-timeout > 0");
  }
  NotifyOptions n;
  n.slack = options.format == "slack";
  n.timeout = options.timeout;
  n.attempts = options.retries + 1;
  Notifications out;
  out.options_ = options;
  for (const std::string& spec : options.targets) {
    Result<std::unique_ptr<NotifyTarget>> t = ParseNotifyTarget(spec, n);
    if (!t.ok()) return t.status();
    out.targets_.push_back(std::move(*t));
  }
  return out;
}

AlarmIdentity Notifications::Identity(const AlarmSpec& spec) const {
  AlarmIdentity id;
  id.description = options_.description;
  id.account_id = options_.account_id;
  id.region = options_.region;
  id.metric_name =
      options_.metric_name.empty() ? spec.name : options_.metric_name;
  id.namespace_name = options_.namespace_name;
  return id;
}

void Notifications::Deliver(const AlarmSpec& spec, const AlarmIdentity& id,
                            const AlarmTransition& t) {
  if (targets_.empty()) return;
  const std::string sns = SnsAlarmMessage(spec, id, t);
  const std::string slack = SlackMessage(spec, t);
  for (const auto& target : targets_) {
    if (Status s = target->Deliver(sns, slack); !s.ok()) {
      ++failures_;
      spdlog::error(
          "notify {}: {} (the {} -> {} transition at {} is in the output)",
          target->name(), s.message(), AlarmStateName(t.from),
          AlarmStateName(t.to), FormatIso8601(t.time));
    }
  }
}

}  // namespace flowmon
