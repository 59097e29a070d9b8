// ByteInput: where a stream's bytes come from, read block by block: a file
// descriptor (after a few bytes already read from it), or memory.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

namespace flowmon {

class ByteInput {
 public:
  // Replays `prefix` (bytes already read from fd to sniff its format), then
  // reads fd. Closes fd on destruction when owns_fd.
  ByteInput(int fd, bool owns_fd, std::string prefix);
  // Reads `memory`, which must outlive the ByteInput.
  explicit ByteInput(std::string_view memory);
  ~ByteInput();
  ByteInput(const ByteInput&) = delete;
  ByteInput& operator=(const ByteInput&) = delete;

  // Reads up to n bytes; 0 at end of input (or once RequestInputStop was
  // called, for a descriptor); -1 with errno on error.
  ssize_t Read(char* dst, size_t n);

 private:
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string prefix_;
  size_t pos_ = 0;
  std::string_view memory_;
  size_t mem_pos_ = 0;
};

}  // namespace flowmon
