#include "ingest/cloudwatch/log_events.h"

#include <fmt/format.h>

#include "flowmon/core/time_util.h"

namespace flowmon {

void AddLogEvent(simdjson::dom::object e, std::string_view where, size_t at,
                 EventWriter* w) {
  std::string_view message;
  if (e["message"].get(message) != simdjson::SUCCESS) {
    w->Error(fmt::format(
        "{}event in document at byte {} has no \"message\" string", where, at));
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
  w->Add(ts, message);
}

void AddLogEvents(simdjson::dom::array events, std::string_view where,
                  size_t at, EventWriter* w) {
  for (simdjson::dom::element e : events) {
    simdjson::dom::object obj;
    if (e.get_object().get(obj) != simdjson::SUCCESS) {
      w->Error(fmt::format("{}document at byte {}: an event is not an object",
                           where, at));
      continue;
    }
    AddLogEvent(obj, where, at, w);
  }
}

}  // namespace flowmon
