#include "ingest/cloudwatch/event_source.h"

namespace flowmon {

EventSource::EventSource(const Source& base, EventWriter writer,
                         Status read_error)
    : Source(base.name()),
      writer_(std::move(writer)),
      read_error_(std::move(read_error)),
      consumed_(base.bytes_consumed()) {
  set_size_hint(base.size_hint());
}

Status EventSource::Next(Chunk* chunk) {
  *chunk = Chunk{};
  if (state_ == 0) {
    state_ = 1;
    chunk->data = writer_.text();
    chunk->timestamps = writer_.timestamps();
    if (!chunk->data.empty()) return Status::Ok();
  }
  if (state_ == 1) {
    state_ = 2;
    if (!read_error_.ok()) return read_error_;
    if (!writer_.error().ok()) return writer_.error();
  }
  return Status::Ok();
}

}  // namespace flowmon
