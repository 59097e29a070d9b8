#include "insights/result_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <variant>

#include "flowmon/core/csv_writer.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "insights/values.h"

namespace flowmon::insights {
namespace {

// Times as the Insights console shows them in the text table, and in the
// one time format of machine outputs (ISO-8601 UTC, docs/output.md) in the
// others.
enum class TimeStyle { kInsights, kIso8601 };

// Output is written a part at a time: a result with millions of rows is
// never held whole.
constexpr size_t kFlushBytes = size_t{64} << 10;

// The text of cell `c` as written; a number or time is formatted into
// `buf` (kNumberChars bytes) or `*scratch`.
std::string_view CellText(const CellView& c, bool time, TimeStyle style,
                          char* buf, std::string* scratch) {
  switch (c.kind) {
    case CellView::kText:
      return c.text;
    case CellView::kNull:
      return {};
    case CellView::kNumber:
      break;
  }
  if (!time) return std::string_view(buf, FormatInsightsNumber(c.number, buf));
  const int64_t ms = static_cast<int64_t>(c.number);
  if (style == TimeStyle::kIso8601) {
    *scratch = FormatIso8601Ms(ms);
    return *scratch;
  }
  return std::string_view(buf, FormatInsightsTime(ms, buf));
}

bool IsAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if ((w & 0x8080808080808080ULL) != 0) return false;
  }
  for (; n > 0; ++p, --n) {
    if (static_cast<unsigned char>(*p) >= 0x80) return false;
  }
  return true;
}

class Writer {
 public:
  explicit Writer(std::FILE* f) : f_(f) {}
  ~Writer() { Flush(); }
  fmt::memory_buffer& out() { return out_; }
  // At the end of a row: writes what has gathered once it is enough.
  void RowDone() {
    if (out_.size() >= kFlushBytes) Flush();
  }

 private:
  void Flush() {
    WriteOutput(f_, std::string_view(out_.data(), out_.size()));
    out_.clear();
  }
  std::FILE* f_;
  fmt::memory_buffer out_;
};

// The Insights console's table: columns as wide as their widest cell,
// numbers right-aligned, the last column's text not padded.
void WriteText(const std::vector<std::string>& columns,
               const std::vector<bool>& time_columns, RowSource& rows,
               Writer* w) {
  const size_t n = columns.size();
  std::vector<CellView> cells(n);
  std::vector<std::string_view> texts(n);
  std::vector<size_t> widths;
  for (const std::string& c : columns) widths.push_back(c.size());
  // A buffer per column: a row's numbers are all formatted before it is
  // written.
  std::vector<std::array<char, kNumberChars>> bufs(n);
  std::string scratch;
  auto row_texts = [&](size_t r) {
    rows.Row(r, cells.data());
    for (size_t i = 0; i < n; ++i) {
      texts[i] = CellText(cells[i], time_columns[i], TimeStyle::kInsights,
                          bufs[i].data(), &scratch);
    }
  };
  // Widths in bytes, as the cells' sizes; a non-ASCII cell is then padded
  // by fmt to that width in columns.
  if (!rows.Widths(time_columns, widths.data())) {
    for (size_t r = 0; r < rows.size(); ++r) {
      rows.AnyRow(r, cells.data());
      for (size_t i = 0; i < n; ++i) {
        widths[i] = std::max(
            widths[i], TextWidth(cells[i], time_columns[i], bufs[i].data()));
      }
    }
  }
  fmt::memory_buffer& out = w->out();
  auto it = std::back_inserter(out);
  for (size_t i = 0; i < n; ++i) {
    fmt::format_to(it, "{:<{}}{}", columns[i], widths[i],
                   i + 1 < n ? "  " : "\n");
  }
  // A row of ASCII cells is at most this long: every cell as wide as its
  // column, and a separator after each.
  size_t row_bytes = 0;
  for (const size_t width : widths) row_bytes += width + 2;
  for (size_t r = 0; r < rows.size(); ++r) {
    row_texts(r);
    bool ascii = true;
    for (size_t i = 0; ascii && i < n; ++i) ascii = IsAscii(texts[i]);
    if (ascii) {
      // Written in place: a row per group makes this much of a query's time.
      const size_t start = out.size();
      out.resize(start + row_bytes);
      char* p = out.data() + start;
      for (size_t i = 0; i < n; ++i) {
        const std::string_view cell = texts[i];
        const bool number =
            cells[i].kind == CellView::kNumber && !time_columns[i];
        const size_t width = number || i + 1 < n ? widths[i] : 0;
        const size_t pad = width > cell.size() ? width - cell.size() : 0;
        if (number) p = std::fill_n(p, pad, ' ');
        if (!cell.empty()) std::memcpy(p, cell.data(), cell.size());
        p += cell.size();
        if (!number) p = std::fill_n(p, pad, ' ');
        if (i + 1 < n) {
          *p++ = ' ';
          *p++ = ' ';
        } else {
          *p++ = '\n';
        }
      }
      out.resize(static_cast<size_t>(p - out.data()));
    } else {
      for (size_t i = 0; i < n; ++i) {
        const bool number =
            cells[i].kind == CellView::kNumber && !time_columns[i];
        const size_t width = number || i + 1 < n ? widths[i] : 0;
        if (number) {
          fmt::format_to(it, "{:>{}}", texts[i], width);
        } else {
          fmt::format_to(it, "{:<{}}", texts[i], width);
        }
        out.append(std::string_view(i + 1 < n ? "  " : "\n"));
      }
    }
    w->RowDone();
  }
  fmt::format_to(it, "({} row{})\n", rows.size(), rows.size() == 1 ? "" : "s");
}

