#include "notify/retry.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
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
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    return Status::IoError(
        fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  // One write() of the whole line: with O_APPEND, lines of concurrent
  // writers do not interleave, and a line either lands whole or the error
  // says why (a full disk is ENOSPC, not a short line left behind).
  std::string whole = line;
  whole.push_back('\n');
  ssize_t w;
  do {
    w = ::write(fd, whole.data(), whole.size());
  } while (w < 0 && errno == EINTR);
  const int write_errno = errno;
  Status out = Status::Ok();
  if (w < 0) {
    out = Status::IoError(fmt::format("cannot write to {}: {}", path,
                                      std::strerror(write_errno)));
  } else if (static_cast<size_t>(w) != whole.size()) {
    // The rest's write says why (ENOSPC on a full disk); the partial line
    // is taken back, so the file holds only whole lines.
    const ssize_t rest =
        ::write(fd, whole.data() + w, whole.size() - static_cast<size_t>(w));
    const char* why = rest < 0 ? std::strerror(errno) : "short write";
    const off_t end = ::lseek(fd, 0, SEEK_END);
    const bool taken_back =
        end >= 0 && ::ftruncate(fd, end - w - std::max<ssize_t>(rest, 0)) == 0;
    out = Status::IoError(
        fmt::format("cannot write to {}: {} ({} of {} bytes written{})", path,
                    why, w + std::max<ssize_t>(rest, 0), whole.size(),
                    taken_back ? ", taken back" : ""));
  }
  if (::close(fd) != 0 && out.ok()) {
    out = Status::IoError(
        fmt::format("cannot write to {}: {}", path, std::strerror(errno)));
  }
  return out;
}

}  // namespace flowmon
