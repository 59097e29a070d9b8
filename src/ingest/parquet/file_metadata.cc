#include "ingest/parquet/file_metadata.h"

#include <initializer_list>
#include <variant>

#include "ingest/parquet/thrift_compact.h"

namespace flowmon::parquet {
namespace {

// An integer field of a struct and where its value goes.
struct IntField {
  int16_t id;
  std::variant<int32_t*, int64_t*> to;
};

bool IsInt(ThriftType t) {
  return t == ThriftType::kByte || t == ThriftType::kI16 ||
         t == ThriftType::kI32 || t == ThriftType::kI64;
}

// Reads the struct at the reader: the integer fields `ints` into their
// places, any other field with other(id, type), which reads its value and
// returns true or returns false to have it skipped.
template <typename Other>
void ReadFields(ThriftReader* in, std::initializer_list<IntField> ints,
                Other other) {
  int16_t id = 0;
  ThriftType type;
  while (in->NextField(&id, &type)) {
    const IntField* f = nullptr;
    for (const IntField& i : ints) {
      if (i.id == id) f = &i;
    }
    if (f != nullptr && IsInt(type)) {
      const int64_t v = in->ReadInt();
      if (auto* p = std::get_if<int32_t*>(&f->to)) {
        **p = static_cast<int32_t>(v);
      } else {
        *std::get<int64_t*>(f->to) = v;
      }
    } else if (f != nullptr || !other(id, type)) {
      in->Skip(type);
    }
  }
}

void ReadInts(ThriftReader* in, std::initializer_list<IntField> ints) {
  ReadFields(in, ints, [](int16_t, ThriftType) { return false; });
}

// Reads a list of structs, each with read(element).
template <typename T, typename ReadOne>
void ReadStructList(ThriftReader* in, std::vector<T>* out, ReadOne read) {
  ThriftType element;
  const uint32_t n = in->ReadListHeader(&element);
  if (element != ThriftType::kStruct && n > 0) {
    in->MarkFailed();  // not a list of structs
    return;
  }
  out->reserve(n);
  for (uint32_t i = 0; i < n && !in->failed(); ++i) {
    read(&out->emplace_back());
  }
}

void ReadSchemaElement(ThriftReader* in, SchemaElement* e) {
  ReadFields(in, {{1, &e->type}, {3, &e->repetition}, {5, &e->num_children}},
             [&](int16_t id, ThriftType type) {
               if (id != 4 || type != ThriftType::kBinary) return false;
               e->name = std::string(in->ReadBinary());
               return true;
             });
}

void ReadColumnChunk(ThriftReader* in, ColumnChunk* c) {
  ReadFields(in, {}, [&](int16_t id, ThriftType) {
    if (id == 1) {  // file_path: the chunk is in another file
      c->external = true;
      return false;
    }
    if (id != 3) return false;
    ReadInts(in, {{1, &c->type},
                  {4, &c->codec},
                  {5, &c->num_values},
                  {7, &c->total_compressed_size},
                  {9, &c->data_page_offset},
                  {11, &c->dictionary_page_offset}});
    return true;
  });
}

void ReadRowGroup(ThriftReader* in, RowGroup* g) {
  ReadFields(in, {{3, &g->num_rows}}, [&](int16_t id, ThriftType) {
    if (id != 1) return false;
    ReadStructList(in, &g->columns,
                   [&](ColumnChunk* c) { ReadColumnChunk(in, c); });
    return true;
  });
}

}  // namespace

namespace {

// parquet.thrift's name for the enum value v, or `other`.
template <size_t N>
std::string_view NameIn(const std::string_view (&names)[N], int32_t v,
                        std::string_view other) {
  return v >= 0 && static_cast<size_t>(v) < N ? names[v] : other;
}

constexpr std::string_view kCodecNames[] = {"UNCOMPRESSED", "SNAPPY", "GZIP",
                                            "LZO",          "BROTLI", "LZ4",
                                            "ZSTD",         "LZ4_RAW"};
constexpr std::string_view kEncodingNames[] = {"PLAIN",
                                               "GROUP_VAR_INT",
                                               "PLAIN_DICTIONARY",
                                               "RLE",
                                               "BIT_PACKED",
                                               "DELTA_BINARY_PACKED",
                                               "DELTA_LENGTH_BYTE_ARRAY",
                                               "DELTA_BYTE_ARRAY",
                                               "RLE_DICTIONARY",
                                               "BYTE_STREAM_SPLIT"};
constexpr std::string_view kTypeNames[] = {
    "BOOLEAN", "INT32",  "INT64",      "INT96",
    "FLOAT",   "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"};

}  // namespace

std::string_view CodecName(int32_t codec) {
  return NameIn(kCodecNames, codec, "an unknown codec");
}

std::string_view EncodingName(int32_t encoding) {
  return NameIn(kEncodingNames, encoding, "an unknown encoding");
}

std::string_view TypeName(int32_t type) {
  return NameIn(kTypeNames, type, "a group");
}

Result<FileMetaData> ParseFileMetaData(std::string_view bytes) {
  ThriftReader in(bytes);
  FileMetaData meta;
  ReadFields(&in, {{3, &meta.num_rows}}, [&](int16_t id, ThriftType) {
    if (id == 2) {
      ReadStructList(&in, &meta.schema,
                     [&](SchemaElement* e) { ReadSchemaElement(&in, e); });
      return true;
    }
    if (id == 4) {
      ReadStructList(&in, &meta.row_groups,
                     [&](RowGroup* g) { ReadRowGroup(&in, g); });
      return true;
    }
    return false;
  });
  if (in.failed()) {
    return Status::Corrupt("corrupt Parquet footer (FileMetaData)");
  }
  return meta;
}

Result<PageHeader> ParsePageHeader(std::string_view bytes) {
  ThriftReader in(bytes);
  PageHeader h;
  ReadFields(&in,
             {{1, &h.type}, {2, &h.uncompressed_size}, {3, &h.compressed_size}},
             [&](int16_t id, ThriftType) {
               switch (id) {
                 case 5:  // DataPageHeader
                   ReadInts(&in, {{1, &h.num_values},
                                  {2, &h.encoding},
                                  {3, &h.definition_level_encoding}});
                   return true;
                 case 7:  // DictionaryPageHeader
                   ReadInts(&in, {{1, &h.num_values}, {2, &h.encoding}});
                   return true;
                 case 8:  // DataPageHeaderV2
                   ReadFields(&in,
                              {{1, &h.num_values},
                               {4, &h.encoding},
                               {5, &h.definition_levels_size},
                               {6, &h.repetition_levels_size}},
                              [&](int16_t v2_id, ThriftType type) {
                                if (v2_id != 7) return false;
                                h.is_compressed = ThriftReader::BoolOf(type);
                                return true;
                              });
                   return true;
                 default:
                   return false;
               }
             });
  if (in.failed() || h.type < 0 || h.compressed_size < 0 ||
      h.uncompressed_size < 0 || h.num_values < 0 ||
      h.definition_levels_size < 0 || h.repetition_levels_size < 0) {
    return Status::Corrupt("corrupt Parquet page header");
  }
  h.header_size = in.position();
  return h;
}

}  // namespace flowmon::parquet
