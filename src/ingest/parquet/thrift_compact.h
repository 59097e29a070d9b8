// A reader of Thrift's compact protocol, as much of it as Parquet's footer
// and page headers use: structs of integers, strings, lists and nested
// structs; any other field is skipped.
#pragma once

#include <cstdint>
#include <string_view>

namespace flowmon::parquet {

// Compact protocol type ids (the low nibble of a field header).
enum class ThriftType : unsigned char {
  kStop = 0,
  kTrue = 1,
  kFalse = 2,
  kByte = 3,
  kI16 = 4,
  kI32 = 5,
  kI64 = 6,
  kDouble = 7,
  kBinary = 8,
  kList = 9,
  kSet = 10,
  kMap = 11,
  kStruct = 12,
};

// Reads from bytes it does not own (they must outlive it). Damage (a read
// past the end, an unknown type, nesting too deep) sets failed() and makes
// every later read return zeros, so a caller checks once at the end.
class ThriftReader {
 public:
  explicit ThriftReader(std::string_view bytes) : bytes_(bytes) {}

  // The next field of the struct being read: false at its stop byte.
  // `last_id` is the id of the previous field of this struct (0 first).
  bool NextField(int16_t* last_id, ThriftType* type);
  int64_t ReadInt();  // i8, i16, i32 or i64 (zigzag varint)
  std::string_view ReadBinary();
  // A list's (or set's) size and element type.
  uint32_t ReadListHeader(ThriftType* element_type);
  // Skips one value of `type` (a whole struct, list or map).
  void Skip(ThriftType type);
  // For a bool field, its value is in its type id.
  static bool BoolOf(ThriftType type) { return type == ThriftType::kTrue; }

  bool failed() const { return failed_; }
  // For a caller that finds the bytes are not what it expects.
  void MarkFailed() { Fail(); }
  // Bytes read so far.
  size_t position() const { return pos_; }

 private:
  uint64_t ReadVarint();
  void Fail() {
    failed_ = true;
    pos_ = bytes_.size();
  }

  std::string_view bytes_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool failed_ = false;
};

}  // namespace flowmon::parquet
