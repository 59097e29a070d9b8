#include "ingest/gzip_source.h"

#include <errno.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace flowmon {

GzipSource::GzipSource(std::string name, std::unique_ptr<ByteInput> input,
                       size_t block)
    : Source(std::move(name)),
      input_(std::move(input)),
      in_(std::max<size_t>(block, 64 << 10)),
      buffer_(block) {
  if (Status s = inflater_.Init(); !s.ok()) Fail(s.message());
}

Status GzipSource::Next(Chunk* chunk) {
  while (true) {
    // As StreamSource: a first chunk the binary check can rely on.
    const size_t at_least = first_ && !live() ? kBinaryProbeBytes : 0;
    if (buffer_.Take(done_, chunk, at_least)) {
      first_ = false;
      return Status::Ok();
    }
    if (done_) {
      *chunk = Chunk{};
      Status s = std::move(pending_);
      pending_ = Status::Ok();
      return s;
    }
    Step();
  }
}

void GzipSource::Fail(std::string what) {
  pending_ = Status::Corrupt(fmt::format("{}: {}", name(), what));
  done_ = true;
}

void GzipSource::Step() {
  if (inflater_.needs_input()) {
    if (input_eof_) {
      // A stop request (SIGINT) ends the input early: not damage.
      if (InputStopRequested()) {
        done_ = true;
        return;
      }
      if (Status s = inflater_.Finish(); !s.ok()) {
        Fail(s.message());
      } else {
        done_ = true;
      }
      return;
    }
    const ssize_t n = input_->Read(in_.data(), in_.size());
    if (n < 0) {
      Fail(fmt::format("read error: {}", std::strerror(errno)));
      return;
    }
    if (n == 0) {
      input_eof_ = true;
      return;
    }
    inflater_.Feed(in_.data(), static_cast<size_t>(n));
  }
  std::span<char> space = buffer_.PrepareWrite();
  Status error;
  buffer_.Commit(inflater_.Inflate(space, &error));
  if (!error.ok()) Fail(error.message());
}

}  // namespace flowmon
