// ParquetSource: a flat Parquet file of flow logs (as AWS delivers to S3)
// handed out as the text lines an S3 text file has: first a header line
// naming the fields (column names with '_' made '-': account_id is
// account-id), then each row group's rows, one chunk per row group, so
// every reader downstream sees the records the text path produces.
#pragma once

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
// predicate-first decoding): memory is one row group's cells and lines.
class ParquetSource : public Source {
 public:
  // `meta` was checked by OpenParquetSource; `header` is the header line.
  ParquetSource(std::string name, std::unique_ptr<Mapping> mapping,
                FileMetaData meta, std::vector<ColumnInfo> columns,
                std::string header);
  // Lifetime: a chunk's bytes live until the next call (one row group).
  Status Next(Chunk* chunk) override;
  uint64_t bytes_consumed() const override { return consumed_; }

 private:
  std::unique_ptr<Mapping> mapping_;
  FileMetaData meta_;
  std::vector<ColumnInfo> columns_;
  std::vector<ColumnText> cells_;  // one per column, reused
  std::string header_;
  std::string lines_;
  size_t next_group_ = 0;
  bool done_ = false;
  uint64_t consumed_ = 0;
};

}  // namespace parquet
}  // namespace flowmon
