#include "ingest/cloudwatch/event_source.h"

namespace flowmon {

EventSource::EventSource(std::string name, EventWriter writer,
                         Status read_error, uint64_t size)
    : Source(std::move(name)),
      writer_(std::move(writer)),
      read_error_(std::move(read_error)) {
  set_size_hint(size);
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
