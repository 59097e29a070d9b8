#include "insights/result_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <thread>
#include <variant>

#include "flowmon/core/csv_writer.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "flowmon/core/utf8.h"
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

// Formats rows of one RowSource in one format, a range at a time; one per
// thread, each with its own cells and buffers.
class RowFormatter {
 public:
  // `widths`: the text table's columns' widths (kText only).
  RowFormatter(OutputFormat format, const std::vector<std::string>& columns,
               const std::vector<bool>& time_columns,
               const std::vector<size_t>& widths, const RowSource& rows)
      : format_(format),
        columns_(columns),
        time_columns_(time_columns),
        widths_(widths),
        rows_(rows),
        cells_(columns.size()),
        texts_(columns.size()),
        bufs_(columns.size()) {
    for (const size_t width : widths) row_bytes_ += width + 2;
  }

  // Appends rows [begin, end) to *out.
  void Rows(size_t begin, size_t end, fmt::memory_buffer* out) {
    for (size_t r = begin; r < end; ++r) {
      rows_.Row(r, cells_.data(), &row_scratch_);
      switch (format_) {
        case OutputFormat::kText:
          TextRow(out);
          break;
        case OutputFormat::kCsv:
        case OutputFormat::kTsv:
          CsvRow(format_ == OutputFormat::kCsv ? ',' : '\t', out);
          break;
        case OutputFormat::kJson:
        case OutputFormat::kNdjson:
          JsonRow(format_ == OutputFormat::kJson, r, out);
          break;
      }
    }
  }

 private:
  // The Insights console's table: columns as wide as their widest cell,
  // numbers right-aligned, the last column's text not padded.
  void TextRow(fmt::memory_buffer* out) {
    const size_t n = columns_.size();
    bool ascii = true;
    for (size_t i = 0; i < n; ++i) {
      texts_[i] = CellText(cells_[i], time_columns_[i], TimeStyle::kInsights,
                           bufs_[i].data(), &scratch_);
      ascii = ascii && IsAscii(texts_[i]);
    }
    if (!ascii) {
      // fmt pads to the width in columns, not bytes.
      auto it = std::back_inserter(*out);
      for (size_t i = 0; i < n; ++i) {
        const bool number =
            cells_[i].kind == CellView::kNumber && !time_columns_[i];
        const size_t width = number || i + 1 < n ? widths_[i] : 0;
        if (number) {
          fmt::format_to(it, "{:>{}}", texts_[i], width);
        } else {
          fmt::format_to(it, "{:<{}}", texts_[i], width);
        }
        out->append(std::string_view(i + 1 < n ? "  " : "\n"));
      }
      return;
    }
    // Written in place, into room for every cell as wide as its column and
    // a separator after each: a row per group makes this much of a
    // query's time.
    const size_t start = out->size();
    out->resize(start + row_bytes_);
    char* p = out->data() + start;
    for (size_t i = 0; i < n; ++i) {
      const std::string_view cell = texts_[i];
      const bool number =
          cells_[i].kind == CellView::kNumber && !time_columns_[i];
      const size_t width = number || i + 1 < n ? widths_[i] : 0;
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
    out->resize(static_cast<size_t>(p - out->data()));
  }

  void CsvRow(char sep, fmt::memory_buffer* out) {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) out->push_back(sep);
      AppendCsvField(out,
                     CellText(cells_[i], time_columns_[i], TimeStyle::kIso8601,
                              bufs_[i].data(), &scratch_),
                     sep);
    }
    out->push_back('\n');
  }

  void JsonRow(bool array, size_t r, fmt::memory_buffer* out) {
    if (array) out->append(std::string_view(r == 0 ? "\n" : ",\n"));
    out->push_back('{');
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendJsonString(out, columns_[i]);
      out->push_back(':');
      const CellView& c = cells_[i];
      const std::string_view t = CellText(
          c, time_columns_[i], TimeStyle::kIso8601, bufs_[i].data(), &scratch_);
      if (c.kind == CellView::kNull) {
        out->append(std::string_view("null"));
      } else if (c.kind == CellView::kNumber && !time_columns_[i]) {
        out->append(t);
      } else {
        AppendJsonString(out, t);
      }
    }
    out->push_back('}');
    if (!array) out->push_back('\n');
  }

  const OutputFormat format_;
  const std::vector<std::string>& columns_;
  const std::vector<bool>& time_columns_;
  const std::vector<size_t>& widths_;
  const RowSource& rows_;
  size_t row_bytes_ = 0;
  std::vector<CellView> cells_;
  std::vector<std::string_view> texts_;
  // A buffer per column: a row's numbers are all formatted before it is
  // written.
  std::vector<std::array<char, kNumberChars>> bufs_;
  std::string scratch_;
  RowScratch row_scratch_;
};