void WriteCsv(char sep, const std::vector<std::string>& columns,
              const std::vector<bool>& time_columns, RowSource& rows,
              Writer* w) {
  const size_t n = columns.size();
  fmt::memory_buffer& out = w->out();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out.push_back(sep);
    AppendCsvField(&out, columns[i], sep);
  }
  out.push_back('\n');
  std::vector<CellView> cells(n);
  char buf[kNumberChars];
  std::string scratch;
  for (size_t r = 0; r < rows.size(); ++r) {
    rows.Row(r, cells.data());
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) out.push_back(sep);
      AppendCsvField(&out,
                     CellText(cells[i], time_columns[i], TimeStyle::kIso8601,
                              buf, &scratch),
                     sep);
    }
    out.push_back('\n');
    w->RowDone();
  }
}

void WriteJson(bool array, const std::vector<std::string>& columns,
               const std::vector<bool>& time_columns, RowSource& rows,
               Writer* w) {
  const size_t n = columns.size();
  fmt::memory_buffer& out = w->out();
  std::vector<CellView> cells(n);
  char buf[kNumberChars];
  std::string scratch;
  if (array) out.push_back('[');
  for (size_t r = 0; r < rows.size(); ++r) {
    rows.Row(r, cells.data());
    if (array) out.append(std::string_view(r == 0 ? "\n" : ",\n"));
    out.push_back('{');
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) out.push_back(',');
      AppendJsonString(&out, columns[i]);
      out.push_back(':');
      const CellView& c = cells[i];
      const std::string_view t =
          CellText(c, time_columns[i], TimeStyle::kIso8601, buf, &scratch);
      if (c.kind == CellView::kNull) {
        out.append(std::string_view("null"));
      } else if (c.kind == CellView::kNumber && !time_columns[i]) {
        out.append(t);
      } else {
        AppendJsonString(&out, t);
      }
    }
    out.push_back('}');
    if (!array) out.push_back('\n');
    w->RowDone();
  }
  if (array) out.append(std::string_view(rows.size() == 0 ? "]\n" : "\n]\n"));
}

}  // namespace

size_t TextWidth(const CellView& c, bool time, char* buf) {
  switch (c.kind) {
    case CellView::kText:
      return c.text.size();
    case CellView::kNull:
      return 0;
    case CellView::kNumber:
      break;
  }
  return time ? FormatInsightsTime(static_cast<int64_t>(c.number), buf)
              : InsightsNumberWidth(c.number);
}

void ResultRows::Cells(const std::vector<QueryValue>& row, CellView* cells) {
  for (size_t c = 0; c < row.size(); ++c) {
    CellView& cell = cells[c];
    if (const std::string* s = std::get_if<std::string>(&row[c])) {
      cell.kind = CellView::kText;
      cell.text = *s;
    } else if (const double* d = std::get_if<double>(&row[c])) {
      cell.kind = CellView::kNumber;
      cell.number = *d;
    } else {
      cell.kind = CellView::kNull;
    }
  }
}

void WriteResult(OutputFormat format, const std::vector<std::string>& columns,
                 const std::vector<bool>& time_columns, RowSource& rows,
                 std::FILE* out) {
  Writer w(out);
  switch (format) {
    case OutputFormat::kText:
      WriteText(columns, time_columns, rows, &w);
      return;
    case OutputFormat::kCsv:
    case OutputFormat::kTsv:
      WriteCsv(format == OutputFormat::kCsv ? ',' : '\t', columns, time_columns,
               rows, &w);
      return;
    case OutputFormat::kJson:
    case OutputFormat::kNdjson:
      WriteJson(format == OutputFormat::kJson, columns, time_columns, rows, &w);
      return;
  }
}

}  // namespace flowmon::insights
