// WholeGzipSource: a small gzip file inflated whole with libdeflate
// (several times faster than zlib) and handed out as one chunk, so the
// pipeline can split it across threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/whole_source.h"

namespace flowmon {

// Memory for inflated bytes, recycled from source to source. The inputs
// of an S3 tree open on threads of their own (pipeline.cc, OpensAhead),
// and memory fresh from the kernel costs a page fault every 4 KiB: with
// two threads, faulting in each input's buffer was a fifth of the work.
// A few buffers that were handed back are kept (kMaxIdleBytes in all).
class InflateBuffer {
 public:
  InflateBuffer() = default;
  ~InflateBuffer();
  InflateBuffer(InflateBuffer&& other) noexcept;
  InflateBuffer& operator=(InflateBuffer&& other) noexcept;

  // A buffer of at least `capacity` bytes, with no bytes kept (and not
  // zeroed): a recycled one when one is big enough. Thread-safe.
  static InflateBuffer Get(size_t capacity);
  // Makes room for `capacity` bytes, keeping the first `keep`.
  void Grow(size_t capacity, size_t keep);
  char* data() { return data_.get(); }
  size_t capacity() const { return capacity_; }

 private:
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
};

// The chunk points into the inflated bytes, which live as long as the
// source.
class WholeGzipSource : public WholeSource {
 public:
  explicit WholeGzipSource(std::string name) : WholeSource(std::move(name)) {}
  // Inflates every member of `in`; false (nothing kept) on damage or when
  // the output would pass `limit`, so the caller can fall back to zlib,
  // which salvages what precedes damage.
  bool Inflate(std::string_view in, size_t limit);

 private:
  InflateBuffer out_;
};

}  // namespace flowmon
