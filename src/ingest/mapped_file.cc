#include "ingest/mapped_file.h"

#include <errno.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>

namespace flowmon {
namespace {

// A file that shrinks while it is mapped (a log rotated or rewritten under
// flowmon) turns reads of its lost pages into SIGBUS. Each live mapping has
// a slot here; the handler finds the faulting one, maps zero pages over the
// rest of it so the scan runs on to its end, and notes where the file was
// cut, which the source then reports as an input error.
struct GuardSlot {
  std::atomic<bool> used{false};
  std::atomic<uintptr_t> begin{0};  // 0: not armed
  std::atomic<uintptr_t> end{0};
  std::atomic<uintptr_t> cut{UINTPTR_MAX};  // the first lost page
};

// Mappings alive at once: inputs are opened one at a time, plus a few
// held by sources that read from them. Past this, a mapping is unguarded
// and a shrinking file ends flowmon with SIGBUS, as without the guard.
constexpr size_t kGuardSlots = 64;
GuardSlot g_slots[kGuardSlots];
uintptr_t g_page_mask = 0;
struct sigaction g_previous;

void OnSigbus(int sig, siginfo_t* info, void* context) {
  const uintptr_t at = reinterpret_cast<uintptr_t>(info->si_addr);
  for (GuardSlot& slot : g_slots) {
    const uintptr_t begin = slot.begin.load(std::memory_order_acquire);
    const uintptr_t end = slot.end.load(std::memory_order_acquire);
    if (begin == 0 || at < begin || at >= end) continue;
    const uintptr_t page = at & ~g_page_mask;
    // mmap is a plain system call on Linux, safe in a synchronous handler.
    void* p = ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (p == MAP_FAILED) break;
    uintptr_t cut = slot.cut.load(std::memory_order_relaxed);
    while (page < cut && !slot.cut.compare_exchange_weak(cut, page)) {
    }
    return;  // the faulting read runs again, on a zero page
  }
  // Not a guarded mapping: what would have happened without the guard.
  if ((g_previous.sa_flags & SA_SIGINFO) != 0 &&
      g_previous.sa_sigaction != nullptr) {
    g_previous.sa_sigaction(sig, info, context);
    return;
  }
  if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
    g_previous.sa_handler(sig);
    return;
  }
  ::signal(SIGBUS, SIG_DFL);  // the read faults again and ends the process
}

void InstallGuard() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_page_mask = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE)) - 1;
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = &OnSigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGBUS, &sa, &g_previous);
  });
}

GuardSlot* Arm(void* data, size_t size) {
  InstallGuard();
  for (GuardSlot& slot : g_slots) {
    bool expected = false;
    if (!slot.used.compare_exchange_strong(expected, true)) continue;
    slot.cut.store(UINTPTR_MAX, std::memory_order_relaxed);
    const uintptr_t begin = reinterpret_cast<uintptr_t>(data);
    slot.end.store(begin + size, std::memory_order_release);
    slot.begin.store(begin, std::memory_order_release);
    return &slot;
  }
  return nullptr;
}

void Disarm(GuardSlot* slot) {
  slot->begin.store(0, std::memory_order_release);
  slot->end.store(0, std::memory_order_release);
  slot->used.store(false, std::memory_order_release);
}

}  // namespace

Mapping::~Mapping() {
  if (guard_ != nullptr) Disarm(static_cast<GuardSlot*>(guard_));
  if (data_ != nullptr) ::munmap(data_, size_);
  if (fd_ >= 0) ::close(fd_);
}

size_t Mapping::ReadAt(size_t offset, char* buf, size_t len) const {
  size_t done = 0;
  while (fd_ >= 0 && done < len) {
    const ssize_t got =
        ::pread(fd_, buf + done, len - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      read_errno_.store(errno);
      break;
    }
    if (got == 0) {
      // The file ends before the mapping does: it shrank.
      size_t cut = short_at_.load();
      while (offset + done < cut &&
             !short_at_.compare_exchange_weak(cut, offset + done)) {
      }
      break;
    }
    done += static_cast<size_t>(got);
  }
  return done;
}

Status Mapping::Map(int fd, size_t size, const std::string& name) {
  if (size == 0) return Status::Ok();
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) {
    return Status::IoError(
        fmt::format("{}: cannot map file: {}", name, std::strerror(errno)));
  }
  // Advice values are not flags: each is its own call. Read-ahead on, and
  // pages behind the scan may be dropped first.
  ::madvise(p, size, MADV_SEQUENTIAL);
  ::madvise(p, size, MADV_WILLNEED);
  data_ = p;
  size_ = size;
  guard_ = Arm(p, size);
  return Status::Ok();
}

std::optional<size_t> Mapping::cut_at() const {
  size_t at = short_at_.load();
  if (guard_ != nullptr) {
    const uintptr_t cut =
        static_cast<GuardSlot*>(guard_)->cut.load(std::memory_order_acquire);
    if (cut != UINTPTR_MAX) {
      at = std::min(
          at, static_cast<size_t>(cut - reinterpret_cast<uintptr_t>(data_)));
    }
  }
  if (at == SIZE_MAX) return std::nullopt;
  return at;
}

MappedSource::MappedSource(std::string name, std::unique_ptr<Mapping> mapping)
    : WholeSource(std::move(name)), mapping_(std::move(mapping)) {
  set_bytes(mapping_->view());
}

Status MappedSource::Finish() {
  if (const int e = mapping_->read_error(); e != 0) {
    return Status::IoError(
        fmt::format("{}: cannot read: {}; the results leave out the rest",
                    name(), std::strerror(e)));
  }
  const std::optional<size_t> cut = mapping_->cut_at();
  if (!cut) return Status::Ok();
  // The page the new end falls in reads as zeros past it, so the size now
  // is the better bound when the file is still there.
  size_t kept = *cut;
  struct stat st;
  if (::stat(name().c_str(), &st) == 0 &&
      static_cast<uint64_t>(st.st_size) < kept) {
    kept = static_cast<size_t>(st.st_size);
  }
  return Status::IoError(fmt::format(
      "{}: the file shrank from {} to {} bytes while it was read; the results "
      "leave out the rest",
      name(), mapping_->view().size(), kept));
}

}  // namespace flowmon
