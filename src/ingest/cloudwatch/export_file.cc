#include "ingest/cloudwatch/export_file.h"

#include "flowmon/core/time_util.h"

namespace flowmon {

size_t ExportTimestampLength(std::string_view line) {
  if (line.size() < 21 || line[4] != '-' || line[7] != '-' || line[10] != 'T' ||
      line[13] != ':' || line[16] != ':') {
    return 0;
  }
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || line[space - 1] != 'Z') return 0;
  return space;
}

void ReadExportFile(std::string_view text, EventWriter* w) {
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

}  // namespace flowmon
