// Writes a query's result as text (the Insights console's table), CSV, TSV,
// JSON or NDJSON, reading its rows one at a time from a RowSource: the
// rows of a stats with millions of groups are written straight from the
// groups, with no string or value made per cell.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/insights/query.h"
#include "flowmon/sinks/printer.h"

namespace flowmon::insights {

// One cell of a row, viewed: null, a number, or text.
struct CellView {
  enum Kind : uint8_t { kNull, kNumber, kText } kind = kNull;
  double number = 0;
  std::string_view text;
};

// The value a cell views (a copy of its text).
QueryValue ValueOf(const CellView& c);

// What a RowSource keeps of a row while its cells are read: values the
// views point into. One per thread.
struct RowScratch {
  std::vector<QueryValue> a, b, c;
};

// The rows of a result, in order. Thread-safe: calls with different
// scratches may run at once.
class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual size_t size() const = 0;
  // Fills cells[0, columns) with row `i` (< size()). The views stay valid
  // until the next call with `scratch`.
  virtual void Row(size_t i, CellView* cells, RowScratch* scratch) const = 0;
  // The same for the rows in an order of the source's choosing (each
  // once, for i from 0 to size()): for what does not depend on the
  // order, such as the columns' widths.
  virtual void AnyRow(size_t i, CellView* cells, RowScratch* scratch) const {
    Row(i, cells, scratch);
  }
  // Raises widths[i] to TextWidth of column i's widest cell, if the source
  // knows them without reading every row: true when it did.
  virtual bool Widths(const std::vector<bool>& /*time_columns*/,
                      size_t* /*widths*/) const {
    return false;
  }
};

// The width of `c`'s text in the text table, in bytes (`time`: the cell is
// in a column of times); `buf` has kNumberChars bytes to format into.
size_t TextWidth(const CellView& c, bool time, char* buf);

// The rows of a QueryResult.
class ResultRows : public RowSource {
 public:
  explicit ResultRows(const QueryResult* r) : r_(r) {}
  size_t size() const override { return r_->rows.size(); }
  void Row(size_t i, CellView* cells, RowScratch*) const override {
    Cells(r_->rows[i], cells);
  }
  // Views of the values of `row` in cells[0, row.size()).
  static void Cells(const std::vector<QueryValue>& row, CellView* cells);

 private:
  const QueryResult* r_;
};

// Writes `columns` (a header) and the rows of `rows` in `format` to `out`,
// a part at a time (WriteOutput, so a failed write is kept for
// FinishOutput). `time_columns[i]`: column i holds Insights times (ms).
// Reads each row twice for the text table (its columns' widths first),
// unless `rows` knows the widths. With `threads` > 1, a second thread
// formats every other block of rows (the output is the same).
void WriteResult(OutputFormat format, const std::vector<std::string>& columns,
                 const std::vector<bool>& time_columns, const RowSource& rows,
                 std::FILE* out, unsigned threads = 1);

}  // namespace flowmon::insights
