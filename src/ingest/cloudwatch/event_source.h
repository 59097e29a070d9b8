// EventSource: the events a CloudWatch reader converted, handed out as one
// chunk with their timestamps.
#pragma once

#include <cstdint>
#include <string>

#include "flowmon/ingest/source.h"
#include "ingest/cloudwatch/event_writer.h"

namespace flowmon {

// The chunk points into the writer the source owns: valid as long as the
// source. Not whole(): converted inputs are scanned as streams.
class EventSource : public Source {
 public:
  // `read_error` is how reading the raw input ended; `size` its size hint.
  EventSource(std::string name, EventWriter writer, Status read_error,
              uint64_t size);
  // The events, then the read error if any (a damaged gzip explains a
  // damaged document), else the writer's error.
  Status Next(Chunk* chunk) override;

 private:
  EventWriter writer_;
  Status read_error_;
  int state_ = 0;  // 0: events next, 1: errors next, 2: done
};

}  // namespace flowmon
