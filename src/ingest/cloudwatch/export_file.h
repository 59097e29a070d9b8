// CreateExportTask files (in S3, gzip): "<ISO-8601 timestamp> <message>"
// lines, e.g. "2019-07-14T12:43:08.000Z 2 123456789012 eni-... OK".
#pragma once

#include <cstddef>
#include <string_view>

#include "ingest/cloudwatch/event_writer.h"

namespace flowmon {

// The length of the export timestamp ("2019-07-14T12:43:08.000Z") that
// starts `line` and is followed by a space, or 0 when it has none.
size_t ExportTimestampLength(std::string_view line);

// Adds one event per non-empty line of `text` to w; a line without an
// export timestamp is kept whole, without a timestamp.
void ReadExportFile(std::string_view text, EventWriter* w);

}  // namespace flowmon
