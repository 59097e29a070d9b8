// The CloudWatch console's CSV download (and Logs Insights' export):
// a header naming a timestamp and a message column, then one event a row.
#pragma once

#include <string_view>

#include "ingest/cloudwatch/event_writer.h"

namespace flowmon {

// Adds one event per row of `text` (RFC 4180 quoting) to w. The columns are
// "timestamp"/"@timestamp" (optional) and "message"/"@message"; a header
// without a message column, or a row without a message, is an error.
void ReadConsoleCsv(std::string_view text, EventWriter* w);

}  // namespace flowmon
