#include "flowmon/notify/notifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "flowmon/aws/aws_client.h"
#include "flowmon/aws/http.h"
#include "flowmon/aws/sns.h"
#include "flowmon/core/output.h"
#include "flowmon/core/text_split.h"
#include "flowmon/notify/messages.h"
#include "notify/email_target.h"
#include "notify/exec_target.h"
#include "notify/retry.h"

namespace flowmon {
namespace {

constexpr std::string_view kPagerDutyEvents =
    "https://events.pagerduty.com/v2/enqueue";

class StdoutTarget : public NotifyTarget {
 public:
  Status Deliver(const AlarmNotice& n) override {
    // The process's stdout: a failure is reported once, when the run ends
    // (core/output.h), as for every result written there.
    WriteOutput(stdout, n.sns_json + "\n");
    FlushOutput(stdout);
    return Status::Ok();
  }
  std::string name() const override { return "stdout"; }
};

class FileTarget : public NotifyTarget {
 public:
  explicit FileTarget(std::string path) : path_(std::move(path)) {}
  Status Deliver(const AlarmNotice& n) override {
    return AppendLine(path_, n.sns_json);
  }
  std::string name() const override { return "file:" + path_; }

 private:
  std::string path_;
};

// "" on a 2xx answer, else what went wrong.
std::string PostJson(const std::string& url, const std::string& body,
                     const TargetSettings& settings) {
  HttpRequest request;
  request.method = "POST";
  request.url = url;
  request.headers = {"Content-Type: application/json"};
  request.headers.insert(request.headers.end(), settings.headers.begin(),
                         settings.headers.end());
  request.body = body;
  request.timeout = settings.timeout;
  Result<HttpResponse> r = PerformHttp(request);
  if (!r.ok()) return r.status().message();
  if (r->status < 200 || r->status >= 300) {
    return fmt::format("HTTP status {}", r->status);
  }
  return "";
}

class WebhookTarget : public NotifyTarget {
 public:
  WebhookTarget(std::string url, TargetSettings settings)
      : url_(std::move(url)) {
    settings_ = std::move(settings);
  }
  Status Deliver(const AlarmNotice& n) override {
    if (n.transition == nullptr) {
      if (settings_.format == "teams") return NotAnAlarm("a Teams body");
      const std::string& body =
          settings_.format == "slack" ? n.slack_json : n.sns_json;
      return WithRetries(settings_,
                         [&] { return PostJson(url_, body, settings_); });
    }
    const std::string body = settings_.format == "slack"
                                 ? SlackMessage(*n.spec, *n.transition)
                             : settings_.format == "teams" ? TeamsMessage(n)
                                                           : n.sns_json;
    return WithRetries(settings_,
                       [&] { return PostJson(url_, body, settings_); });
  }
  std::string name() const override { return "webhook:" + url_; }

 private:
  std::string url_;
};

class PagerDutyTarget : public NotifyTarget {
 public:
  PagerDutyTarget(std::string key, TargetSettings settings)
      : key_(std::move(key)) {
    settings_ = std::move(settings);
    if (settings_.on.empty()) {
      settings_.on = {AlarmState::kAlarm, AlarmState::kOk};
    }
  }
  Status Deliver(const AlarmNotice& n) override {
    if (n.transition == nullptr) return NotAnAlarm("a PagerDuty event");
    const std::string event = PagerDutyEvent(n, key_);
    if (event.empty()) return Status::Ok();  // no INSUFFICIENT_DATA action
    const std::string url = settings_.endpoint.empty()
                                ? std::string(kPagerDutyEvents)
                                : settings_.endpoint;
    return WithRetries(settings_,
                       [&] { return PostJson(url, event, settings_); });
  }
  // The routing key is a secret: never in messages.
  std::string name() const override { return "pagerduty"; }

