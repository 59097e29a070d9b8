#include "ingest/parquet/column_text.h"

#include <fmt/format.h>
#include <snappy-c.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <span>

#include "ingest/gzip_inflate.h"
#include "ingest/parquet/rle_hybrid.h"

namespace flowmon::parquet {
namespace {

Status ColumnError(const ColumnInfo& info, std::string_view what) {
  return Status::Corrupt(
      fmt::format("Parquet column '{}': {}", info.name, what));
}

// Inflates the gzip page `page` into *buffer, stopping one byte past
// `size`, the size its header declares: a page that inflates to more is
// damage (or a bomb), found without inflating the rest.
Status InflateCapped(std::string_view page, size_t size, std::string* buffer) {
  GzipInflater inflater;
  if (Status s = inflater.Init(); !s.ok()) return s;
  buffer->resize(size + 1);
  size_t n = 0;
  inflater.Feed(page.data(), page.size());
  while (!inflater.needs_input() && n <= size) {
    Status error;
    const size_t got = inflater.Inflate(
        std::span<char>(buffer->data() + n, buffer->size() - n), &error);
    if (!error.ok()) return error;
    if (got == 0) break;  // no progress: Finish() says why
    n += got;
  }
  if (n > size) {
    return Status::Corrupt(fmt::format(
        "inflates to more than the {} bytes its header declares", size));
  }
  buffer->resize(n);
  return inflater.Finish();
}

// A page of a column chunk: its column, its number in the chunk (from 1)
// and the chunk's offset in the file.
struct PageAt {
  const ColumnInfo& info;
  size_t page;
  int64_t chunk_offset;
};

Status PageError(const PageAt& at, std::string_view what) {
  return ColumnError(
      at.info, fmt::format("{} (page {} of the column chunk at byte {})", what,
                           at.page, at.chunk_offset));
}

// The page's bytes as written before compression: `page` itself, or
// inflated into *buffer.
Status Uncompress(std::string_view page, int32_t codec, size_t size,
                  const PageAt& at, std::string* buffer,
                  std::string_view* out) {
  const ColumnInfo& info = at.info;
  switch (codec) {
    case kUncompressed:
      *out = page;
      return Status::Ok();
    case kGzip: {
      const Status s = InflateCapped(page, size, buffer);
      if (!s.ok())
        return PageError(at, fmt::format("GZIP page: {}", s.message()));
      break;
    }
    case kSnappy: {
      size_t n = 0;
      // Validated first: a damaged length would size the buffer.
      if (snappy_validate_compressed_buffer(page.data(), page.size()) !=
              SNAPPY_OK ||
          snappy_uncompressed_length(page.data(), page.size(), &n) !=
              SNAPPY_OK ||
          n > size) {
        return PageError(at, "corrupt SNAPPY page");
      }
      buffer->resize(n);
      if (snappy_uncompress(page.data(), page.size(), buffer->data(), &n) !=
          SNAPPY_OK) {
        return PageError(at, "corrupt SNAPPY page");
      }
      buffer->resize(n);
      break;
    }
    default:
      return Status::Corrupt(fmt::format(
          "Parquet column '{}' is compressed with {}; flowmon reads GZIP, "
          "SNAPPY and uncompressed Parquet",
          info.name, CodecName(codec)));
  }
  if (buffer->size() != size)
    return PageError(at, "page size does not match its header");
  *out = *buffer;
  return Status::Ok();
}

// Reads a little-endian T at *pos of `bytes` and moves past it; false
// when the bytes end first.
template <typename T>
bool ReadLittleEndian(std::string_view bytes, size_t* pos, T* v) {
  if (bytes.size() - *pos < sizeof(T)) return false;
  std::memcpy(v, bytes.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
}

// Reads PLAIN values of info.type from `bytes`: one cell per entry of
// `defined` (a null where it is 0) appended to `out`, rendered only where
// `keep` (indexed by out's rows, null: everywhere) is set, else empty.
Status DecodePlain(std::string_view bytes, const ColumnInfo& info,
                   std::span<const unsigned char> defined, const uint8_t* keep,
                   ColumnText* out) {
  size_t pos = 0;
  for (const unsigned char d : defined) {
    if (!d) {
      out->AppendNull();
      continue;
    }
    const bool render = keep == nullptr || keep[out->size()] != 0;
    bool ok = false;
    if (info.type == kInt32) {
      int32_t v;
      ok = ReadLittleEndian(bytes, &pos, &v);
      if (ok) render ? out->AppendInt(v) : out->AppendCell({});
    } else if (info.type == kInt64) {
      int64_t v;
      ok = ReadLittleEndian(bytes, &pos, &v);
      if (ok) render ? out->AppendInt(v) : out->AppendCell({});
    } else {
      uint32_t n;
      ok = ReadLittleEndian(bytes, &pos, &n) && bytes.size() - pos >= n;
      if (ok) {
        render ? out->AppendString(bytes.substr(pos, n)) : out->AppendCell({});
      }
      pos += ok ? n : 0;
    }
    if (!ok) return ColumnError(info, "values cut short");
  }
  return Status::Ok();
}

Status UnsupportedEncoding(const ColumnInfo& info, int32_t encoding) {
  return Status::Corrupt(fmt::format(
      "Parquet column '{}' uses the {} encoding; flowmon reads PLAIN and "
      "dictionary (RLE_DICTIONARY, PLAIN_DICTIONARY) encodings",
      info.name, EncodingName(encoding)));
}

// One column chunk's decoding state across its pages.
class ChunkDecoder {
 public:
  ChunkDecoder(const ColumnInfo& info, int32_t codec, int64_t offset,
               const uint8_t* keep, ColumnText* out)
      : info_(info), codec_(codec), offset_(offset), keep_(keep), out_(out) {}

  void NextPage() { ++page_; }

  Status Page(const PageHeader& h, std::string_view page) {
    switch (h.type) {
      case kDictionaryPage:
        return Dictionary(h, page);
      case kDataPage:
        return DataV1(h, page);
      case kDataPageV2:
        return DataV2(h, page);
      default:
        return Status::Ok();  // index pages hold nothing to read
    }
  }

 private:
  Status Dictionary(const PageHeader& h, std::string_view page) {
    if (h.encoding != kPlain && h.encoding != kPlainDictionary) {
      return UnsupportedEncoding(info_, h.encoding);
    }
    std::string_view bytes;
    Status s = Uncompress(page, codec_, h.uncompressed_size, Where(), &buffer_,
                          &bytes);
    if (!s.ok()) return s;
    dictionary_.Clear();
    // Each value takes 4 bytes at least: more is damage (and would size
    // the buffer).
    if (h.num_values < 0 ||
        static_cast<size_t>(h.num_values) > bytes.size() / 4) {
      return ColumnError(info_, "values cut short");
    }
    defined_.assign(static_cast<size_t>(h.num_values), 1);
    return DecodePlain(bytes, info_, defined_, nullptr, &dictionary_);
  }

  Status DataV1(const PageHeader& h, std::string_view page) {
    std::string_view bytes;
    Status s = Uncompress(page, codec_, h.uncompressed_size, Where(), &buffer_,
                          &bytes);
    if (!s.ok()) return s;
    std::string_view levels;
    if (info_.optional) {
      if (h.definition_level_encoding != kRle) {
        return UnsupportedEncoding(info_, h.definition_level_encoding);
      }
      uint32_t n;
      size_t pos = 0;
      if (!ReadLittleEndian(bytes, &pos, &n) || bytes.size() - pos < n) {
        return ColumnError(info_, "definition levels cut short");
      }
      levels = bytes.substr(4, n);
      bytes.remove_prefix(4 + n);
    }
    return Values(h, levels, bytes);
  }

  Status DataV2(const PageHeader& h, std::string_view page) {
    if (h.repetition_levels_size != 0)
      return ColumnError(info_, "repeated values");
    if (static_cast<size_t>(h.definition_levels_size) > page.size()) {
      return ColumnError(info_, "definition levels cut short");
    }
    const std::string_view levels = page.substr(0, h.definition_levels_size);
    page.remove_prefix(h.definition_levels_size);
    std::string_view bytes = page;
    if (h.is_compressed) {
      const size_t size =
          static_cast<size_t>(h.uncompressed_size) - h.definition_levels_size;
      Status s = Uncompress(page, codec_, size, Where(), &buffer_, &bytes);
      if (!s.ok()) return s;
    }
    return Values(h, levels, bytes);
  }

  // A data page's values: `levels` (when the column is optional) tell
  // which of h.num_values are null.
  Status Values(const PageHeader& h, std::string_view levels,
                std::string_view bytes) {
    const size_t n = static_cast<size_t>(std::max(h.num_values, 0));
    defined_.assign(n, 1);
    size_t present = n;
    if (info_.optional) {
      RleHybridDecoder decoder(levels, 1);
      values_.resize(n);
      if (decoder.Take(values_.data(), n) != n)
        return ColumnError(info_, "definition levels cut short");
      present = 0;
      for (size_t i = 0; i < n; ++i) {
        defined_[i] = values_[i] != 0;
        present += defined_[i];
      }
    }
    if (h.encoding == kPlain) {
      return DecodePlain(bytes, info_, defined_, keep_, out_);
    }
    if (h.encoding != kRleDictionary && h.encoding != kPlainDictionary) {
      return UnsupportedEncoding(info_, h.encoding);
    }
    if (bytes.empty()) {
      if (present == 0) {
        for (size_t i = 0; i < n; ++i) out_->AppendNull();
        return Status::Ok();
      }
      return ColumnError(info_, "dictionary indices cut short");
    }
    const int width = static_cast<unsigned char>(bytes[0]);
    if (width > 32) return ColumnError(info_, "corrupt dictionary indices");
    RleHybridDecoder indices(bytes.substr(1), width);
    values_.resize(present);
    if (indices.Take(values_.data(), present) != present)
      return ColumnError(info_, "dictionary indices cut short");
    size_t next = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!defined_[i]) {
        out_->AppendNull();
        continue;
      }
      const uint32_t index = values_[next++];
      if (index >= dictionary_.size())
        return ColumnError(info_, "dictionary index out of range");
      const bool render = keep_ == nullptr || keep_[out_->size()] != 0;
      out_->AppendCell(render ? dictionary_.cell(index) : std::string_view());
    }
    return Status::Ok();
  }

