// ParquetSource: a flat Parquet file of flow logs (as AWS delivers to S3)
// handed out as the text lines an S3 text file has: first a header line
// naming the fields (column names with '_' made '-': account_id is
// account-id), then each row group's rows, one chunk per row group, so
// every reader downstream sees the records the text path produces.
#pragma once

#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
Result<std::unique_ptr<Source>> OpenParquetSource(
    std::string name, std::unique_ptr<Mapping> mapping);

namespace parquet {

// Decodes whole row groups, every column (there is no column pruning or
// predicate-first decoding). The next row group is decoded on a second
// thread while the caller scans the current one: memory is two row groups'
// cells and lines, one per thread.
class ParquetSource : public Source {
 public:
  // `meta` was checked by OpenParquetSource; `header` is the header line.
  ParquetSource(std::string name, std::unique_ptr<Mapping> mapping,
                FileMetaData meta, std::vector<ColumnInfo> columns,
                std::string header);
  ~ParquetSource() override;
  // Lifetime: a chunk's bytes live until the next call (one row group).
  Status Next(Chunk* chunk) override;
  uint64_t bytes_consumed() const override { return consumed_; }

 private:
  // One row group decoded: its cells, its lines (after a prefix: the
  // header line for the first), the bytes it took on disk.
  struct RowGroupText {
    std::vector<ColumnText> cells;
    std::string lines;
    Status status;
    uint64_t bytes = 0;
  };
  // Decodes row group `index` into *out; reads only what no thread writes.
  void Render(size_t index, std::string_view prefix, RowGroupText* out) const;
  // Starts decoding the next row group, if any, into slots_[slot].
  void StartNext(size_t slot);

  std::unique_ptr<Mapping> mapping_;
  FileMetaData meta_;
  std::vector<ColumnInfo> columns_;
  std::string header_;  // with its '\n'
  RowGroupText slots_[2];
  size_t next_group_ = 0;  // the next to decode
  size_t pending_slot_ = 0;
  bool started_ = false;
  uint64_t consumed_ = 0;
  // Last: destroyed (after the destructor waited for it) before the slots.
  std::future<void> pending_;
};

}  // namespace parquet
}  // namespace flowmon
