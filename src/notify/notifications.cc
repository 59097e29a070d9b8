#include "flowmon/notify/notifications.h"

#include <fmt/format.h>

#include "flowmon/core/time_util.h"

namespace flowmon {

Result<Notifications> Notifications::Create(const NotificationsConfig& config,
                                            OnFailure on_failure) {
  Notifications out;
  out.config_ = config;
  out.on_failure_ = std::move(on_failure);
  for (const std::string& spec : config.targets) {
    Result<std::unique_ptr<NotifyTarget>> t =
        ParseNotifyTarget(spec, config.delivery);
    if (!t.ok()) return t.status();
    out.targets_.push_back(std::move(*t));
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
  if (targets_.empty()) return;
  DeliverMessage(
      SnsAlarmMessage(spec, id, t), SlackMessage(spec, t),
      fmt::format("the {} -> {} transition at {}", AlarmStateName(t.from),
                  AlarmStateName(t.to), FormatIso8601(t.time)));
}

void Notifications::DeliverMessage(const std::string& sns_json,
                                   const std::string& slack_json,
                                   std::string_view what) {
  for (const auto& target : targets_) {
    if (Status s = target->Deliver(sns_json, slack_json); !s.ok()) {
      ++failures_;
      if (on_failure_) {
        on_failure_(fmt::format("notify {}: {} ({} is in the output)",
                                target->name(), s.message(), what));
      }
    }
  }
}

}  // namespace flowmon
