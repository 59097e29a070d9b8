#include "flowmon/notify/notifications.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>

#include "flowmon/core/json_writer.h"
#include "flowmon/core/time_util.h"
#include "flowmon/notify/messages.h"
#include "notify/retry.h"

namespace flowmon {

Result<Notifications> Notifications::Create(const NotificationsConfig& config,
                                            OnFailure on_failure) {
  Notifications out;
  out.config_ = config;
  out.on_failure_ = std::move(on_failure);
  for (const std::string& spec : config.targets) {
    Result<std::unique_ptr<NotifyTarget>> t =
        ParseNotifyTarget(spec, config.delivery, config.context);
    if (!t.ok()) return t.status();
    out.targets_.push_back(std::move(*t));
  }
  for (const auto& [arn, spec] : config.action_map) {
    Result<std::unique_ptr<NotifyTarget>> t =
        ParseNotifyTarget(spec, config.delivery, config.context);
    if (!t.ok()) return t.status();
    out.mapped_.emplace(arn, std::move(*t));
  }
  return out;
}

AlarmIdentity Notifications::Identity(const AlarmSpec& spec) const {
  AlarmIdentity id;
  id.description = config_.description;
  id.account_id = config_.account_id;
  id.region = config_.region;
  id.metric_name =
      config_.metric_name.empty() ? spec.name : config_.metric_name;
  id.namespace_name = config_.namespace_name;
  return id;
}

void Notifications::Deliver(const AlarmSpec& spec, const AlarmIdentity& id,
                            const AlarmTransition& t) {
  if (empty()) return;
  AlarmNotice notice;
  notice.spec = &spec;
  notice.id = &id;
  notice.transition = &t;
  notice.sns_json = SnsAlarmMessage(spec, id, t);
  for (const auto& target : targets_) {
    if (target->Wants(t.to)) DeliverTo(target.get(), notice);
  }
  if (mapped_.empty()) return;
  for (const std::string& arn : id.actions.For(t.to)) {
    auto [first, last] = mapped_.equal_range(arn);
    if (first == last) {
      spdlog::info("alarm {}: action {} has no --notify-map: not delivered",
                   spec.name, arn);
    }
    for (auto it = first; it != last; ++it) DeliverTo(it->second.get(), notice);
  }
}

void Notifications::DeliverMessage(const std::string& sns_json,
                                   const std::string& slack_json,
                                   std::string_view what) {
  AlarmNotice notice;
  notice.sns_json = sns_json;
  notice.slack_json = slack_json;
  notice.what = std::string(what);
  notice.subject = notice.what;
  for (const auto& target : targets_) DeliverTo(target.get(), notice);
}

void Notifications::DeliverTo(NotifyTarget* target, const AlarmNotice& n) {
  double& spent = spent_failing_[target];
  const double budget = target->settings().budget;
  if (spent >= budget) {
    Failed(target, n,
           Status::IoError(fmt::format(
               "not attempted: {:.1f} s of failed deliveries used up its "
               "{:g} s budget (budget=SECONDS, --notify-budget)",
               spent, budget)));
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  Status s = target->Deliver(n);
  if (s.ok()) return;
  spent +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  Failed(target, n, s);
}

void Notifications::Failed(NotifyTarget* target, const AlarmNotice& n,
                           const Status& s) {
  ++failures_;
  std::string kept;
  if (!config_.dead_letter.empty()) {
    fmt::memory_buffer line;
    line.append(std::string_view("{\"target\":"));
    AppendJsonString(&line, target->name());
    line.append(std::string_view(",\"error\":"));
    AppendJsonString(&line, s.message());
    line.append(std::string_view(",\"failed_at\":"));
    AppendJsonString(&line,
                     FormatIso8601(static_cast<int64_t>(std::time(nullptr))));
    line.append(std::string_view(",\"subject\":"));
    AppendJsonString(&line,
                     n.transition != nullptr ? AlarmSubject(n) : n.subject);
    line.append(std::string_view(",\"message\":"));
    line.append(n.sns_json);
    line.push_back('}');
    Status w = AppendLine(config_.dead_letter, fmt::to_string(line));
    kept = w.ok() ? fmt::format("; kept in {}", config_.dead_letter)
                  : fmt::format("; and not kept: {}", w.message());
  }
  if (on_failure_) {
    const std::string what =
        n.transition != nullptr
            ? fmt::format("the {} -> {} transition at {}",
                          AlarmStateName(n.transition->from),
                          AlarmStateName(n.transition->to),
                          FormatIso8601(n.transition->time))
            : n.what;
    on_failure_(fmt::format("notify {}: {} ({} is in the output{})",
                            target->name(), s.message(), what, kept));
  }
}

}  // namespace flowmon