  // Where a page that does not uncompress is, for its error.
  PageAt Where() const { return {info_, page_, offset_}; }

  const ColumnInfo& info_;
  int32_t codec_;
  int64_t offset_;       // of the chunk's first page in the file
  const uint8_t* keep_;  // rows to render, or null for all
  size_t page_ = 1;
  ColumnText* out_;
  ColumnText dictionary_;
  std::vector<unsigned char> defined_;
  std::vector<uint32_t> values_;  // a page's levels, then its indices
  std::string buffer_;
};

}  // namespace

void ColumnText::AppendNull() { AppendCell("-"); }

void ColumnText::AppendInt(int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  AppendCell(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

void ColumnText::AppendString(std::string_view s) {
  if (s.empty()) {
    AppendNull();
    return;
  }
  const size_t begin = text_.size();
  text_.append(s);
  for (size_t i = begin; i < text_.size(); ++i) {
    char& c = text_[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') c = '_';
  }
  ends_.push_back(text_.size());
}

Status DecodeColumnChunk(std::string_view file, const ColumnChunk& chunk,
                         const ColumnInfo& info, int64_t num_rows,
                         ColumnText* out, const uint8_t* keep) {
  out->Clear();
  int64_t start = chunk.data_page_offset;
  if (chunk.dictionary_page_offset > 0 &&
      chunk.dictionary_page_offset < start) {
    start = chunk.dictionary_page_offset;
  }
  if (start < 0 || chunk.total_compressed_size < 0 ||
      static_cast<uint64_t>(start) > file.size() ||
      static_cast<uint64_t>(chunk.total_compressed_size) >
          file.size() - start) {
    return ColumnError(info, "column chunk lies outside the file");
  }
  std::string_view bytes = file.substr(start, chunk.total_compressed_size);
  ChunkDecoder decoder(info, chunk.codec, start, keep, out);
  while (static_cast<int64_t>(out->size()) < num_rows) {
    if (bytes.empty()) return ColumnError(info, "fewer values than rows");
    Result<PageHeader> h = ParsePageHeader(bytes);
    if (!h.ok()) return ColumnError(info, h.status().message());
    bytes.remove_prefix(h->header_size);
    if (static_cast<size_t>(h->compressed_size) > bytes.size()) {
      return ColumnError(info, "page cut short");
    }
    // A flat column has one value per row: more in a page is damage (and
    // would size its buffers).
    if ((h->type == kDataPage || h->type == kDataPageV2) &&
        h->num_values > num_rows - static_cast<int64_t>(out->size())) {
      return ColumnError(info, "more values than rows");
    }
    const Status s = decoder.Page(*h, bytes.substr(0, h->compressed_size));
    if (!s.ok()) return s;
    bytes.remove_prefix(h->compressed_size);
    decoder.NextPage();
  }
  if (static_cast<int64_t>(out->size()) != num_rows) {
    return ColumnError(info, "more values than rows");
  }
  return Status::Ok();
}

}  // namespace flowmon::parquet
