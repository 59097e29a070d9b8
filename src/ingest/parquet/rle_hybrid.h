// Parquet's RLE / bit-packed hybrid encoding (Encodings.md), which holds
// definition levels and dictionary indices: runs of one repeated value and
// groups of eight bit-packed values, LSB first.
#pragma once

#include <cstdint>
#include <string_view>

namespace flowmon::parquet {

// Decodes values of `bit_width` bits (0..32) from bytes it does not own.
class RleHybridDecoder {
 public:
  RleHybridDecoder(std::string_view bytes, int bit_width)
      : bytes_(bytes), bit_width_(bit_width) {}

  // The next value; false at the end of the bytes or on damage.
  bool Next(uint32_t* value);
  // The next `n` values into out[0..n); how many there were (fewer at the
  // end of the bytes or on damage). Runs are filled, not stepped through.
  size_t Take(uint32_t* out, size_t n);

 private:
  bool StartRun();

  std::string_view bytes_;
  size_t pos_ = 0;
  int bit_width_;
  uint32_t repeat_left_ = 0;  // values left in an RLE run
  uint32_t repeat_value_ = 0;
  uint32_t packed_left_ = 0;  // values left in bit-packed groups
  uint64_t bit_pos_ = 0;      // of the next packed value, from bytes_[0]
};

}  // namespace flowmon::parquet
