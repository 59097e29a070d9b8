#include "flowmon/core/schema.h"

#include <fmt/format.h>

namespace flowmon {

Schema::Schema(std::vector<const FlowField*> columns, bool raw)
    : columns_(std::move(columns)), raw_(raw) {
  start_index_ = IndexOf("start");
}

Schema Schema::DefaultV2() {
  std::vector<const FlowField*> columns;
  for (const FlowField& f : AllFlowFields()) {
    if (f.version == 2) columns.push_back(&f);
  }
  return Schema(std::move(columns), false);
}

Schema Schema::Raw() { return Schema({}, true); }

Result<Schema> Schema::FromFormat(std::string_view format) {
  std::vector<const FlowField*> columns;
  size_t i = 0;
  while (i < format.size()) {
    if (format[i] == ' ') {
      ++i;
      continue;
    }
    if (format.compare(i, 2, "${") != 0) {
      return Status::InvalidArgument(fmt::format(
          "invalid --format at column {}: expected '${{field-name}}'", i + 1));
    }
    const size_t close = format.find('}', i);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument(
          fmt::format("invalid --format at column {}: missing '}}'", i + 1));
    }
    const std::string_view name = format.substr(i + 2, close - i - 2);
    const FlowField* field = FindFlowField(name);
    if (field == nullptr) {
      return Status::InvalidArgument(fmt::format(
          "invalid --format at column {}: unknown field '{}' (see 'flowmon "
          "fields')",
          i + 3, name));
    }
    columns.push_back(field);
    i = close + 1;
  }
  if (columns.empty()) {
    return Status::InvalidArgument("invalid --format: no fields");
  }
  return Schema(std::move(columns), false);
}

std::optional<Schema> Schema::FromHeaderLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<const FlowField*> columns;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    size_t end = line.find(' ', i);
    if (end == std::string_view::npos) end = line.size();
    const FlowField* field = FindFlowField(line.substr(i, end - i));
    if (field == nullptr) return std::nullopt;
    columns.push_back(field);
    i = end;
  }
  if (columns.empty()) return std::nullopt;
  return Schema(std::move(columns), false);
}

int Schema::IndexOf(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i]->name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string Schema::FormatString() const {
  std::string out;
  for (const FlowField* f : columns_) {
    if (!out.empty()) out += ' ';
    out += fmt::format("${{{}}}", f->name);
  }
  return out;
}

}  // namespace flowmon