 private:
  std::string key_;
};

class SnsTarget : public NotifyTarget {
 public:
  SnsTarget(std::string arn, TargetSettings settings, const NotifyContext& c)
      : arn_(std::move(arn)) {
    settings_ = std::move(settings);
    AwsSettings aws = c.aws;
    if (!settings_.endpoint.empty()) aws.endpoint_url = settings_.endpoint;
    AwsRetry retry;
    retry.attempts = settings_.attempts;
    retry.timeout = settings_.timeout;
    retry.first_delay = kFirstRetryDelay;
    client_ = std::make_unique<AwsClient>(aws, c.env, retry);
  }
  Status Deliver(const AlarmNotice& n) override {
    Result<std::string> id = SnsPublish(
        client_.get(), arn_,
        n.transition != nullptr ? AlarmSubject(n) : n.subject, n.sns_json);
    return id.ok() ? Status::Ok() : id.status();
  }
  std::string name() const override { return "sns:" + arn_; }

 private:
  std::string arn_;
  std::unique_ptr<AwsClient> client_;
};

double ParseSeconds(const std::string& v, bool* ok) {
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  *ok = !v.empty() && end == v.c_str() + v.size() && d > 0;
  return d;
}

// Applies "key=value;..." to *s.
Status ApplySettings(std::string_view list, const EnvLookup& env,
                     TargetSettings* s) {
  bool headers_reset = false;
  for (std::string_view item : SplitView(list, ';')) {
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      return Status::InvalidArgument(
          fmt::format("'{}' is not key=value", item));
    }
    const std::string key(item.substr(0, eq));
    const std::string value(item.substr(eq + 1));
    bool ok = true;
    if (key == "format") {
      s->format = value;
    } else if (key == "timeout") {
      s->timeout = ParseSeconds(value, &ok);
    } else if (key == "budget") {
      s->budget = ParseSeconds(value, &ok);
    } else if (key == "retries") {
      ok = !value.empty() &&
           std::all_of(value.begin(), value.end(), ::isdigit) &&
           value.size() < 4;
      if (ok) s->attempts = std::stoi(value) + 1;
    } else if (key == "header") {
      if (!headers_reset)
        s->headers.clear();  // the prefix's replace the flags'
      headers_reset = true;
      Result<std::string> h = ExpandEnvironment(value, env);
      if (!h.ok()) return h.status();
      if (h->find(':') == std::string::npos) ok = false;
      s->headers.push_back(*h);
    } else if (key == "on") {
      Result<std::vector<AlarmState>> on = ParseNotifyOn(value);
      if (!on.ok()) return on.status();
      s->on = *on;
    } else if (key == "endpoint") {
      s->endpoint = value;
    } else {
      return Status::InvalidArgument(fmt::format(
          "unknown setting '{}' (format, timeout, retries, budget, header, "
          "on, endpoint)",
          key));
    }
    if (!ok) {
      return Status::InvalidArgument(
          fmt::format("bad value for {}: '{}'", key, value));
    }
  }
  return Status::Ok();
}

Status CheckFormat(const std::string& scheme, const std::string& format) {
  if (scheme == "webhook" &&
      (format == "sns" || format == "slack" || format == "teams")) {
    return Status::Ok();
  }
  if (scheme == "email" && (format == "text" || format == "json")) {
    return Status::Ok();
  }
  return Status::InvalidArgument(
      fmt::format("format '{}' is not one {} takes ({})", format, scheme,
                  scheme == "email" ? "text or json" : "sns, slack or teams"));
}

Result<std::unique_ptr<NotifyTarget>> MakeTarget(const std::string& spec,
                                                 TargetSettings settings,
                                                 const NotifyContext& context) {
  const size_t colon = spec.find(':');
  const std::string scheme = spec.substr(0, colon);
  const std::string rest =
      colon == std::string::npos ? "" : spec.substr(colon + 1);
  std::unique_ptr<NotifyTarget> local;
  if (spec == "stdout") {
    local = std::make_unique<StdoutTarget>();
  } else if (scheme == "file" && !rest.empty()) {
    local = std::make_unique<FileTarget>(rest);
  } else if (scheme == "exec" && !rest.empty()) {
    local = MakeExecTarget(rest);
  }
  if (local != nullptr) {
    local->set_settings(std::move(settings));
    return local;
  }
  if (rest.empty()) return Status::InvalidArgument("");
  if (scheme == "webhook") {
    if (!rest.starts_with("http://") && !rest.starts_with("https://")) {
      return Status::InvalidArgument("");
    }
    Status s = CheckFormat(scheme, settings.format);
    if (!s.ok()) return s;
    return std::unique_ptr<NotifyTarget>(new WebhookTarget(rest, settings));
  }
  if (scheme == "email") {
    if (settings.format == "sns" || settings.format == "slack" ||
        settings.format == "teams") {
      settings.format = "text";  // --notify-format is for webhooks
    }
    Status s = CheckFormat(scheme, settings.format);
    if (!s.ok()) return s;
    return MakeEmailTarget(rest, std::move(settings), context);
  }
  if (scheme == "sns") {
    if (!rest.starts_with("arn:") || ArnRegion(rest).empty()) {
      return Status::InvalidArgument(fmt::format(
          "'{}' is not a topic ARN (arn:aws:sns:REGION:ACCOUNT:TOPIC)", rest));
    }
    return std::unique_ptr<NotifyTarget>(
        new SnsTarget(rest, settings, context));
  }
  if (scheme == "pagerduty") {
    Result<std::string> key = ExpandEnvironment(rest, context.env);
    if (!key.ok()) return key.status();
    return std::unique_ptr<NotifyTarget>(new PagerDutyTarget(*key, settings));
  }
  return Status::InvalidArgument("");
}

}  // namespace

