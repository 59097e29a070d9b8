// ColumnText: one column chunk of a row group decoded into the text of its
// cells, as a text flow log writes them ("-" for a null), so that rows can
// be put together as lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"
#include "ingest/parquet/file_metadata.h"

namespace flowmon::parquet {

// The cells of one column; reused from row group to row group.
class ColumnText {
 public:
  void Clear() {
    text_.clear();
    ends_.clear();
  }
  size_t size() const { return ends_.size(); }
  // The bytes of all cells.
  size_t bytes() const { return text_.size(); }
  std::string_view cell(size_t i) const {
    const size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  // Appends a cell: integers in decimal, strings with the characters that
  // would split a line or a field (space, tab, CR, LF) made '_', an empty
  // string or null as "-".
  void AppendNull();
  void AppendInt(int64_t v);
  void AppendString(std::string_view s);
  void AppendCell(std::string_view rendered) {
    text_.append(rendered);
    ends_.push_back(text_.size());
  }

 private:
  std::string text_;
  std::vector<size_t> ends_;
};

// What DecodeColumnChunk needs to know of a column besides its chunk.
struct ColumnInfo {
  std::string_view name;  // the Parquet column's name, for errors
  int32_t type = kByteArray;
  bool optional = false;  // has definition levels (max level 1)
};

// Decodes the chunk `chunk` of `file` (the whole file's bytes) into `out`
// (cleared first): num_rows cells. Where `keep` (one per row; null: every
// row) is 0, a cell is left empty and its value is only checked, not
// rendered. Errors are Corrupt or InvalidArgument and name the column, not
// the file.
Status DecodeColumnChunk(std::string_view file, const ColumnChunk& chunk,
                         const ColumnInfo& info, int64_t num_rows,
                         ColumnText* out, const uint8_t* keep = nullptr);

}  // namespace flowmon::parquet
