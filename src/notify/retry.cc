#include "notify/retry.h"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

namespace flowmon {

Status WithRetries(const TargetSettings& settings,
                   const std::function<std::string()>& attempt) {
  std::string last_error;
  double delay = kFirstRetryDelay;
  for (int i = 1; i <= settings.attempts; ++i) {
    last_error = attempt();
    if (last_error.empty()) return Status::Ok();
    if (i < settings.attempts) {
      std::this_thread::sleep_for(std::chrono::duration<double>(delay));
      delay *= 2;
    }
  }
  return Status::IoError(fmt::format("{} after {} attempt{}", last_error,
                                     settings.attempts,
                                     settings.attempts == 1 ? "" : "s"));
}

Status AppendLine(const std::string& path, const std::string& line) {
  std::FILE* f = std::fopen(path.c_str(), "a");
  if (f == nullptr) {
    return Status::IoError(
        fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  std::fwrite(line.data(), 1, line.size(), f);
  std::fputc('\n', f);
  const bool failed = std::fclose(f) != 0;
  return failed ? Status::IoError("write error on " + path) : Status::Ok();
}

}  // namespace flowmon
