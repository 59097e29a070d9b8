// --notify options shared by `alarm` and `check`.
#include <spdlog/spdlog.h>

#include "commands.h"

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

Result<Notifications> MakeNotifications(const NotifyCliOptions& options) {
  if (options.format != "sns" && options.format != "slack") {
    return Status::InvalidArgument("--notify-format must be sns or slack");
  }
  if (options.retries < 0 || options.timeout <= 0) {
    return Status::InvalidArgument(
        "--notify-retries must be >= 0 and --notify-timeout > 0");
  }
  NotificationsConfig config;
  config.targets = options.targets;
  config.delivery.slack = options.format == "slack";
  config.delivery.timeout = options.timeout;
  config.delivery.attempts = options.retries + 1;
  config.account_id = options.account_id;
  config.region = options.region;
  config.metric_name = options.metric_name;
  config.namespace_name = options.namespace_name;
  config.description = options.description;
  return Notifications::Create(
      config, [](std::string_view message) { spdlog::error("{}", message); });
}

}  // namespace flowmon
