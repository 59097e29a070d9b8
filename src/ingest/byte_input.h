// ByteInput: where a stream's bytes come from, read block by block: a file
// descriptor (after a few bytes already read from it), or memory.
#pragma once

#include <sys/types.h>

#include <cstdint>
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
  // The bytes Read() has handed out (the replayed prefix included).
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  ssize_t ReadSome(char* dst, size_t n);

  int fd_ = -1;
  bool owns_fd_ = false;
  std::string prefix_;
  size_t pos_ = 0;
  std::string_view memory_;
  size_t mem_pos_ = 0;
  uint64_t bytes_read_ = 0;
};

}  // namespace flowmon
