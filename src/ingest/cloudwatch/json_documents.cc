#include "ingest/cloudwatch/json_documents.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <string>

#include "ingest/cloudwatch/json_scan.h"
#include "ingest/cloudwatch/log_events.h"
#include "ingest/cloudwatch/payload.h"

namespace flowmon {
namespace {

// One parser for the documents of one text: parse() reuses it, so a
// payload nested in a document gets a reader of its own.
class JsonDocumentReader {
 public:
  JsonDocumentReader(EventWriter* w, size_t offset) : w_(w), offset_(offset) {}

  void Read(std::string_view text, std::string_view where) {
    size_t pos = 0;
    while (true) {
      while (pos < text.size() && IsJsonSpace(text[pos])) ++pos;
      if (pos == text.size()) return;
      if (text[pos] != '{' && text[pos] != '[') {
        w_->Error(fmt::format("{}invalid JSON at byte {}: expected '{{' or '['",
                              where, offset_ + pos));
        return;
      }
      const size_t end = JsonValueEnd(text, pos);
      if (end == std::string_view::npos) {
        w_->Error(fmt::format("{}invalid JSON at byte {}: truncated document",
                              where, offset_ + pos));
        return;
      }
      simdjson::dom::element doc;
      const auto error = parser_.parse(text.data() + pos, end - pos).get(doc);
      if (error != simdjson::SUCCESS) {
        w_->Error(fmt::format("{}invalid JSON at byte {}: {}", where,
                              offset_ + pos, simdjson::error_message(error)));
        return;
      }
      Document(doc, where, offset_ + pos);
      pos = end;
    }
  }

 private:
  void Document(simdjson::dom::element doc, std::string_view where, size_t at) {
    simdjson::dom::array arr;
    if (doc.get_array().get(arr) == simdjson::SUCCESS) {
      // `--query events` output, or a list of payloads.
      for (simdjson::dom::element e : arr) Document(e, where, at);
      return;
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) {
      w_->Error(
          fmt::format("{}document at byte {} is not an object", where, at));
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
      AddLogEvents(events, where, at, w_);
      return;
    }
    std::string_view data;
    if (obj.at_pointer("/awslogs/data").get(data) == simdjson::SUCCESS) {
      ReadSubscriptionPayload(data, 1, w_);  // a Lambda awslogs event
      return;
    }
    simdjson::dom::array records;
    if (obj["Records"].get(records) == simdjson::SUCCESS) {
      size_t n = 0;  // a Lambda event from Kinesis
      for (simdjson::dom::element r : records) {
        if (r.at_pointer("/kinesis/data").get(data) == simdjson::SUCCESS) {
          ReadSubscriptionPayload(data, ++n, w_);
        }
      }
      return;
    }
    if (obj["message"].error() == simdjson::SUCCESS) {
      AddLogEvent(obj, where, at, w_);
      return;
    }
    w_->Error(fmt::format(
        "{}document at byte {} holds no CloudWatch log events", where, at));
  }

  EventWriter* w_;
  size_t offset_;  // of the text in the input
  simdjson::dom::parser parser_;
};

}  // namespace

void ReadJsonDocuments(std::string_view text, std::string_view where,
                       EventWriter* w, size_t offset) {
  JsonDocumentReader(w, offset).Read(text, where);
}

void ReadSubscriptionPayload(std::string_view base64, size_t n,
                             EventWriter* w) {
  std::string json;
  if (Status s = DecodePayload(base64, &json); !s.ok()) {
    w->Error(fmt::format("payload {}: {}", n, s.message()));
    return;
  }
  ReadJsonDocuments(json, fmt::format("payload {}: ", n), w);
}

}  // namespace flowmon
