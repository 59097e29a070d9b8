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
  // `base` is the raw input, read to its end (the source takes its name,
  // size hint and bytes consumed); `read_error` is how reading it ended.
  EventSource(const Source& base, EventWriter writer, Status read_error);
  // The events, then the read error if any (a damaged gzip explains a
  // damaged document), else the writer's error.
  Status Next(Chunk* chunk) override;
  uint64_t bytes_consumed() const override { return consumed_; }

 private:
  EventWriter writer_;
  Status read_error_;
  int state_ = 0;  // 0: events next, 1: errors next, 2: done
  uint64_t consumed_;
};

}  // namespace flowmon
