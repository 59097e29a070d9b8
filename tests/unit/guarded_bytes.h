// GuardedBytes: test bytes placed against an unmapped page, so that a read
// one byte before or after them faults at once instead of passing unseen.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <string_view>

namespace flowmon::testing {

class GuardedBytes {
 public:
  enum class Edge { kBefore, kAfter };  // which side is guarded

  // Copies `text` (at most one page) so that it starts right after an
  // inaccessible page (kBefore) or ends right before one (kAfter).
  GuardedBytes(std::string_view text, Edge edge)
      : page_(static_cast<size_t>(::sysconf(_SC_PAGESIZE))) {
    void* m = ::mmap(nullptr, 3 * page_, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    base_ = m == MAP_FAILED ? nullptr : static_cast<char*>(m);
    if (base_ == nullptr || text.size() > page_) return;
    ::mprotect(base_, page_, PROT_NONE);
    ::mprotect(base_ + 2 * page_, page_, PROT_NONE);
    char* at =
        edge == Edge::kBefore ? base_ + page_ : base_ + 2 * page_ - text.size();
    std::memcpy(at, text.data(), text.size());
    view_ = std::string_view(at, text.size());
  }
  ~GuardedBytes() {
    if (base_ != nullptr) ::munmap(base_, 3 * page_);
  }
  GuardedBytes(const GuardedBytes&) = delete;
  GuardedBytes& operator=(const GuardedBytes&) = delete;

  std::string_view view() const { return view_; }

 private:
  size_t page_;
  char* base_ = nullptr;
  std::string_view view_;
};

}  // namespace flowmon::testing
