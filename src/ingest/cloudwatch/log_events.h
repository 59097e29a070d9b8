// Log events as CloudWatch writes them in JSON: {"timestamp": ...,
// "message": "..."} objects, in the "events" of `aws logs` pages
// (filter-log-events, get-log-events) and the "logEvents" of subscription
// messages.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <string_view>

#include "ingest/cloudwatch/event_writer.h"

namespace flowmon {

// Adds event `e` to w. The timestamp may be epoch milliseconds or a time
// string; -1 when missing or unreadable. An event without a "message"
// string is an error. `where` and `at` (the document's byte offset) place
// errors.
void AddLogEvent(simdjson::dom::object e, std::string_view where, size_t at,
                 EventWriter* w);

// Adds every event of `events`; elements that are not objects are errors.
void AddLogEvents(simdjson::dom::array events, std::string_view where,
                  size_t at, EventWriter* w);

}  // namespace flowmon
