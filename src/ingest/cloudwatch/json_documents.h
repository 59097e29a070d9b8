// CloudWatch's JSON shapes: `aws logs` pages (filter-log-events,
// get-log-events, `--query events` arrays), subscription messages and the
// Firehose objects made of them back to back, and the Lambda and Kinesis
// events that carry subscription payloads.
#pragma once

#include <cstddef>
#include <string_view>

#include "ingest/cloudwatch/event_writer.h"

namespace flowmon {

// Adds the events of the JSON documents in `text`, concatenated with or
// without white space between them, to w. Errors name `where` (a prefix,
// "" at top level) and the document's byte offset, `offset` plus its offset
// in `text` (text being a part of the input from `offset` on); reading
// stops at the first document that is not valid JSON.
void ReadJsonDocuments(std::string_view text, std::string_view where,
                       EventWriter* w, size_t offset = 0);

// Adds the events of subscription payload number n (1-based, for errors)
// of an input to w.
void ReadSubscriptionPayload(std::string_view base64, size_t n, EventWriter* w);

}  // namespace flowmon
