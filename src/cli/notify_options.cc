// --notify options shared by `alarm` and `check`.
#include <spdlog/spdlog.h>

#include "commands.h"
#include "option_checks.h"

namespace flowmon {

void AddNotifyOptions(CLI::App* app, NotifyCliOptions* o, bool with_map) {
  app->add_option(
         "--notify", o->targets,
         "Deliver each state change: stdout, file:PATH (JSON lines), "
         "exec:COMMAND (on its stdin), webhook:URL (HTTP POST), "
         "email:ADDRESS[,ADDRESS...] (SMTP), sns:TOPIC_ARN (Publish) or "
         "pagerduty:ROUTING_KEY (Events API v2); a '{key=value;...}' prefix "
         "sets format, timeout, retries, budget, header, on or endpoint for "
         "that target alone; repeatable")
      ->allow_extra_args(false);
  app->add_option(
         "--notify-format", o->format,
         "Webhook bodies: sns (the message CloudWatch publishes to SNS), "
         "slack ({\"text\": ...}) or teams (an Adaptive Card)")
      ->capture_default_str();
  app->add_option("--notify-timeout", o->timeout,
                  "Seconds per delivery attempt (webhook, email, SNS, "
                  "PagerDuty)")
      ->check(PositiveNumber(false))
      ->capture_default_str();
  app->add_option("--notify-retries", o->retries,
                  "Retries after a failed delivery, with backoff")
      ->check(WholeAtLeast(0))
      ->capture_default_str();
  app->add_option("--notify-budget", o->budget,
                  "Seconds a target may spend on failed deliveries in all; "
                  "after that its transitions are not attempted but "
                  "reported and kept in --notify-dead-letter")
      ->capture_default_str();
  app->add_option("--notify-on", o->on,
                  "Deliver only transitions into these states: ALARM, OK, "
                  "INSUFFICIENT_DATA, joined by ',' (default: all; "
                  "pagerduty: ALARM,OK)");
  app->add_option("--notify-header", o->headers,
                  "'Name: value' added to webhook and PagerDuty requests; "
                  "${VAR} is the environment's VAR (keep tokens off the "
                  "command line); repeatable")
      ->allow_extra_args(false);
  if (with_map) {
    app->add_option("--notify-map", o->map,
                    "ARN=TARGET: deliver the transitions whose alarm actions "
                    "(AlarmActions, OKActions, InsufficientDataActions) name "
                    "ARN to TARGET (as --notify); repeatable")
        ->allow_extra_args(false);
  }
  app->add_option("--notify-dead-letter", o->dead_letter,
                  "Append each delivery that still fails after its retries "
                  "here, as a JSON line");
  app->add_option("--smtp-url", o->smtp_url,
                  "Mail server for email: targets: smtp://HOST:PORT or "
                  "smtps://HOST:PORT; user and password from "
                  "FLOWMON_SMTP_USER and FLOWMON_SMTP_PASSWORD");
  app->add_option("--smtp-from", o->smtp_from,
                  "From address (default: flowmon <flowmon@localhost>)");
  app->add_option("--smtp-starttls", o->smtp_starttls,
                  "off, try or require (default: require with a user, else "
                  "try)");
  app->add_option("--account-id", o->account_id, "AWSAccountId in messages")
      ->capture_default_str();
  app->add_option("--metric-name", o->metric_name,
                  "Trigger.MetricName (default: the alarm name)");
  app->add_option("--namespace", o->namespace_name, "Trigger.Namespace")
      ->capture_default_str();
  app->add_option("--description", o->description, "AlarmDescription");
}

std::string MessageRegion(const AwsSettings& aws) {
  return aws.region.empty() ? "us-east-1" : aws.region;
}

Result<Notifications> MakeNotifications(const NotifyCliOptions& options,
                                        const AwsSettings& aws) {
  if (options.format != "sns" && options.format != "slack" &&
      options.format != "teams") {
    return Status::InvalidArgument(
        "--notify-format must be sns, slack or teams");
  }
  if (options.retries < 0 || options.timeout <= 0 || options.budget <= 0) {
    return Status::InvalidArgument(
        "--notify-retries must be >= 0, --notify-timeout and --notify-budget "
        "> 0");
  }
  NotificationsConfig config;
  config.targets = options.targets;
  config.delivery.format = options.format;
  config.delivery.timeout = options.timeout;
  config.delivery.attempts = options.retries + 1;
  config.delivery.budget = options.budget;
  if (!options.on.empty()) {
    Result<std::vector<AlarmState>> on = ParseNotifyOn(options.on);
    if (!on.ok()) {
      return Status::InvalidArgument("--notify-on: " + on.status().message());
    }
    config.delivery.on = *on;
  }
  for (const std::string& h : options.headers) {
    Result<std::string> expanded = ExpandEnvironment(h, config.context.env);
    if (!expanded.ok()) {
      return Status::InvalidArgument("--notify-header: " +
                                     expanded.status().message());
    }
    if (expanded->find(':') == std::string::npos) {
      return Status::InvalidArgument("--notify-header '" + h +
                                     "' is not 'Name: value'");
    }
    config.delivery.headers.push_back(*expanded);
  }
  for (const std::string& m : options.map) {
    const size_t eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
      return Status::InvalidArgument("--notify-map '" + m +
                                     "' is not ARN=TARGET");
    }
    config.action_map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  config.dead_letter = options.dead_letter;
  config.context.smtp_url = options.smtp_url;
  config.context.smtp_from = options.smtp_from;
  config.context.starttls = options.smtp_starttls;
  config.context.aws = aws;
  config.account_id = options.account_id;
  config.region = MessageRegion(aws);
  config.metric_name = options.metric_name;
  config.namespace_name = options.namespace_name;
  config.description = options.description;
  return Notifications::Create(
      config, [](std::string_view message) { spdlog::error("{}", message); });
}

}  // namespace flowmon
