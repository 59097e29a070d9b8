// Email over SMTP (libcurl): CloudWatch's subject and plain-text body, the
// SNS JSON attached (format text) or the JSON alone (format json).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "flowmon/notify/notifier.h"

namespace flowmon {

// The message as sent (headers and body, CRLF line ends), dated `now`.
std::string AlarmEmailMime(const AlarmNotice& n, const std::string& from,
                           const std::vector<std::string>& to,
                           const std::string& format, int64_t now);

// "email:ADDRESS[,ADDRESS...]" past the scheme. Errors: no --smtp-url, a
// bad address or --smtp-starttls value.
Result<std::unique_ptr<NotifyTarget>> MakeEmailTarget(
    const std::string& addresses, TargetSettings settings,
    const NotifyContext& context);

}  // namespace flowmon
