// CloudWatch inputs: what `aws logs`, subscription filters, Firehose and
// the console write, turned into one event (message) per line with its
// CloudWatch timestamp.
#include <fmt/format.h>
#include <simdjson.h>

#include <cstring>
#include <vector>

#include "flowmon/core/time_util.h"
#include "flowmon/ingest/source.h"

namespace flowmon {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Finds the end of the JSON value that starts at text[begin] ('{' or
// '['), honouring strings and escapes. npos when it is unterminated.
size_t JsonValueEnd(std::string_view text, size_t begin) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

// Standard base64 (RFC 4648); false on a character outside the alphabet.
bool DecodeBase64(std::string_view in, std::string* out) {
  static const auto table = [] {
    std::array<int8_t, 256> t{};
    t.fill(-1);
    const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
      t[static_cast<unsigned char>(alphabet[i])] = static_cast<int8_t>(i);
    return t;
  }();
  out->clear();
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=' || IsSpace(c)) continue;
    const int8_t v = table[static_cast<unsigned char>(c)];
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return true;
}

// Inflates gzip bytes (any number of members) through a string source.
Status Gunzip(std::string name, std::string data, std::string* out) {
  std::unique_ptr<Source> source =
      NewStringSource(std::move(name), std::move(data), 1 << 16);
  out->clear();
  while (true) {
    Chunk chunk;
    Status s = source->Next(&chunk);
    if (!s.ok()) return s;
    if (chunk.data.empty()) return Status::Ok();
    out->append(chunk.data);
  }
}

// Accumulates events and the first problem met.
class EventWriter {
 public:
  explicit EventWriter(std::string name) : name_(std::move(name)) {}

  void Add(int64_t timestamp_ms, std::string_view message) {
    // One event per line: a message's own line breaks become spaces.
    const size_t start = out_.size();
    out_.append(message);
    for (size_t i = start; i < out_.size(); ++i) {
      if (out_[i] == '\n' || out_[i] == '\r') out_[i] = ' ';
    }
    out_.push_back('\n');
    timestamps_.push_back(timestamp_ms);
  }
  void Error(std::string message) {
    if (error_.ok())
      error_ = Status::Corrupt(fmt::format("{}: {}", name_, message));
  }

  // CloudWatch JSON documents concatenated with or without separators.
  void JsonDocuments(std::string_view text, std::string_view where) {
    size_t pos = 0;
    while (true) {
      while (pos < text.size() && IsSpace(text[pos])) ++pos;
      if (pos == text.size()) return;
      if (text[pos] != '{' && text[pos] != '[') {
        Error(fmt::format("{}invalid JSON at byte {}: expected '{{' or '['",
                          where, pos));
        return;
      }
      const size_t end = JsonValueEnd(text, pos);
      if (end == std::string_view::npos) {
        Error(fmt::format("{}invalid JSON at byte {}: truncated document",
                          where, pos));
        return;
      }
      simdjson::dom::element doc;
      const auto error = parser_.parse(text.data() + pos, end - pos).get(doc);
      if (error != simdjson::SUCCESS) {
        Error(fmt::format("{}invalid JSON at byte {}: {}", where, pos,
                          simdjson::error_message(error)));
        return;
      }
      // parse() reuses the parser: copy what nested documents need.
      Document(doc, where, pos);
      pos = end;
    }
  }

  // Base64 gzip payloads separated by white space.
  void SubscriptionPayloads(std::string_view text) {
    size_t pos = 0;
    size_t n = 0;
    while (pos < text.size()) {
      while (pos < text.size() && IsSpace(text[pos])) ++pos;
      size_t end = pos;
      while (end < text.size() && !IsSpace(text[end])) ++end;
      if (end > pos) Payload(text.substr(pos, end - pos), ++n);
      pos = end;
    }
  }

  std::string out_;
  std::vector<int64_t> timestamps_;
  Status error_;

 private:
  void Payload(std::string_view base64, size_t n) {
    std::string gz, json;
    if (!DecodeBase64(base64, &gz)) {
      Error(fmt::format("payload {}: not base64", n));
      return;
    }
    Status s = Gunzip(name_, std::move(gz), &json);
    if (!s.ok()) {
      Error(fmt::format("payload {}: {}", n,
                        s.message().substr(name_.size() + 2)));
      return;
    }
    // A nested parse would clobber the outer document: use a new parser.
    EventWriter nested(name_);
    nested.JsonDocuments(json, fmt::format("payload {}: ", n));
    out_ += nested.out_;
    timestamps_.insert(timestamps_.end(), nested.timestamps_.begin(),
                       nested.timestamps_.end());
    if (!nested.error_.ok() && error_.ok()) error_ = nested.error_;
  }

  void Event(simdjson::dom::object e, std::string_view where, size_t at) {
    std::string_view message;
    if (e["message"].get(message) != simdjson::SUCCESS) {
      Error(fmt::format(
          "{}event in document at byte {} has no \"message\" string", where,
          at));
      return;
    }
    int64_t ts = -1;
    simdjson::dom::element t;
    if (e["timestamp"].get(t) == simdjson::SUCCESS) {
      double d;
      std::string_view text;
      if (t.get_double().get(d) == simdjson::SUCCESS) {
        ts = static_cast<int64_t>(d);
      } else if (t.get_string().get(text) == simdjson::SUCCESS) {
        Result<int64_t> parsed = ParseTimestampMs(text);
        if (parsed.ok()) ts = *parsed;
      }
    }
    Add(ts, message);
  }

  void Events(simdjson::dom::array events, std::string_view where, size_t at) {
    for (simdjson::dom::element e : events) {
      simdjson::dom::object obj;
      if (e.get_object().get(obj) != simdjson::SUCCESS) {
        Error(fmt::format("{}document at byte {}: an event is not an object",
                          where, at));
        continue;
      }
      Event(obj, where, at);
    }
  }

  void Document(simdjson::dom::element doc, std::string_view where, size_t at) {
    simdjson::dom::array arr;
    if (doc.get_array().get(arr) == simdjson::SUCCESS) {
      // `--query events` output, or a list of payloads.
      for (simdjson::dom::element e : arr) Document(e, where, at);
      return;
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) {
      Error(fmt::format("{}document at byte {} is not an object", where, at));
      return;
    }
    std::string_view type;
    if (obj["messageType"].get(type) == simdjson::SUCCESS &&
        type == "CONTROL_MESSAGE") {
      return;  // CloudWatch's connectivity check, not log data
    }
    simdjson::dom::array events;
    if (obj["logEvents"].get(events) == simdjson::SUCCESS ||
        obj["events"].get(events) == simdjson::SUCCESS) {
      Events(events, where, at);
      return;
    }
    std::string_view data;
    if (obj.at_pointer("/awslogs/data").get(data) == simdjson::SUCCESS) {
      Payload(data, 1);
      return;
    }
    simdjson::dom::array records;
    if (obj["Records"].get(records) == simdjson::SUCCESS) {
      size_t n = 0;
      for (simdjson::dom::element r : records) {
        if (r.at_pointer("/kinesis/data").get(data) == simdjson::SUCCESS) {
          Payload(data, ++n);
        }
      }
      return;
    }
    if (obj["message"].error() == simdjson::SUCCESS) {
      Event(obj, where, at);
      return;
    }
    Error(fmt::format("{}document at byte {} holds no CloudWatch log events",
                      where, at));
  }

  std::string name_;
  simdjson::dom::parser parser_;
};

// Splits one CSV record starting at *pos (RFC 4180 quoting); false at end.
bool NextCsvRecord(std::string_view text, size_t* pos,
                   std::vector<std::string>* cells) {
  cells->clear();
  if (*pos >= text.size()) return false;
  std::string cell;
  bool quoted = false;
  size_t i = *pos;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells->push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      cell += c;
    }
  }
  cells->push_back(std::move(cell));
  *pos = i + 1;
  return true;
}

