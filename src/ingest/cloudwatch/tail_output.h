// `aws logs tail` output, as the AWS CLI writes it when piped (no colour):
// one event a line, "<timestamp> <log stream> <message>" by default (and
// with --format json, which prints JSON messages pretty on the lines after
// it), "<timestamp> <message>" with --format short. A message's own line
// breaks continue it on lines without a timestamp.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "flowmon/ingest/source.h"
#include "ingest/cloudwatch/event_writer.h"

namespace flowmon {

// Reads the timestamp that starts a tail line: detailed and json
// ("2019-07-14T12:43:08.123000+00:00", "2019-07-14T12:43:08+00:00": a zone,
// and a log stream name after it) or short ("2019-07-14T12:43:08", UTC).
// On success sets *timestamp_ms and *message (the rest of the line after
// the stream name when there is one; empty when the line ends there).
bool ParseTailLine(std::string_view line, int64_t* timestamp_ms,
                   std::string_view* message);

// Adds the events of `text` (whole lines) to w. A line without a tail
// timestamp continues the event before it (it is its own event, without a
// timestamp, when none came before it in `text`).
void ReadTailLines(std::string_view text, EventWriter* w);

// Converts `base` (tail output) chunk by chunk, so that `aws logs tail
// --follow | flowmon ...` sees events as they arrive. A chunk and its
// timestamps are valid until the next Next(). Takes over base's name,
// liveness and size.
std::unique_ptr<Source> NewTailSource(std::unique_ptr<Source> base);

}  // namespace flowmon
