#include "ingest/parquet/parquet_source.h"

#include <fmt/format.h>

#include <cstring>

#include "flowmon/core/schema.h"
#include "flowmon/ingest/format.h"

namespace flowmon {
namespace {

using parquet::ColumnInfo;
using parquet::FileMetaData;

// The checks of OpenParquetSource that need the footer; errors do not
// name the file.
Status CheckFlat(const FileMetaData& meta, std::vector<ColumnInfo>* columns,
                 std::string* header) {
  if (meta.schema.empty()) return Status::Corrupt("Parquet schema is empty");
  const size_t n = meta.schema.size() - 1;
  if (static_cast<size_t>(meta.schema[0].num_children) != n) {
    return Status::Corrupt(
        "nested Parquet schema (groups, lists or maps); flowmon reads flat "
        "schemas of one column per field");
  }
  for (size_t i = 1; i <= n; ++i) {
    const parquet::SchemaElement& e = meta.schema[i];
    if (e.num_children > 0 || e.type < 0 ||
        e.repetition == parquet::kRepeated) {
      return Status::Corrupt(fmt::format(
          "Parquet column '{}' is nested or repeated; flowmon reads flat "
          "schemas of one column per field",
          e.name));
    }
    if (e.type != parquet::kInt32 && e.type != parquet::kInt64 &&
        e.type != parquet::kByteArray) {
      return Status::Corrupt(fmt::format(
          "Parquet column '{}' has type {}; flowmon reads INT32, INT64 and "
          "BYTE_ARRAY (string) columns",
          e.name, parquet::TypeName(e.type)));
    }
    columns->push_back({e.name, e.type, e.repetition == parquet::kOptional});
    if (i > 1) *header += ' ';
    for (const char c : e.name) *header += c == '_' ? '-' : c;
  }
  for (const parquet::RowGroup& g : meta.row_groups) {
    if (g.columns.size() != n || g.num_rows < 0) {
      return Status::Corrupt("Parquet row group does not match the schema");
    }
    for (size_t c = 0; c < n; ++c) {
      const parquet::ColumnChunk& chunk = g.columns[c];
      if (chunk.external) {
        return Status::Corrupt(fmt::format(
            "Parquet column '{}' is kept in another file", (*columns)[c].name));
      }
      if (chunk.codec != parquet::kUncompressed &&
          chunk.codec != parquet::kGzip && chunk.codec != parquet::kSnappy) {
        return Status::Corrupt(fmt::format(
            "Parquet column '{}' is compressed with {}; flowmon reads GZIP, "
            "SNAPPY and uncompressed Parquet",
            (*columns)[c].name, parquet::CodecName(chunk.codec)));
      }
    }
  }
  if (!Schema::FromHeaderLine(*header)) {
    return Status::Corrupt(
        fmt::format("Parquet columns ({}) name no flow-log field", *header));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Source>> OpenParquetSource(
    std::string name, std::unique_ptr<Mapping> mapping) {
  const std::string_view file = mapping->view();
  // "PAR1", the footer, its 4-byte length, "PAR1".
  constexpr size_t kMagic = sizeof kParquetMagic;
  if (!IsParquet(file)) {
    return Status::Corrupt(fmt::format(
        "{}: truncated Parquet file (it does not end with \"PAR1\")", name));
  }
  uint32_t footer_size;
  std::memcpy(&footer_size, file.data() + file.size() - kMagic - 4, 4);
  if (footer_size > file.size() - 2 * kMagic - 4) {
    return Status::Corrupt(
        fmt::format("{}: corrupt Parquet file (footer length)", name));
  }
  Result<FileMetaData> meta = parquet::ParseFileMetaData(
      file.substr(file.size() - kMagic - 4 - footer_size, footer_size));
  std::vector<ColumnInfo> columns;
  std::string header;
  Status s = meta.ok() ? CheckFlat(*meta, &columns, &header) : meta.status();
  if (!s.ok()) {
    return Status::Corrupt(fmt::format("{}: {}", name, s.message()));
  }
  return std::unique_ptr<Source>(std::make_unique<parquet::ParquetSource>(
      std::move(name), std::move(mapping), std::move(*meta), std::move(columns),
      std::move(header)));
}

namespace parquet {

ParquetSource::ParquetSource(std::string name, std::unique_ptr<Mapping> mapping,
                             FileMetaData meta, std::vector<ColumnInfo> columns,
                             std::string header)
    : Source(std::move(name)),
      mapping_(std::move(mapping)),
      meta_(std::move(meta)),
      columns_(std::move(columns)),
      header_(std::move(header)) {
  // The names in columns_ point into meta_.schema, which no longer moves.
  for (size_t i = 0; i < columns_.size(); ++i) {
    columns_[i].name = meta_.schema[i + 1].name;
  }
  header_ += '\n';
  for (RowGroupText& slot : slots_) slot.cells.resize(columns_.size());
}

ParquetSource::~ParquetSource() {
  if (pending_.valid()) pending_.wait();
}

void ParquetSource::Render(size_t index, std::string_view prefix,
                           RowGroupText* out) const {
  const RowGroup& group = meta_.row_groups[index];
  out->lines.assign(prefix);
  out->bytes = 0;
  for (size_t c = 0; c < columns_.size(); ++c) {
    out->status =
        DecodeColumnChunk(mapping_->view(), group.columns[c], columns_[c],
                          group.num_rows, &out->cells[c]);
    if (!out->status.ok()) return;
    out->bytes += static_cast<uint64_t>(group.columns[c].total_compressed_size);
  }
  for (int64_t r = 0; r < group.num_rows; ++r) {
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) out->lines += ' ';
      out->lines.append(out->cells[c].cell(static_cast<size_t>(r)));
    }
    out->lines += '\n';
  }
}

void ParquetSource::StartNext(size_t slot) {
  if (next_group_ >= meta_.row_groups.size()) return;
  const size_t index = next_group_++;
  const std::string_view prefix =
      index == 0 ? std::string_view(header_) : std::string_view();
  pending_slot_ = slot;
  pending_ = std::async(std::launch::async, [this, index, prefix, slot] {
    Render(index, prefix, &slots_[slot]);
  });
}

Status ParquetSource::Next(Chunk* chunk) {
  chunk->data = {};
  chunk->too_long = false;
  chunk->timestamps = nullptr;
  if (!started_) {
    started_ = true;
    if (meta_.row_groups.empty()) {
      consumed_ = size_hint();
      chunk->data = header_;  // a file without rows: its header alone
      return Status::Ok();
    }
    StartNext(0);
  }
  // Empty row groups hand out nothing (group 0 still has the header).
  while (pending_.valid()) {
    pending_.get();
    RowGroupText& ready = slots_[pending_slot_];
    if (!ready.status.ok()) {
      next_group_ = meta_.row_groups.size();  // nothing after damage
      return Status::Corrupt(
          fmt::format("{}: {}", name(), ready.status.message()));
    }
    // The next row group decodes while this one is scanned.
    StartNext(1 - pending_slot_);
    consumed_ += ready.bytes;
    if (!pending_.valid()) consumed_ = size_hint();
    if (!ready.lines.empty()) {
      chunk->data = ready.lines;
      return Status::Ok();
    }
  }
  return Status::Ok();
}

}  // namespace parquet
}  // namespace flowmon
