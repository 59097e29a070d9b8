#include "ingest/parquet/thrift_compact.h"

namespace flowmon::parquet {
namespace {

// Deeper nesting than Parquet's metadata has is damage, not data.
constexpr int kMaxDepth = 32;

}  // namespace

uint64_t ThriftReader::ReadVarint() {
  uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos_ >= bytes_.size()) break;
    const auto byte = static_cast<unsigned char>(bytes_[pos_++]);
    value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  Fail();
  return 0;
}

int64_t ThriftReader::ReadInt() {
  const uint64_t v = ReadVarint();
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

std::string_view ThriftReader::ReadBinary() {
  const uint64_t size = ReadVarint();
  if (size > bytes_.size() - pos_) {
    Fail();
    return {};
  }
  const std::string_view s = bytes_.substr(pos_, size);
  pos_ += size;
  return s;
}

bool ThriftReader::NextField(int16_t* last_id, ThriftType* type) {
  if (pos_ >= bytes_.size()) {
    Fail();
    return false;
  }
  const auto byte = static_cast<unsigned char>(bytes_[pos_++]);
  *type = static_cast<ThriftType>(byte & 0x0f);
  if (*type == ThriftType::kStop) return false;
  const int delta = byte >> 4;
  *last_id = delta != 0 ? static_cast<int16_t>(*last_id + delta)
                        : static_cast<int16_t>(ReadInt());
  return !failed_;
}

uint32_t ThriftReader::ReadListHeader(ThriftType* element_type) {
  if (pos_ >= bytes_.size()) {
    Fail();
    return 0;
  }
  const auto byte = static_cast<unsigned char>(bytes_[pos_++]);
  *element_type = static_cast<ThriftType>(byte & 0x0f);
  uint64_t size = byte >> 4;
  if (size == 15) size = ReadVarint();
  // Every element takes at least a byte (bools in lists do too).
  if (size > bytes_.size() - pos_) {
    Fail();
    return 0;
  }
  return static_cast<uint32_t>(size);
}

void ThriftReader::Skip(ThriftType type) {
  if (failed_) return;
  if (++depth_ > kMaxDepth) {
    Fail();
    return;
  }
  switch (type) {
    case ThriftType::kTrue:
    case ThriftType::kFalse:
      break;
    case ThriftType::kByte:
      if (pos_ >= bytes_.size()) {
        Fail();
      } else {
        ++pos_;
      }
      break;
    case ThriftType::kI16:
    case ThriftType::kI32:
    case ThriftType::kI64:
      ReadVarint();
      break;
    case ThriftType::kDouble:
      if (bytes_.size() - pos_ < 8)
        Fail();
      else
        pos_ += 8;
      break;
    case ThriftType::kBinary:
      ReadBinary();
      break;
    case ThriftType::kList:
    case ThriftType::kSet: {
      ThriftType element;
      const uint32_t n = ReadListHeader(&element);
      for (uint32_t i = 0; i < n && !failed_; ++i) {
        // A bool element is a whole byte, not folded into a type id.
        if (element == ThriftType::kTrue || element == ThriftType::kFalse) {
          Skip(ThriftType::kByte);
        } else {
          Skip(element);
        }
      }
      break;
    }
    case ThriftType::kMap: {
      const uint64_t n = ReadVarint();
      if (n == 0) break;
      if (pos_ >= bytes_.size() || n > bytes_.size() - pos_) {
        Fail();
        break;
      }
      const auto kinds = static_cast<unsigned char>(bytes_[pos_++]);
      for (uint64_t i = 0; i < n && !failed_; ++i) {
        Skip(static_cast<ThriftType>(kinds >> 4));
        Skip(static_cast<ThriftType>(kinds & 0x0f));
      }
      break;
    }
    case ThriftType::kStruct: {
      int16_t id = 0;
      ThriftType field;
      while (NextField(&id, &field)) Skip(field);
      break;
    }
    default:
      Fail();
  }
  --depth_;
}

}  // namespace flowmon::parquet
