#include "ingest/parquet/rle_hybrid.h"

#include <algorithm>
#include <cstring>

namespace flowmon::parquet {

bool RleHybridDecoder::StartRun() {
  uint64_t header = 0;
  for (int shift = 0;; shift += 7) {
    if (pos_ >= bytes_.size() || shift > 35) return false;
    const auto byte = static_cast<unsigned char>(bytes_[pos_++]);
    header |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) break;
  }
  if (header & 1) {
    const uint64_t groups = header >> 1;
    const uint64_t bytes = groups * static_cast<uint64_t>(bit_width_);
    // A writer may end the last group early: values past the bytes there
    // are not asked for.
    packed_left_ = static_cast<uint32_t>(groups * 8);
    bit_pos_ = pos_ * 8;
    pos_ = bytes > bytes_.size() - pos_ ? bytes_.size() : pos_ + bytes;
    return packed_left_ > 0;
  }
  repeat_left_ = static_cast<uint32_t>(header >> 1);
  const int width_bytes = (bit_width_ + 7) / 8;
  if (static_cast<size_t>(width_bytes) > bytes_.size() - pos_) return false;
  repeat_value_ = 0;
  for (int i = 0; i < width_bytes; ++i) {
    repeat_value_ |=
        static_cast<uint32_t>(static_cast<unsigned char>(bytes_[pos_ + i]))
        << (8 * i);
  }
  pos_ += width_bytes;
  return repeat_left_ > 0;
}

size_t RleHybridDecoder::Take(uint32_t* out, size_t n) {
  size_t got = 0;
  while (got < n) {
    if (repeat_left_ > 0) {
      const size_t k = std::min<size_t>(repeat_left_, n - got);
      std::fill_n(out + got, k, repeat_value_);
      repeat_left_ -= static_cast<uint32_t>(k);
      got += k;
      continue;
    }
    if (!Next(out + got)) break;
    ++got;
  }
  return got;
}

bool RleHybridDecoder::Next(uint32_t* value) {
  if (repeat_left_ == 0 && packed_left_ == 0 && !StartRun()) return false;
  if (repeat_left_ > 0) {
    --repeat_left_;
    *value = repeat_value_;
    return true;
  }
  if (bit_pos_ + bit_width_ > pos_ * 8) return false;  // cut short
  const size_t at = static_cast<size_t>(bit_pos_ / 8);
  if (bytes_.size() - at >= sizeof(uint64_t)) {
    // One load: a value of up to 32 bits at a bit offset up to 7 fits in
    // the 64 bits there.
    uint64_t word;
    std::memcpy(&word, bytes_.data() + at, sizeof word);
    const uint64_t mask = (uint64_t{1} << bit_width_) - 1;
    *value = static_cast<uint32_t>((word >> (bit_pos_ % 8)) & mask);
    bit_pos_ += static_cast<uint64_t>(bit_width_);
    --packed_left_;
    return true;
  }
  uint64_t v = 0;
  for (int got = 0; got < bit_width_;) {
    const uint64_t byte = static_cast<unsigned char>(bytes_[bit_pos_ / 8]);
    const int offset = static_cast<int>(bit_pos_ % 8);
    const int take = std::min(8 - offset, bit_width_ - got);
    v |= ((byte >> offset) & ((1u << take) - 1)) << got;
    got += take;
    bit_pos_ += take;
  }
  --packed_left_;
  *value = static_cast<uint32_t>(v);
  return true;
}

}  // namespace flowmon::parquet