void ConvertCsv(std::string_view text, EventWriter* w) {
  size_t pos = 0;
  std::vector<std::string> cells;
  if (!NextCsvRecord(text, &pos, &cells)) return;
  int ts_col = -1, msg_col = -1;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i] == "timestamp" || cells[i] == "@timestamp")
      ts_col = static_cast<int>(i);
    if (cells[i] == "message" || cells[i] == "@message")
      msg_col = static_cast<int>(i);
  }
  if (msg_col < 0) {
    w->Error("CSV header has no message column");
    return;
  }
  size_t row = 1;
  while (NextCsvRecord(text, &pos, &cells)) {
    ++row;
    if (cells.size() == 1 && cells[0].empty()) continue;
    if (static_cast<size_t>(msg_col) >= cells.size()) {
      w->Error(fmt::format("CSV row {} has no message", row));
      continue;
    }
    int64_t ts = -1;
    if (ts_col >= 0 && static_cast<size_t>(ts_col) < cells.size()) {
      Result<int64_t> t = ParseTimestampMs(cells[static_cast<size_t>(ts_col)]);
      if (t.ok()) ts = *t;
    }
    w->Add(ts, cells[static_cast<size_t>(msg_col)]);
  }
}

// "2019-07-14T12:43:08.000Z " at the start of a line, or 0.
size_t ExportTimestampLength(std::string_view line) {
  if (line.size() < 21 || line[4] != '-' || line[7] != '-' || line[10] != 'T' ||
      line[13] != ':' || line[16] != ':') {
    return 0;
  }
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || line[space - 1] != 'Z') return 0;
  return space;
}

