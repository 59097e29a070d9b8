// SigpipeGuard: while alive, a write to a pipe whose reader has gone fails
// with EPIPE in this thread instead of raising SIGPIPE.
#pragma once

#include <pthread.h>

#include <csignal>
#include <ctime>

namespace flowmon {

// Blocks SIGPIPE for the calling thread only, so `flowmon ... | head` still
// ends quietly by SIGPIPE on stdout. A SIGPIPE raised while blocked is
// consumed before the old mask comes back, unless one was pending already.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeGuard() {
    if (!was_pending_) {
      const timespec no_wait{0, 0};
      while (sigtimedwait(&pipe_, nullptr, &no_wait) == SIGPIPE) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t pipe_;
  sigset_t old_;
  bool was_pending_ = false;
};

}  // namespace flowmon
