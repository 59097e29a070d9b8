#include "ingest/stream_source.h"

#include <errno.h>
#include <fmt/format.h>

#include <cstring>

namespace flowmon {

StreamSource::StreamSource(std::string name, std::unique_ptr<ByteInput> input,
                           size_t block)
    : Source(std::move(name)), input_(std::move(input)), buffer_(block) {}

Status StreamSource::Next(Chunk* chunk) {
  while (true) {
    // The first chunk of a stream that is not live is long enough for the
    // pipeline's binary check (kBinaryProbeBytes). A stop request (SIGINT)
    // ends the input where the writer was: a last line it had not finished
    // is not a line, and is dropped.
    const size_t at_least =
        first_ && !live() && !stopped_ ? kBinaryProbeBytes : 0;
    if (buffer_.Take(eof_ && !stopped_, chunk, at_least)) {
      first_ = false;
      return Status::Ok();
    }
    if (eof_) {
      *chunk = Chunk{};
      return Status::Ok();
    }
    std::span<char> space = buffer_.PrepareWrite();
    const ssize_t n = input_->Read(space.data(), space.size());
    if (n < 0) {
      eof_ = true;
      *chunk = Chunk{};
      return Status::IoError(
          fmt::format("{}: read error: {}", name(), std::strerror(errno)));
    }
    if (n == 0) {
      eof_ = true;
      stopped_ = InputStopRequested();
    }
    buffer_.Commit(static_cast<size_t>(n));
  }
}

}  // namespace flowmon
