// EventWriter: where the CloudWatch readers put the events they convert:
// one message per line, each line's timestamp, and the first problem met.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"

namespace flowmon {

class EventWriter {
 public:
  // `name` is the input's, for error messages.
  explicit EventWriter(std::string name) : name_(std::move(name)) {}

  // Appends one event; a timestamp of -1 means the event has none. The
  // message's own line breaks become spaces: one event per line.
  void Add(int64_t timestamp_ms, std::string_view message);
  // Appends `more` to the last event's message, after a line break (a
  // space, as above) unless that message is empty; Add() when there is no
  // event yet.
  void Continue(std::string_view more);
  // Forgets the events (not the error), keeping the memory: for readers
  // that convert an input chunk by chunk.
  void ClearEvents();
  // Records a problem as "<name>: <message>" unless one was recorded.
  void Error(std::string_view message);

  // The events, one per '\n'-terminated line, and their timestamps (one per
  // line). Valid until the next Add(), Continue() or ClearEvents(), or the
  // writer's destruction.
  std::string_view text() const { return text_; }
  const int64_t* timestamps() const { return timestamps_.data(); }
  // The first problem, OK when there was none.
  const Status& error() const { return error_; }

 private:
  // `message` and its '\n', its own line breaks made spaces.
  void AppendLine(std::string_view message);

  std::string name_;
  std::string text_;
  std::vector<int64_t> timestamps_;
  Status error_;
};

}  // namespace flowmon
