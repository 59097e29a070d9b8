// ParquetSource: a flat Parquet file of flow logs (as AWS delivers to S3)
// handed out as the text lines an S3 text file has: first a header line
// naming the fields (column names with '_' made '-': account_id is
// account-id), then each row group's rows, one chunk per row group, so
// every reader downstream sees the records the text path produces.
#pragma once

#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/schema.h"
#include "flowmon/ingest/field_needs.h"
#include "flowmon/ingest/source.h"
#include "ingest/mapped_file.h"
#include "ingest/parquet/column_text.h"
#include "ingest/parquet/file_metadata.h"

namespace flowmon {

// Opens the Parquet file `mapping` holds (its name `name`). Reads and checks
// the footer: errors (Corrupt, exit 3, naming the file and the thing not
// read) for a truncated or corrupt file, a nested schema, a column type
// other than INT32, INT64 and BYTE_ARRAY, a codec other than GZIP, SNAPPY
// and UNCOMPRESSED, columns that name no flow-log field. Pages are decoded
// as Next() reaches their row group; damage there is Next()'s error.
// options.fields says which columns to decode, options.threads how many
// row groups at once.
Result<std::unique_ptr<Source>> OpenParquetSource(
    std::string name, std::unique_ptr<Mapping> mapping,
    const SourceOptions& options = SourceOptions());

namespace parquet {

// Decodes row groups column-wise: only the columns of the needed fields
// (FieldNeeds), the columns of its tests first; the other needed columns
// are rendered only for the rows that pass the tests (and the fields
// observed of rejected rows for every row), and a column no row needs is
// not even uncompressed. A field not rendered is "-". Up to `threads` row
// groups decode at once on their own threads while the caller scans the
// one before them: memory is one row group's cells and lines per thread,
// plus the one handed out.
class ParquetSource : public Source {
 public:
  // `meta` was checked by OpenParquetSource; `header` is the header line
  // and `schema` its fields.
  ParquetSource(std::string name, std::unique_ptr<Mapping> mapping,
                FileMetaData meta, std::vector<ColumnInfo> columns,
                std::string header, const Schema& schema, FieldNeeds needs,
                unsigned threads);
  ~ParquetSource() override;
  // Lifetime: a chunk's bytes live until the next call (one row group).
  Status Next(Chunk* chunk) override;
  uint64_t bytes_consumed() const override { return consumed_; }

 private:
  // One row group decoded: its cells, which rows pass the tests, its lines
  // (after a prefix: the header line for the first), the bytes it took on
  // disk.
  struct RowGroupText {
    std::vector<ColumnText> cells;
    std::vector<uint8_t> pass;
    std::string lines;
    Status status;
    uint64_t bytes = 0;
  };
  struct Pending {
    size_t slot;
    std::future<void> done;
  };
  // Decodes row group `index` into *out; reads only what no thread writes.
  void Render(size_t index, std::string_view prefix, RowGroupText* out) const;
  // Decodes the test columns and sets out->pass.
  Status Test(const RowGroup& group, RowGroupText* out) const;
  // Starts decoding row groups into free slots, up to `threads` at once.
  void StartMore();

  std::unique_ptr<Mapping> mapping_;
  FileMetaData meta_;
  std::vector<ColumnInfo> columns_;
  std::string header_;  // with its '\n'
  FieldNeeds needs_;
  FieldNeeds::Resolved resolved_;  // of needs_, for this file's fields
  std::vector<uint8_t> tested_;    // per column: a test reads it
  unsigned threads_;
  std::vector<RowGroupText> slots_;
  std::vector<size_t> free_slots_;
  size_t held_slot_ = SIZE_MAX;  // handed out by the last Next()
  size_t next_group_ = 0;        // the next to decode
  bool started_ = false;
  uint64_t consumed_ = 0;
  // Last: destroyed (after the destructor waited for them) before the
  // slots. In row-group order.
  std::deque<Pending> pending_;
};

}  // namespace parquet
}  // namespace flowmon
