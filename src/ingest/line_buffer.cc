#include "ingest/line_buffer.h"

#include <cstring>

namespace flowmon {

LineBuffer::LineBuffer(size_t capacity, size_t max_line)
    : buf_(capacity < 16 ? 16 : capacity),
      initial_(buf_.size()),
      max_line_(max_line) {}

std::span<char> LineBuffer::PrepareWrite() {
  if (head_ > 0) {
    std::memmove(buf_.data(), buf_.data() + head_, size_ - head_);
    size_ -= head_;
    scanned_ = scanned_ > head_ ? scanned_ - head_ : 0;
    head_ = 0;
  }
  if (size_ == buf_.size() && unlimited_) {
    buf_.resize(buf_.size() * 2);
  } else if (size_ == buf_.size() && buf_.size() < max_line_ + initial_) {
    buf_.resize(std::min(buf_.size() * 2, max_line_ + initial_));
  }
  return std::span<char>(buf_.data() + size_, buf_.size() - size_);
}

void LineBuffer::Commit(size_t n) { size_ += n; }

bool LineBuffer::Take(bool eof, Chunk* chunk, size_t at_least) {
  chunk->too_long = false;
  if (discarding_) {
    const void* nl = std::memchr(buf_.data() + head_, '\n', size_ - head_);
    if (nl == nullptr) {
      head_ = scanned_ = size_;
      return false;
    }
    head_ = static_cast<size_t>(static_cast<const char*>(nl) - buf_.data()) + 1;
    scanned_ = head_;
    discarding_ = false;
  }
  if (head_ == size_) return false;
  if (at_least > 0 && eof) {
    // All of an input shorter than at_least, in one chunk.
    chunk->data = std::string_view(buf_.data() + head_, size_ - head_);
    head_ = scanned_ = size_;
    return true;
  }
  const size_t from = std::max(scanned_, head_);
  const void* last = memrchr(buf_.data() + from, '\n', size_ - from);
  if (last != nullptr) {
    const size_t end =
        static_cast<size_t>(static_cast<const char*>(last) - buf_.data()) + 1;
    // Held until at_least bytes of whole lines are in, unless a line too
    // long to wait for follows them.
    if (end - head_ < at_least && (unlimited_ || size_ - end <= max_line_)) {
      return false;
    }
    chunk->data = std::string_view(buf_.data() + head_, end - head_);
    head_ = scanned_ = end;
    return true;
  }
  scanned_ = size_;
  if (eof) {
    chunk->data = std::string_view(buf_.data() + head_, size_ - head_);
    head_ = scanned_ = size_;
    return true;
  }
  if (!unlimited_ && size_ - head_ > max_line_) {
    chunk->data = std::string_view(buf_.data() + head_, size_ - head_);
    chunk->too_long = true;
    head_ = scanned_ = size_;
    discarding_ = true;
    return true;
  }
  return false;
}

}  // namespace flowmon
