#include "ingest/parquet/parquet_source.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "flowmon/core/schema.h"
#include "flowmon/ingest/format.h"

namespace flowmon {
namespace {

using parquet::ColumnInfo;
using parquet::FileMetaData;

// The checks of OpenParquetSource that need the footer; errors do not
// name the file.
Status CheckFlat(const FileMetaData& meta, std::vector<ColumnInfo>* columns,
                 std::string* header, std::optional<Schema>* schema) {
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
  *schema = Schema::FromHeaderLine(*header);
  if (!*schema) {
    return Status::Corrupt(
        fmt::format("Parquet columns ({}) name no flow-log field", *header));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Source>> OpenParquetSource(
    std::string name, std::unique_ptr<Mapping> mapping,
    const SourceOptions& options) {
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
  std::optional<Schema> schema;
  Status s =
      meta.ok() ? CheckFlat(*meta, &columns, &header, &schema) : meta.status();
  if (!s.ok()) {
    return Status::Corrupt(fmt::format("{}: {}", name, s.message()));
  }
  return std::unique_ptr<Source>(std::make_unique<parquet::ParquetSource>(
      std::move(name), std::move(mapping), std::move(*meta), std::move(columns),
      std::move(header), *schema, options.fields, options.threads));
}

namespace parquet {

ParquetSource::ParquetSource(std::string name, std::unique_ptr<Mapping> mapping,
                             FileMetaData meta, std::vector<ColumnInfo> columns,
                             std::string header, const Schema& schema,
                             FieldNeeds needs, unsigned threads)
    : Source(std::move(name)),
      mapping_(std::move(mapping)),
      meta_(std::move(meta)),
      columns_(std::move(columns)),
      header_(std::move(header)),
      needs_(std::move(needs)),
      threads_(std::max(1u, threads)) {
  // The names in columns_ point into meta_.schema, which no longer moves.
  for (size_t i = 0; i < columns_.size(); ++i) {
    columns_[i].name = meta_.schema[i + 1].name;
  }
  header_ += '\n';
  // Resolved from needs_ itself: its tests are pointers into it.
  resolved_ = needs_.Resolve(schema);
  tested_.assign(columns_.size(), 0);
  for (const auto& [column, test] : resolved_.tests) tested_[column] = 1;
  // One slot per decoding thread and one for the row group handed out.
  slots_.resize(threads_ + 1);
  for (size_t i = 0; i < slots_.size(); ++i) {
    slots_[i].cells.resize(columns_.size());
    free_slots_.push_back(slots_.size() - 1 - i);
  }
}

ParquetSource::~ParquetSource() {
  for (Pending& p : pending_) p.done.wait();
}

Status ParquetSource::Test(const RowGroup& group, RowGroupText* out) const {
  const size_t rows = static_cast<size_t>(group.num_rows);
  out->pass.assign(rows, 1);
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (!tested_[c]) continue;
    ColumnText& cells = out->cells[c];
    Status s = DecodeColumnChunk(mapping_->view(), group.columns[c],
                                 columns_[c], group.num_rows, &cells);
    if (!s.ok()) return s;
    for (const auto& [column, test] : resolved_.tests) {
      if (column != c) continue;
      for (size_t r = 0; r < rows; ++r) {
        if (out->pass[r] && !test->holds(cells.cell(r))) out->pass[r] = 0;
      }
    }
  }
  return Status::Ok();
}

void ParquetSource::Render(size_t index, std::string_view prefix,
                           RowGroupText* out) const {
  const RowGroup& group = meta_.row_groups[index];
  const size_t rows = static_cast<size_t>(group.num_rows);
  out->lines.assign(prefix);
  out->bytes = 0;
  for (const ColumnChunk& chunk : group.columns) {
    out->bytes += static_cast<uint64_t>(chunk.total_compressed_size);
  }
  out->status = Test(group, out);
  if (!out->status.ok()) return;
  size_t passed = 0;
  for (const uint8_t p : out->pass) passed += p;
  const uint8_t* const keep =
      resolved_.tests.empty() ? nullptr : out->pass.data();
  // show[c]: column c is rendered for passing rows (1), for every row (2).
  std::vector<uint8_t> show(columns_.size(), 0);
  for (size_t c = 0; c < columns_.size(); ++c) {
    const bool every_row = resolved_.of_rejected[c] != 0;
    if (!resolved_.needed[c] || (!every_row && passed == 0)) continue;
    show[c] = every_row ? 2 : 1;
    if (tested_[c]) continue;  // decoded by Test
    out->status = DecodeColumnChunk(mapping_->view(), group.columns[c],
                                    columns_[c], group.num_rows, &out->cells[c],
                                    every_row ? nullptr : keep);
    if (!out->status.ok()) return;
  }
  // A row is its shown cells between fixed runs of "-" fields: one layout
  // for the rows that pass, one for the others.
  struct Layout {
    std::vector<size_t> columns;
    std::vector<std::string> gaps;  // before each column, and the tail
  };
  Layout layouts[2];
  for (int failed = 0; failed < 2; ++failed) {
    Layout& l = layouts[failed];
    std::string gap;
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) gap += ' ';
      if (show[c] > failed) {
        l.columns.push_back(c);
        l.gaps.push_back(std::move(gap));
        gap.clear();
      } else {
        gap += '-';
      }
    }
    gap += '\n';
    l.gaps.push_back(std::move(gap));
  }
  // Sized for the longest row layout and every cell, then cut to size.
  size_t most = 0;
  for (const Layout& l : layouts) {
    size_t n = 0;
    for (const std::string& g : l.gaps) n += g.size();
    most = std::max(most, n);
  }
  size_t bytes = out->lines.size() + rows * most;
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (show[c]) bytes += out->cells[c].bytes();
  }
  size_t at = out->lines.size();
  out->lines.resize(bytes);
  char* const base = out->lines.data();
  auto put = [&](std::string_view s) {
    std::memcpy(base + at, s.data(), s.size());
    at += s.size();
  };
  for (size_t r = 0; r < rows; ++r) {
    const Layout& l = layouts[out->pass[r] ? 0 : 1];
    for (size_t i = 0; i < l.columns.size(); ++i) {
      put(l.gaps[i]);
      put(out->cells[l.columns[i]].cell(r));
    }
    put(l.gaps.back());
  }
  out->lines.resize(at);
}

void ParquetSource::StartMore() {
  while (pending_.size() < threads_ && !free_slots_.empty() &&
         next_group_ < meta_.row_groups.size()) {
    const size_t index = next_group_++;
    const size_t slot = free_slots_.back();
    free_slots_.pop_back();
    const std::string_view prefix =
        index == 0 ? std::string_view(header_) : std::string_view();
    RowGroupText* out = &slots_[slot];
    pending_.push_back(
        {slot, std::async(std::launch::async, [this, index, prefix, out] {
           Render(index, prefix, out);
         })});
  }
}

Status ParquetSource::Next(Chunk* chunk) {
  chunk->data = {};
  chunk->too_long = false;
  chunk->timestamps = nullptr;
  if (held_slot_ != SIZE_MAX) {
    free_slots_.push_back(held_slot_);
    held_slot_ = SIZE_MAX;
  }
  if (!started_) {
    started_ = true;
    if (meta_.row_groups.empty()) {
      consumed_ = size_hint();
      chunk->data = header_;  // a file without rows: its header alone
      return Status::Ok();
    }
  }
  // Empty row groups hand out nothing (group 0 still has the header).
  while (true) {
    StartMore();
    if (pending_.empty()) return Status::Ok();
    Pending ready = std::move(pending_.front());
    pending_.pop_front();
    ready.done.get();
    RowGroupText& text = slots_[ready.slot];
    if (!text.status.ok()) {
      next_group_ = meta_.row_groups.size();  // nothing after damage
      free_slots_.push_back(ready.slot);
      for (Pending& p : pending_) {
        p.done.wait();
        free_slots_.push_back(p.slot);
      }
      pending_.clear();
      return Status::Corrupt(
          fmt::format("{}: {}", name(), text.status.message()));
    }
    consumed_ += text.bytes;
    if (pending_.empty() && next_group_ >= meta_.row_groups.size()) {
      consumed_ = size_hint();
    }
    if (!text.lines.empty()) {
      held_slot_ = ready.slot;
      // The next row groups decode while this one is scanned.
      StartMore();
      chunk->data = text.lines;
      return Status::Ok();
    }
    free_slots_.push_back(ready.slot);
  }
}

}  // namespace parquet
}  // namespace flowmon
