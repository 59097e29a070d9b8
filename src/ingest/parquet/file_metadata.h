// Parquet's footer and page headers (parquet.thrift), as far as a reader
// of flat files needs them, parsed from Thrift's compact protocol.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"

namespace flowmon::parquet {

// parquet.thrift's enums, the values this reader names or reads.
enum PhysicalType : int32_t {
  kBoolean = 0,
  kInt32 = 1,
  kInt64 = 2,
  kInt96 = 3,
  kFloat = 4,
  kDouble = 5,
  kByteArray = 6,
  kFixedLenByteArray = 7,
};
enum Repetition : int32_t { kRequired = 0, kOptional = 1, kRepeated = 2 };
enum Codec : int32_t { kUncompressed = 0, kSnappy = 1, kGzip = 2 };
enum Encoding : int32_t {
  kPlain = 0,
  kPlainDictionary = 2,
  kRle = 3,
  kRleDictionary = 8,
};
enum PageType : int32_t {
  kDataPage = 0,
  kIndexPage = 1,
  kDictionaryPage = 2,
  kDataPageV2 = 3,
};

// parquet.thrift's names for messages: "SNAPPY", "DELTA_BINARY_PACKED".
std::string_view CodecName(int32_t codec);
std::string_view EncodingName(int32_t encoding);
std::string_view TypeName(int32_t type);

struct SchemaElement {
  int32_t type = -1;  // a PhysicalType; -1 for a group
  int32_t repetition = kRequired;
  std::string name;
  int32_t num_children = 0;
};

struct ColumnChunk {
  int32_t type = -1;
  int32_t codec = kUncompressed;
  int64_t num_values = 0;
  int64_t total_compressed_size = 0;
  int64_t data_page_offset = 0;
  int64_t dictionary_page_offset = -1;  // -1: none
  bool external = false;                // file_path set: in another file
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  int64_t num_rows = 0;
};

struct FileMetaData {
  std::vector<SchemaElement> schema;  // [0] is the root
  int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
};

// Errors are Corrupt, naming what could not be read ("footer").
Result<FileMetaData> ParseFileMetaData(std::string_view bytes);

struct PageHeader {
  int32_t type = -1;
  int32_t uncompressed_size = 0;
  int32_t compressed_size = 0;
  int32_t num_values = 0;  // data and dictionary pages
  int32_t encoding = kPlain;
  int32_t definition_level_encoding = kRle;  // v1 data pages
  // v2 data pages: level bytes lead the page and are never compressed.
  int32_t definition_levels_size = 0;
  int32_t repetition_levels_size = 0;
  bool is_compressed = true;
  // Bytes the header itself took.
  size_t header_size = 0;
};

// The page header at the start of `bytes`.
Result<PageHeader> ParsePageHeader(std::string_view bytes);

}  // namespace flowmon::parquet
