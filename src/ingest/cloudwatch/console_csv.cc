#include "ingest/cloudwatch/console_csv.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "flowmon/core/time_util.h"

namespace flowmon {
namespace {

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

}  // namespace

void ReadConsoleCsv(std::string_view text, EventWriter* w) {
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

}  // namespace flowmon
