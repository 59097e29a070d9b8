#include "flowmon/core/schema.h"

#include <fmt/format.h>

#include "flowmon/core/header_words.h"

namespace flowmon {
namespace {

// One insertion, deletion, substitution or swap of neighbours turns `a`
// into `b`.
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return a.size() != b.size();
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // swap
  }
  return a.substr(i) == b.substr(i + 1);  // b has one more byte
}

}  // namespace

bool IsTypoOfKnownField(std::string_view name) {
  for (const FlowField& f : AllFlowFields()) {
    if (OneEditApart(name, f.name)) return true;
  }
  return false;
}

Schema::Schema(std::vector<const FlowField*> columns, bool raw)
    : columns_(std::move(columns)), raw_(raw) {
  start_index_ = IndexOf("start");
}

Schema Schema::DefaultV2() {
  std::vector<const FlowField*> columns;
  for (const FlowField& f : AllFlowFields()) {
    if (f.version == 2 && (f.logs & kVpcFlowLogs) != 0) columns.push_back(&f);
  }
  return Schema(std::move(columns), false);
}

Schema Schema::DefaultTgw() {
  std::vector<const FlowField*> columns;
  for (const std::string_view name : TgwDefaultFieldNames()) {
    columns.push_back(FindFlowField(name));
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
    if (field == nullptr && !IsTypoOfKnownField(name)) field = FieldNamed(name);
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

Result<Schema> Schema::FromFormatOption(std::string_view text) {
  if (text.empty() || text == "v2" || text == "default") return DefaultV2();
  if (text == "tgw") return DefaultTgw();
  if (text == "raw") return Raw();
  return FromFormat(text);
}

std::optional<Schema> Schema::FromHeaderLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    size_t end = line.find(' ', i);
    if (end == std::string_view::npos) end = line.size();
    words.push_back(line.substr(i, end - i));
    i = end;
  }
  if (!AreHeaderWords(words)) return std::nullopt;
  std::vector<const FlowField*> columns;
  for (const std::string_view w : words) {
    const FlowField* field = FieldNamed(w);
    if (field == nullptr) return std::nullopt;
    columns.push_back(field);
  }
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

std::string Schema::Name() const {
  if (raw_) return "raw";
  if (*this == DefaultV2()) return "v2";
  if (*this == DefaultTgw()) return "tgw";
  return FormatString();
}

}  // namespace flowmon