void ConvertExport(std::string_view text, EventWriter* w) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const size_t n = ExportTimestampLength(line);
    Result<int64_t> ts = n > 0 ? ParseTimestampMs(line.substr(0, n))
                               : Result<int64_t>(Status::Corrupt(""));
    if (!ts.ok()) {
      w->Add(-1, line);  // not an export line: keep it as it is
      continue;
    }
    w->Add(*ts, line.substr(n + 1));
  }
}

InputFormat Detect(std::string_view head) {
  size_t i = 0;
  if (head.starts_with("\xef\xbb\xbf")) i = 3;  // UTF-8 byte order mark
  while (i < head.size() && IsSpace(head[i])) ++i;
  const std::string_view rest = head.substr(i);
  if (rest.starts_with("H4sI")) return InputFormat::kSubscription;
  if (rest.starts_with("timestamp,message") ||
      rest.starts_with("\"timestamp\",\"message\"") ||
      rest.starts_with("@timestamp,@message") ||
      rest.starts_with("\"@timestamp\",\"@message\"")) {
    return InputFormat::kCsv;
  }
  if (ExportTimestampLength(rest.substr(0, rest.find('\n'))) > 0)
    return InputFormat::kExport;
  if (!rest.empty() && (rest[0] == '{' || rest[0] == '[')) {
    // CloudWatch's own documents name these keys; a JSON log line (an event
    // for JSON patterns) does not.
    const std::string_view first =
        rest.substr(0, std::min<size_t>(rest.size(), 1 << 16));
    for (const char* key :
         {"\"events\"", "\"logEvents\"", "\"awslogs\"", "\"messageType\""}) {
      if (first.find(key) != std::string_view::npos)
        return InputFormat::kCloudWatch;
    }
    if (first.find("\"Records\"") != std::string_view::npos &&
        first.find("\"kinesis\"") != std::string_view::npos) {
      return InputFormat::kCloudWatch;  // a Lambda event from Kinesis
    }
    // `--query events` output: an array of {timestamp, message} objects.
    if (rest[0] == '[' && first.find("\"message\"") != std::string_view::npos &&
        first.find("\"timestamp\"") != std::string_view::npos) {
      return InputFormat::kCloudWatch;
    }
  }
  return InputFormat::kText;
}