Status NotAnAlarm(std::string_view what_it_makes) {
  return Status::InvalidArgument(
      fmt::format("{} is made from an alarm's state change, not from a finding",
                  what_it_makes));
}

bool NotifyTarget::Wants(AlarmState state) const {
  return settings_.on.empty() ||
         std::find(settings_.on.begin(), settings_.on.end(), state) !=
             settings_.on.end();
}

Result<std::vector<AlarmState>> ParseNotifyOn(std::string_view list) {
  std::vector<AlarmState> out;
  for (std::string_view name : SplitView(list, ',')) {
    bool found = false;
    for (AlarmState s :
         {AlarmState::kAlarm, AlarmState::kOk, AlarmState::kInsufficientData}) {
      if (AlarmStateName(s) == name) {
        out.push_back(s);
        found = true;
      }
    }
    if (!found) {
      return Status::InvalidArgument(fmt::format(
          "'{}' is not an alarm state (ALARM, OK, INSUFFICIENT_DATA)", name));
    }
  }
  return out;
}

Result<std::string> ExpandEnvironment(std::string_view text,
                                      const EnvLookup& env) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t open = text.find("${", pos);
    if (open == std::string_view::npos) break;
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    const std::string name(text.substr(open + 2, close - open - 2));
    const char* value = env(name.c_str());
    if (value == nullptr) {
      return Status::InvalidArgument(
          fmt::format("${{{}}} is not set in the environment", name));
    }
    out += value;
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

Result<std::unique_ptr<NotifyTarget>> ParseNotifyTarget(
    const std::string& spec, const TargetSettings& defaults,
    const NotifyContext& context) {
  TargetSettings settings = defaults;
  std::string target = spec;
  if (spec.starts_with("{")) {
    // The prefix ends at the first '}' that does not close a ${VAR}.
    size_t close = 1;
    while (close < spec.size() && spec[close] != '}') {
      if (spec.compare(close, 2, "${") == 0) {
        close = spec.find('}', close);
        if (close == std::string::npos) break;
      }
      ++close;
    }
    if (close >= spec.size()) close = std::string::npos;
    if (close == std::string::npos) {
      return Status::InvalidArgument(fmt::format(
          "invalid --notify '{}': the settings prefix has no closing '}}'",
          spec));
    }
    Status s = ApplySettings(std::string_view(spec).substr(1, close - 1),
                             context.env, &settings);
    if (!s.ok()) {
      return Status::InvalidArgument(
          fmt::format("invalid --notify '{}': {}", spec, s.message()));
    }
    target = spec.substr(close + 1);
  }
  Result<std::unique_ptr<NotifyTarget>> made =
      MakeTarget(target, std::move(settings), context);
  if (made.ok()) return made;
  if (!made.status().message().empty()) {
    return Status::InvalidArgument(fmt::format("invalid --notify '{}': {}",
                                               spec, made.status().message()));
  }
  return Status::InvalidArgument(fmt::format(
      "invalid --notify '{}' (expected stdout, file:PATH, exec:COMMAND, "
      "webhook:http(s)://..., email:ADDRESS, sns:TOPIC_ARN or "
      "pagerduty:ROUTING_KEY)",
      spec));
}

}  // namespace flowmon
