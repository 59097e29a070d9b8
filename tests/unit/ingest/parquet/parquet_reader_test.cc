// The Parquet reader's parts on hand-made bytes: Thrift's compact protocol,
// the RLE / bit-packed hybrid, the footer's checks; and whole files DuckDB
// wrote (tests/data/parquet) against the text they came from.
#include <fmt/format.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/ingest/format.h"
#include "flowmon/ingest/source.h"
#include "ingest/parquet/column_text.h"
#include "ingest/parquet/file_metadata.h"
#include "ingest/parquet/rle_hybrid.h"
#include "ingest/parquet/thrift_compact.h"

namespace flowmon::parquet {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (const int b : bytes) s += static_cast<char>(b);
  return s;
}

std::vector<uint32_t> DecodeAll(const std::string& bytes, int width) {
  RleHybridDecoder d(bytes, width);
  std::vector<uint32_t> out;
  uint32_t v;
  while (d.Next(&v)) out.push_back(v);
  return out;
}

std::string ReadAll(const std::string& path) {
  SourceOptions options;
  Result<std::unique_ptr<Source>> s = OpenSource(path, options);
  REQUIRE(s.ok());
  std::string all;
  for (;;) {
    Chunk c;
    REQUIRE((*s)->Next(&c).ok());
    if (c.data.empty()) break;
    all.append(c.data);
  }
  return all;
}

TEST_CASE("Thrift compact structs: deltas, long ids, zigzag, skipped fields",
          "[parquet]") {
  // field 1 i32 = -2 (zigzag 3), field 3 binary "ab", field 20 (long form)
  // i64 = 5, field 21 a list of 2 i32 (skipped), stop.
  const std::string bytes = Bytes({0x15, 0x03, 0x28, 0x02, 'a', 'b', 0x06, 0x28,
                                   0x0a, 0x19, 0x25, 0x02, 0x04, 0x00});
  ThriftReader in(bytes);
  int16_t id = 0;
  ThriftType type;
  REQUIRE(in.NextField(&id, &type));
  CHECK(id == 1);
  CHECK(in.ReadInt() == -2);
  REQUIRE(in.NextField(&id, &type));
  CHECK(id == 3);
  CHECK(in.ReadBinary() == "ab");
  REQUIRE(in.NextField(&id, &type));
  CHECK(id == 20);
  CHECK(in.ReadInt() == 5);
  REQUIRE(in.NextField(&id, &type));
  CHECK(id == 21);
  CHECK(type == ThriftType::kList);
  in.Skip(type);
  CHECK_FALSE(in.NextField(&id, &type));
  CHECK_FALSE(in.failed());
  CHECK(in.position() == bytes.size());
}

TEST_CASE("Thrift reads past the end fail instead of running on", "[parquet]") {
  // The reader views its bytes: they must outlive it.
  const std::string short_binary =
      Bytes({0x18, 0x05, 'a'});  // 5 bytes, 1 there
  ThriftReader in(short_binary);
  int16_t id = 0;
  ThriftType type;
  REQUIRE(in.NextField(&id, &type));
  CHECK(in.ReadBinary().empty());
  CHECK(in.failed());
  // A byte field whose byte is missing: the reader stays at the end.
  const std::string missing_byte = Bytes({0x13});
  ThriftReader byte(missing_byte);
  REQUIRE(byte.NextField(&id, &type));
  byte.Skip(type);
  CHECK(byte.failed());
  CHECK(byte.position() == 1);
  // A list of i32 where a list of structs (the schema) belongs.
  CHECK_FALSE(ParseFileMetaData(Bytes({0x29, 0x15, 0x02, 0x00})).ok());
  CHECK_FALSE(ParseFileMetaData(Bytes({0x19, 0xfc})).ok());
  CHECK_FALSE(ParsePageHeader("").ok());
}

TEST_CASE("RLE / bit-packed hybrid: runs and groups of eight", "[parquet]") {
  // A run of 3 ones (header 3<<1), then one bit-packed group of 8 values
  // of 3 bits (header 1<<1|1): 0..7 (Encodings.md's example).
  CHECK(DecodeAll(Bytes({0x06, 0x01, 0x03, 0x88, 0xc6, 0xfa}), 3) ==
        std::vector<uint32_t>{1, 1, 1, 0, 1, 2, 3, 4, 5, 6, 7});
  // Width 0: every value is 0.
  CHECK(DecodeAll(Bytes({0x04}), 0) == std::vector<uint32_t>{0, 0});
  // A run of a 2-byte value.
  CHECK(DecodeAll(Bytes({0x02, 0x34, 0x12}), 12) ==
        std::vector<uint32_t>{0x1234});
  // Cut short: the values the bytes hold, then the end.
  CHECK(DecodeAll(Bytes({0x03, 0x88}), 3) == std::vector<uint32_t>{0, 1});
}

