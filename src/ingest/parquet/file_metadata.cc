#include "ingest/parquet/file_metadata.h"

#include "ingest/parquet/thrift_compact.h"

namespace flowmon::parquet {
namespace {

// Calls on_field(id, type) for each field of the struct at the reader;
// on_field reads or skips the value and returns false to skip it.
template <typename OnField>
void ReadStruct(ThriftReader* in, OnField on_field) {
  int16_t id = 0;
  ThriftType type;
  while (in->NextField(&id, &type)) {
    if (!on_field(id, type)) in->Skip(type);
  }
}

// Reads a list of structs, each with read(element).
template <typename T, typename ReadOne>
void ReadStructList(ThriftReader* in, std::vector<T>* out, ReadOne read) {
  ThriftType element;
  const uint32_t n = in->ReadListHeader(&element);
  if (element != ThriftType::kStruct && n > 0) {
    in->Skip(ThriftType::kStruct);  // not a struct list: fail on purpose
    return;
  }
  out->reserve(n);
  for (uint32_t i = 0; i < n && !in->failed(); ++i) {
    read(&out->emplace_back());
  }
}

int32_t Int32(ThriftReader* in) { return static_cast<int32_t>(in->ReadInt()); }

void ReadSchemaElement(ThriftReader* in, SchemaElement* e) {
  ReadStruct(in, [&](int16_t id, ThriftType) {
    switch (id) {
      case 1:
        e->type = Int32(in);
        return true;
      case 3:
        e->repetition = Int32(in);
        return true;
      case 4:
        e->name = std::string(in->ReadBinary());
        return true;
      case 5:
        e->num_children = Int32(in);
        return true;
      default:
        return false;
    }
  });
}

void ReadColumnMetaData(ThriftReader* in, ColumnChunk* c) {
  ReadStruct(in, [&](int16_t id, ThriftType) {
    switch (id) {
      case 1:
        c->type = Int32(in);
        return true;
      case 4:
        c->codec = Int32(in);
        return true;
      case 5:
        c->num_values = in->ReadInt();
        return true;
      case 7:
        c->total_compressed_size = in->ReadInt();
        return true;
      case 9:
        c->data_page_offset = in->ReadInt();
        return true;
      case 11:
        c->dictionary_page_offset = in->ReadInt();
        return true;
      default:
        return false;
    }
  });
}

void ReadColumnChunk(ThriftReader* in, ColumnChunk* c) {
  ReadStruct(in, [&](int16_t id, ThriftType) {
    switch (id) {
      case 1:
        in->ReadBinary();
        c->external = true;
        return true;
      case 3:
        ReadColumnMetaData(in, c);
        return true;
      default:
        return false;
    }
  });
}

void ReadRowGroup(ThriftReader* in, RowGroup* g) {
  ReadStruct(in, [&](int16_t id, ThriftType) {
    switch (id) {
      case 1:
        ReadStructList(in, &g->columns,
                       [&](ColumnChunk* c) { ReadColumnChunk(in, c); });
        return true;
      case 3:
        g->num_rows = in->ReadInt();
        return true;
      default:
        return false;
    }
  });
}

void ReadDataPageHeader(ThriftReader* in, PageHeader* h) {
  ReadStruct(in, [&](int16_t id, ThriftType) {
    switch (id) {
      case 1:
        h->num_values = Int32(in);
        return true;
      case 2:
        h->encoding = Int32(in);
        return true;
      case 3:
        h->definition_level_encoding = Int32(in);
        return true;
      default:
        return false;
    }
  });
}

void ReadDictionaryPageHeader(ThriftReader* in, PageHeader* h) {
  ReadStruct(in, [&](int16_t id, ThriftType) {
    switch (id) {
      case 1:
        h->num_values = Int32(in);
        return true;
      case 2:
        h->encoding = Int32(in);
        return true;
      default:
        return false;
    }
  });
}

void ReadDataPageHeaderV2(ThriftReader* in, PageHeader* h) {
  ReadStruct(in, [&](int16_t id, ThriftType type) {
    switch (id) {
      case 1:
        h->num_values = Int32(in);
        return true;
      case 4:
        h->encoding = Int32(in);
        return true;
      case 5:
        h->definition_levels_size = Int32(in);
        return true;
      case 6:
        h->repetition_levels_size = Int32(in);
        return true;
      case 7:
        h->is_compressed = ThriftReader::BoolOf(type);
        return true;
      default:
        return false;
    }
  });
}

}  // namespace

std::string_view CodecName(int32_t codec) {
  static constexpr std::string_view kNames[] = {
      "UNCOMPRESSED", "SNAPPY", "GZIP", "LZO",
      "BROTLI",       "LZ4",    "ZSTD", "LZ4_RAW"};
  if (codec >= 0 && codec < 8) return kNames[codec];
  return "an unknown codec";
}

std::string_view EncodingName(int32_t encoding) {
  static constexpr std::string_view kNames[] = {"PLAIN",
                                                "GROUP_VAR_INT",
                                                "PLAIN_DICTIONARY",
                                                "RLE",
                                                "BIT_PACKED",
                                                "DELTA_BINARY_PACKED",
                                                "DELTA_LENGTH_BYTE_ARRAY",
                                                "DELTA_BYTE_ARRAY",
                                                "RLE_DICTIONARY",
                                                "BYTE_STREAM_SPLIT"};
  if (encoding >= 0 && encoding < 10) return kNames[encoding];
  return "an unknown encoding";
}

std::string_view TypeName(int32_t type) {
  static constexpr std::string_view kNames[] = {
      "BOOLEAN", "INT32",  "INT64",      "INT96",
      "FLOAT",   "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"};
  if (type >= 0 && type < 8) return kNames[type];
  return "a group";
}

Result<FileMetaData> ParseFileMetaData(std::string_view bytes) {
  ThriftReader in(bytes);
  FileMetaData meta;
  ReadStruct(&in, [&](int16_t id, ThriftType) {
    switch (id) {
      case 2:
        ReadStructList(&in, &meta.schema,
                       [&](SchemaElement* e) { ReadSchemaElement(&in, e); });
        return true;
      case 3:
        meta.num_rows = in.ReadInt();
        return true;
      case 4:
        ReadStructList(&in, &meta.row_groups,
                       [&](RowGroup* g) { ReadRowGroup(&in, g); });
        return true;
      default:
        return false;
    }
  });
  if (in.failed())
    return Status::Corrupt("corrupt Parquet footer (FileMetaData)");
  return meta;
}

Result<PageHeader> ParsePageHeader(std::string_view bytes) {
  ThriftReader in(bytes);
  PageHeader h;
  ReadStruct(&in, [&](int16_t id, ThriftType) {
    switch (id) {
      case 1:
        h.type = Int32(&in);
        return true;
      case 2:
        h.uncompressed_size = Int32(&in);
        return true;
      case 3:
        h.compressed_size = Int32(&in);
        return true;
      case 5:
        ReadDataPageHeader(&in, &h);
        return true;
      case 7:
        ReadDictionaryPageHeader(&in, &h);
        return true;
      case 8:
        ReadDataPageHeaderV2(&in, &h);
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
