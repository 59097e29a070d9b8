#include "ingest/cloudwatch/export_file.h"

#include "flowmon/core/time_util.h"
#include "ingest/cloudwatch/text_lines.h"

namespace flowmon {

size_t ExportTimestampLength(std::string_view line) {
  if (line.size() < 21 || line[4] != '-' || line[7] != '-' || line[10] != 'T' ||
      line[13] != ':' || line[16] != ':') {
    return 0;
  }
  const size_t space = line.find(' ');
  // A line that starts with a space has none before it to read.
  if (space == std::string_view::npos || space == 0 || line[space - 1] != 'Z') {
    return 0;
  }
  return space;
}

void ReadExportFile(std::string_view text, EventWriter* w) {
  ForEachLine(text, [w](std::string_view line) {
    if (line.empty()) return;
    const size_t n = ExportTimestampLength(line);
    Result<int64_t> ts = n > 0 ? ParseTimestampMs(line.substr(0, n))
                               : Result<int64_t>(Status::Corrupt(""));
    if (!ts.ok()) {
      w->Add(-1, line);  // not an export line: keep it as it is
      return;
    }
    w->Add(*ts, line.substr(n + 1));
  });
}

}  // namespace flowmon
