// What network targets share: attempts with backoff, and appending a line
// to a file (file targets and the dead-letter file).
#pragma once

#include <functional>
#include <string>

#include "flowmon/core/status.h"
#include "flowmon/notify/notifier.h"

namespace flowmon {

// Seconds before the first retry; doubled for each further one (0.25 s,
// 0.5 s, 1 s, ...): bounded, like SNS's own retries.
inline constexpr double kFirstRetryDelay = 0.25;

// Calls `attempt` (it returns "" on success, else what went wrong) up to
// settings.attempts times with backoff; the last error, with the count.
Status WithRetries(const TargetSettings& settings,
                   const std::function<std::string()>& attempt);

// Appends `line` and '\n' to the file at `path` (created if missing).
Status AppendLine(const std::string& path, const std::string& line);

}  // namespace flowmon
