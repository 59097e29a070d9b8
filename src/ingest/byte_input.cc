#include "ingest/byte_input.h"

#include <errno.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>

#include "flowmon/ingest/source.h"

namespace flowmon {
namespace {

volatile std::sig_atomic_t g_stop_requested = 0;
volatile std::sig_atomic_t g_stop_signal = 0;
// Stop requests so far, and how many there were when the input ended (-1
// before): later ones stop the evaluations.
std::atomic<int> g_stop_count{0};
std::atomic<int> g_stops_at_input_end{-1};
static_assert(std::atomic<int>::is_always_lock_free);  // signal-safe

}  // namespace

void RequestInputStop() {
  g_stop_requested = 1;
  g_stop_count.fetch_add(1, std::memory_order_relaxed);
}
void RequestInputStop(int signo) {
  g_stop_signal = signo;
  RequestInputStop();
}
bool InputStopRequested() { return g_stop_requested != 0; }

void MarkInputEnded() {
  int none = -1;
  g_stops_at_input_end.compare_exchange_strong(
      none, g_stop_count.load(std::memory_order_relaxed));
}
bool EvaluationStopRequested() {
  const int mark = g_stops_at_input_end.load(std::memory_order_relaxed);
  return mark >= 0 && g_stop_count.load(std::memory_order_relaxed) > mark;
}
int StopSignal() { return g_stop_signal; }

ByteInput::ByteInput(int fd, bool owns_fd, std::string prefix)
    : fd_(fd), owns_fd_(owns_fd), prefix_(std::move(prefix)) {}

ByteInput::ByteInput(std::string_view memory) : memory_(memory) {}

ByteInput::~ByteInput() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

ssize_t ByteInput::Read(char* dst, size_t n) {
  const ssize_t got = ReadSome(dst, n);
  if (got > 0) bytes_read_ += static_cast<uint64_t>(got);
  return got;
}

ssize_t ByteInput::ReadSome(char* dst, size_t n) {
  if (pos_ < prefix_.size()) {
    size_t k = std::min(n, prefix_.size() - pos_);
    std::memcpy(dst, prefix_.data() + pos_, k);
    pos_ += k;
    // The sniffed bytes alone ("{\n" of pretty-printed JSON) would be a
    // first chunk too short to tell the input's format from: what follows
    // them comes in the same read. An error shows at the next read.
    if (pos_ == prefix_.size() && k < n && fd_ >= 0) {
      ssize_t r;
      do {
        r = ::read(fd_, dst + k, n - k);
      } while (r < 0 && errno == EINTR && !InputStopRequested());
      if (r > 0) k += static_cast<size_t>(r);
    }
    return static_cast<ssize_t>(k);
  }
  if (fd_ < 0) {
    const size_t k = std::min(n, memory_.size() - mem_pos_);
    std::memcpy(dst, memory_.data() + mem_pos_, k);
    mem_pos_ += k;
    return static_cast<ssize_t>(k);
  }
  while (true) {
    if (InputStopRequested()) return 0;
    const ssize_t r = ::read(fd_, dst, n);
    if (r >= 0 || errno != EINTR) return r;
  }
}

}  // namespace flowmon