TEST_CASE("RLE / bit-packed hybrid: Take fills runs and reads words",
          "[parquet]") {
  // Two bit-packed groups of 5-bit values 0..15 (header 2<<1|1, 10 bytes:
  // long enough for whole-word reads), then a run of 4 sevens.
  const std::string bytes = Bytes({0x05, 0x20, 0x88, 0x41, 0x8a, 0x39, 0x28,
                                   0xa9, 0xc5, 0x9a, 0x7b, 0x08, 0x07});
  std::vector<uint32_t> want;
  for (uint32_t v = 0; v < 16; ++v) want.push_back(v);
  for (int i = 0; i < 4; ++i) want.push_back(7);
  CHECK(DecodeAll(bytes, 5) == want);
  RleHybridDecoder d(bytes, 5);
  std::vector<uint32_t> got(30, 99);
  CHECK(d.Take(got.data(), 3) == 3);
  // Across the end of the groups into the run, and past the end.
  CHECK(d.Take(got.data() + 3, 27) == 17);
  got.resize(20);
  CHECK(got == want);
}

TEST_CASE("Parquet is told by its magic at both ends", "[parquet]") {
  CHECK(StartsAsParquet("PAR1xyz"));
  CHECK_FALSE(StartsAsParquet("PAR"));
  CHECK(IsParquet(std::string("PAR1\0\0\0\0PAR1", 12)));
  CHECK_FALSE(IsParquet("PAR1PAR1"));
  CHECK_FALSE(IsParquet(std::string("PAR1\0\0\0\0PAR2", 12)));
}

TEST_CASE("Parquet files DuckDB wrote read as the text they came from",
          "[parquet]") {
  const std::string dir = FLOWMON_TESTS_DATA_DIR "/parquet/";
  const std::string text = ReadAll(dir + "flows.log");
  for (const char* name :
       {"flows_gzip.parquet", "flows_snappy.parquet", "flows_none.parquet"}) {
    INFO(name);
    CHECK(ReadAll(dir + name) == text);
  }
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("a GZIP page that inflates past its declared size is an error",
          "[parquet]") {
  std::string file =
      FileBytes(FLOWMON_TESTS_DATA_DIR "/parquet/flows_gzip.parquet");
  REQUIRE(file.size() > 12);
  uint32_t footer_size;
  std::memcpy(&footer_size, file.data() + file.size() - 8, 4);
  Result<FileMetaData> meta = ParseFileMetaData(std::string_view(file).substr(
      file.size() - 8 - footer_size, footer_size));
  REQUIRE(meta.ok());
  const ColumnChunk& chunk = meta->row_groups[0].columns[0];
  REQUIRE(chunk.codec == kGzip);
  int64_t start = chunk.data_page_offset;
  if (chunk.dictionary_page_offset > 0 && chunk.dictionary_page_offset < start)
    start = chunk.dictionary_page_offset;
  ColumnInfo info;
  info.name = "version";
  info.type = chunk.type;
  info.optional = meta->schema[1].repetition == kOptional;
  ColumnText cells;
  REQUIRE(
      DecodeColumnChunk(file, chunk, info, meta->row_groups[0].num_rows, &cells)
          .ok());

  // The first page header starts with field 1 (type) and field 2
  // (uncompressed_page_size), each 0x15 and a zigzag varint: declare one
  // byte less, in as many varint bytes.
  Result<PageHeader> h = ParsePageHeader(std::string_view(file).substr(start));
  REQUIRE(h.ok());
  const size_t at = static_cast<size_t>(start);
  REQUIRE(file[at] == 0x15);
  REQUIRE(file[at + 2] == 0x15);
  uint32_t declared = static_cast<uint32_t>(h->uncompressed_size) - 1;
  std::string varint;
  for (uint32_t z = declared << 1;; z >>= 7) {
    if (z < 0x80) {
      varint += static_cast<char>(z);
      break;
    }
    varint += static_cast<char>((z & 0x7F) | 0x80);
  }
  size_t old_len = 0;
  while (file[at + 3 + old_len] & 0x80) ++old_len;
  ++old_len;
  REQUIRE(varint.size() == old_len);
  file.replace(at + 3, old_len, varint);

  const Status s = DecodeColumnChunk(file, chunk, info,
                                     meta->row_groups[0].num_rows, &cells);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message() ==
        fmt::format("Parquet column 'version': GZIP page: inflates to more "
                    "than the {} bytes its header declares (page 1 of the "
                    "column chunk at byte {})",
                    declared, start));
}

}  // namespace
}  // namespace flowmon::parquet
