#include "ingest/cloudwatch/event_writer.h"

#include <fmt/format.h>

namespace flowmon {

void EventWriter::Add(int64_t timestamp_ms, std::string_view message) {
  AppendLine(message);
  timestamps_.push_back(timestamp_ms);
}

void EventWriter::Continue(std::string_view more) {
  if (timestamps_.empty()) {
    Add(-1, more);
    return;
  }
  text_.pop_back();  // the last event's '\n'
  const bool empty = text_.empty() || text_.back() == '\n';
  if (!empty) text_.push_back(' ');
  AppendLine(more);
}

void EventWriter::ClearEvents() {
  text_.clear();
  timestamps_.clear();
}

void EventWriter::AppendLine(std::string_view message) {
  const size_t start = text_.size();
  text_.append(message);
  for (size_t i = start; i < text_.size(); ++i) {
    if (text_[i] == '\n' || text_[i] == '\r') text_[i] = ' ';
  }
  text_.push_back('\n');
}

void EventWriter::Error(std::string_view message) {
  if (error_.ok()) {
    error_ = Status::Corrupt(fmt::format("{}: {}", name_, message));
  }
}

}  // namespace flowmon