// The text table's columns' widths: in bytes, as the cells' sizes (a
// non-ASCII cell is then padded by fmt to that width in columns).
std::vector<size_t> TextWidths(const std::vector<std::string>& columns,
                               const std::vector<bool>& time_columns,
                               const RowSource& rows) {
  std::vector<size_t> widths;
  for (const std::string& c : columns) widths.push_back(c.size());
  if (rows.Widths(time_columns, widths.data())) return widths;
  std::vector<CellView> cells(columns.size());
  RowScratch scratch;
  char buf[kNumberChars];
  for (size_t r = 0; r < rows.size(); ++r) {
    rows.AnyRow(r, cells.data(), &scratch);
    for (size_t i = 0; i < cells.size(); ++i) {
      widths[i] =
          std::max(widths[i], TextWidth(cells[i], time_columns[i], buf));
    }
  }
  return widths;
}

// Rows formatted a block at a time, written as they are done.
constexpr size_t kBlockRows = size_t{1} << 14;

}  // namespace

QueryValue ValueOf(const CellView& c) {
  switch (c.kind) {
    case CellView::kNumber:
      return c.number;
    case CellView::kText:
      return std::string(c.text);
    case CellView::kNull:
      break;
  }
  return {};
}

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
                 const std::vector<bool>& time_columns, const RowSource& rows,
                 std::FILE* f, unsigned threads) {
  const bool text = format == OutputFormat::kText;
  const std::vector<size_t> widths =
      text ? TextWidths(columns, time_columns, rows) : std::vector<size_t>();
  fmt::memory_buffer out;
  auto flush = [&] {
    WriteOutput(f, std::string_view(out.data(), out.size()));
    out.clear();
  };
  auto it = std::back_inserter(out);
  const size_t n = rows.size();
  // The header.
  switch (format) {
    case OutputFormat::kText:
      for (size_t i = 0; i < columns.size(); ++i) {
        fmt::format_to(it, "{:<{}}{}", columns[i], widths[i],
                       i + 1 < columns.size() ? "  " : "\n");
      }
      break;
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      const char sep = format == OutputFormat::kCsv ? ',' : '\t';
      for (size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) out.push_back(sep);
        AppendCsvField(&out, columns[i], sep);
      }
      out.push_back('\n');
      break;
    }
    case OutputFormat::kJson:
      out.push_back('[');
      break;
    case OutputFormat::kNdjson:
      break;
  }
  RowFormatter mine(format, columns, time_columns, widths, rows);
  if (threads < 2 || n < 2 * kBlockRows) {
    for (size_t begin = 0; begin < n; begin += kBlockRows) {
      mine.Rows(begin, std::min(begin + kBlockRows, n), &out);
      if (out.size() >= kFlushBytes) flush();
    }
  } else {
    // A second thread formats every other block while this one formats
    // the block before it; they are written in order.
    RowFormatter theirs(format, columns, time_columns, widths, rows);
    fmt::memory_buffer second;
    for (size_t begin = 0; begin < n; begin += 2 * kBlockRows) {
      const size_t middle = std::min(begin + kBlockRows, n);
      const size_t end = std::min(begin + 2 * kBlockRows, n);
      second.clear();
      std::thread other([&] { theirs.Rows(middle, end, &second); });
      mine.Rows(begin, middle, &out);
      other.join();
      out.append(std::string_view(second.data(), second.size()));
      flush();
    }
  }
  // The end.
  if (text) {
    fmt::format_to(it, "({} row{})\n", n, n == 1 ? "" : "s");
  } else if (format == OutputFormat::kJson) {
    out.append(std::string_view(n == 0 ? "]\n" : "\n]\n"));
  }
  flush();
}

}  // namespace flowmon::insights
