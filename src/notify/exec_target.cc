#include "notify/exec_target.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>

#include "core/sigpipe_guard.h"
#include "flowmon/ingest/source.h"

namespace flowmon {
namespace {

using Clock = std::chrono::steady_clock;

// How long a killed command's group gets between SIGTERM and SIGKILL.
constexpr auto kKillGrace = std::chrono::milliseconds(200);
// How often the wait looks at the clock and the stop request.
constexpr int kTickMs = 20;

// Ends the group: SIGTERM, then SIGKILL to whatever outlives the grace;
// reaps the command.
void KillGroup(pid_t pid) {
  ::kill(-pid, SIGTERM);
  const auto until = Clock::now() + kKillGrace;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() >= until) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    ::poll(nullptr, 0, kTickMs);
  }
  // A child of the command that ignored SIGTERM is not left running.
  ::kill(-pid, SIGKILL);
}

class ExecTarget : public NotifyTarget {
 public:
  explicit ExecTarget(std::string command) : command_(std::move(command)) {}

  Status Deliver(const AlarmNotice& n) override {
    if (InputStopRequested()) {
      return Status::IoError(
          fmt::format("'{}' not run: flowmon is stopping", command_));
    }
    std::fflush(stdout);
    std::fflush(stderr);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      return Status::IoError(
          fmt::format("cannot run '{}': {}", command_, std::strerror(errno)));
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
      const int e = errno;
      ::close(fds[0]);
      ::close(fds[1]);
      return Status::IoError(
          fmt::format("cannot run '{}': {}", command_, std::strerror(e)));
    }
    if (pid == 0) RunChild(fds[0]);
    ::setpgid(pid, pid);  // also in the child: whichever runs first
    ::close(fds[0]);
    std::string message = n.sns_json;
    message.push_back('\n');
    return Supervise(pid, fds[1], message);
  }
  std::string name() const override { return "exec:" + command_; }

 private:
  [[noreturn]] void RunChild(int read_end) {
    ::setpgid(0, 0);
    // The command gets flowmon's signal dispositions and mask by default:
    // give it a plain start (SIGPIPE may be ignored or blocked here).
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(read_end, STDIN_FILENO);
    ::execl("/bin/sh", "sh", "-c", command_.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }

  // Writes the message while the command runs, waits for it to exit within
  // the timeout; kills its group when the time is up or flowmon stops.
  Status Supervise(pid_t pid, int write_end, const std::string& message) {
    // The command may exit before reading its message (`exit 3`): that is
    // its exit status to report, not a reason for flowmon to die.
    SigpipeGuard no_sigpipe;
    ::fcntl(write_end, F_SETFL, O_NONBLOCK);
    size_t written = 0;
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(settings_.timeout));
    int status = 0;
    while (true) {
      const pid_t done = ::waitpid(pid, &status, WNOHANG);
      if (done == pid) break;
      if (InputStopRequested()) {
        if (write_end >= 0) ::close(write_end);
        KillGroup(pid);
        return Status::IoError(fmt::format(
            "'{}' killed: flowmon was asked to stop (SIGINT/SIGTERM)",
            command_));
      }
      if (Clock::now() >= deadline) {
        if (write_end >= 0) ::close(write_end);
        KillGroup(pid);
        return Status::IoError(fmt::format("'{}' killed after the {} s timeout",
                                           command_, settings_.timeout));
      }
      pollfd p{write_end, POLLOUT, 0};
      ::poll(&p, write_end >= 0 ? 1 : 0, kTickMs);
      if (write_end >= 0 && (p.revents & (POLLOUT | POLLERR | POLLHUP))) {
        const ssize_t w = ::write(write_end, message.data() + written,
                                  message.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        // A reader gone (EPIPE) or all written: the command has its stdin's
        // end of file and the rest is its exit status.
        if ((w < 0 && errno != EAGAIN && errno != EINTR) ||
            written == message.size()) {
          ::close(write_end);
          write_end = -1;
        }
      }
    }
    if (write_end >= 0) ::close(write_end);
    if (WIFSIGNALED(status)) {
      return Status::IoError(fmt::format("'{}' was killed by signal {}",
                                         command_, WTERMSIG(status)));
    }
    if (WEXITSTATUS(status) != 0) {
      return Status::IoError(fmt::format("'{}' exited with status {}", command_,
                                         WEXITSTATUS(status)));
    }
    return Status::Ok();
  }

  std::string command_;
};

}  // namespace

std::unique_ptr<NotifyTarget> MakeExecTarget(std::string command) {
  return std::make_unique<ExecTarget>(std::move(command));
}

}  // namespace flowmon
