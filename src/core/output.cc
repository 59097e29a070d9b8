#include "flowmon/core/output.h"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace flowmon {
namespace {

// The errno of the last failed write: fwrite leaves the stream's error
// flag but a later call may change errno before FinishOutput reads it.
std::atomic<int> g_write_errno{0};

std::atomic<void (*)()> g_stdout_failure_listener{nullptr};

void WriteFailed(std::FILE* f) {
  g_write_errno.store(errno, std::memory_order_relaxed);
  if (f != stdout) return;
  if (void (*listener)() = g_stdout_failure_listener.load(); listener) {
    listener();
  }
}

Status WriteError(std::string_view name, int err) {
  if (err == EPIPE) return Status::Ok();
  return Status::IoError(fmt::format("cannot write to {}: {}", name,
                                     std::strerror(err != 0 ? err : EIO)));
}

}  // namespace

bool WriteOutput(std::FILE* f, std::string_view bytes) {
  if (bytes.empty()) return std::ferror(f) == 0;
  if (std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size()) {
    return true;
  }
  WriteFailed(f);
  return false;
}

bool FlushOutput(std::FILE* f) {
  if (std::fflush(f) == 0) return true;
  WriteFailed(f);
  return false;
}

void SetStdoutFailureListener(void (*listener)()) {
  g_stdout_failure_listener.store(listener);
}

Status FinishOutput(std::FILE* f, std::string_view name) {
  errno = 0;
  int err = 0;
  if (std::fflush(f) != 0) {
    err = errno;
  } else if (std::ferror(f) != 0) {
    err = g_write_errno.load(std::memory_order_relaxed);
    if (err == 0) err = EIO;
  } else {
    return Status::Ok();
  }
  // Reported once: a later FinishOutput of the same stream (the process's
  // last check of stdout) does not repeat it.
  std::clearerr(f);
  g_write_errno.store(0, std::memory_order_relaxed);
  return WriteError(name, err);
}

Status CloseOutput(std::FILE* f, std::string_view name) {
  Status s = FinishOutput(f, name);
  errno = 0;
  if (std::fclose(f) != 0 && s.ok()) return WriteError(name, errno);
  return s;
}

}  // namespace flowmon
