// LineBuffer: the refill/roll/grow buffer that turns a byte stream into
// chunks of whole lines (stream and gzip sources).
#pragma once

#include <span>
#include <vector>

#include "flowmon/ingest/source.h"
#include "flowmon/scan/tokenizer.h"

namespace flowmon {

class LineBuffer {
 public:
  explicit LineBuffer(size_t capacity, size_t max_line = kMaxLineBytes);

  // Drops what the last Take() handed out and returns free space to write
  // new bytes into, growing the buffer while a line does not fit (up to
  // max_line + capacity). Invalidates the last chunk.
  std::span<char> PrepareWrite();
  // Records that n bytes were written into the space PrepareWrite gave.
  void Commit(size_t n);
  // Hands out the whole lines buffered so far, everything left when eof,
  // or the start of an over-long line. False when there is nothing yet.
  // With `at_least`, whole lines are held until they make at least that
  // many bytes, and at eof everything left is one chunk.
  bool Take(bool eof, Chunk* chunk, size_t at_least = 0);
  // Lifts the line limit: lines of any length are handed out whole, and
  // the rest of a line that was handed out too_long follows.
  void KeepLongLines() {
    unlimited_ = true;
    discarding_ = false;
  }

 private:
  std::vector<char> buf_;
  size_t head_ = 0;     // first byte not handed out
  size_t size_ = 0;     // bytes in buf_
  size_t scanned_ = 0;  // [head_, scanned_) holds no '\n'
  size_t initial_;
  size_t max_line_;
  bool discarding_ = false;  // dropping the rest of an over-long line
  bool unlimited_ = false;   // KeepLongLines() was called
};

}  // namespace flowmon