// Hands out the first chunk it was given, then the base's chunks.
class PassThroughSource : public Source {
 public:
  PassThroughSource(std::unique_ptr<Source> base, Chunk first,
                    Status first_status)
      : Source(base->name()),
        base_(std::move(base)),
        first_(first),
        first_status_(std::move(first_status)) {
    set_live(base_->live());
    set_size_hint(base_->size_hint());
  }
  Status Next(Chunk* chunk) override {
    if (!used_first_) {
      used_first_ = true;
      *chunk = first_;
      return first_status_;
    }
    return base_->Next(chunk);
  }
  bool whole() const override { return base_->whole(); }

 private:
  std::unique_ptr<Source> base_;
  Chunk first_;
  Status first_status_;
  bool used_first_ = false;
};

// The converted events, handed out as one chunk with their timestamps.
class EventSource : public Source {
 public:
  EventSource(std::string name, EventWriter writer, Status read_error,
              uint64_t size)
      : Source(std::move(name)),
        writer_(std::move(writer)),
        read_error_(std::move(read_error)) {
    set_size_hint(size);
  }
  Status Next(Chunk* chunk) override {
    *chunk = Chunk{};
    if (state_ == 0) {
      state_ = 1;
      chunk->data = writer_.out_;
      chunk->timestamps = writer_.timestamps_.data();
      if (!chunk->data.empty()) return Status::Ok();
    }
    if (state_ == 1) {
      state_ = 2;
      // A damaged gzip explains a damaged document: report the cause.
      if (!read_error_.ok()) return read_error_;
      if (!writer_.error_.ok()) return writer_.error_;
    }
    return Status::Ok();
  }

 private:
  EventWriter writer_;
  Status read_error_;
  int state_ = 0;
};

}  // namespace

Result<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "cloudwatch") return InputFormat::kCloudWatch;
  if (name == "subscription") return InputFormat::kSubscription;
  if (name == "csv") return InputFormat::kCsv;
  if (name == "export") return InputFormat::kExport;
  return Status::InvalidArgument(
      fmt::format("unknown input format '{}' (expected auto, text, cloudwatch, "
                  "subscription, csv or export)",
                  name));
}

Result<std::unique_ptr<Source>> ReadAsEvents(std::unique_ptr<Source> base,
                                             InputFormat format) {
  if (format == InputFormat::kText) return base;
  Chunk first;
  Status first_status = base->Next(&first);
  if (format == InputFormat::kAuto) {
    format = first_status.ok() ? Detect(first.data) : InputFormat::kText;
  }
  if (format == InputFormat::kText) {
    std::unique_ptr<Source> s = std::make_unique<PassThroughSource>(
        std::move(base), first, std::move(first_status));
    return s;
  }
  // Converted formats are read whole: their documents span chunks.
  std::string all(first.data);
  Status read_error = first_status;
  while (read_error.ok() && !first.data.empty()) {
    Chunk chunk;
    read_error = base->Next(&chunk);
    if (chunk.data.empty()) break;
    all.append(chunk.data);
  }
  EventWriter writer(base->name());
  switch (format) {
    case InputFormat::kCloudWatch:
      writer.JsonDocuments(all, "");
      break;
    case InputFormat::kSubscription:
      writer.SubscriptionPayloads(all);
      break;
    case InputFormat::kCsv:
      ConvertCsv(all, &writer);
      break;
    case InputFormat::kExport:
      ConvertExport(all, &writer);
      break;
    case InputFormat::kAuto:
    case InputFormat::kText:
      break;
  }
  std::unique_ptr<Source> s =
      std::make_unique<EventSource>(base->name(), std::move(writer),
                                    std::move(read_error), base->size_hint());
  return s;
}

}  // namespace flowmon
