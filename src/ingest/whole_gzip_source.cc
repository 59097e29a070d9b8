#include "ingest/whole_gzip_source.h"

#include <libdeflate.h>

#include <algorithm>

namespace flowmon {

bool WholeGzipSource::Inflate(std::string_view in, size_t limit) {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  if (d == nullptr) return false;
  size_t used = 0;
  size_t pos = 0;
  size_t capacity = std::max<size_t>(in.size() * 8, 1 << 16);
  bool ok = true;
  while (pos < in.size()) {
    // Zero padding after a member ends the input (as in GzipInflater).
    if (pos > 0 && in.find_first_not_of('\0', pos) == std::string_view::npos) {
      break;
    }
    if (out_.size() < used + capacity) out_.resize(used + capacity);
    size_t in_used = 0, out_used = 0;
    const libdeflate_result r = libdeflate_gzip_decompress_ex(
        d, in.data() + pos, in.size() - pos, out_.data() + used,
        out_.size() - used, &in_used, &out_used);
    if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
      capacity *= 2;
      if (used + capacity > limit) {
        ok = false;
        break;
      }
      continue;
    }
    if (r != LIBDEFLATE_SUCCESS) {
      ok = false;
      break;
    }
    used += out_used;
    pos += in_used;
  }
  libdeflate_free_decompressor(d);
  if (!ok) {
    out_.clear();
    out_.shrink_to_fit();
    return false;
  }
  out_.resize(used);
  set_bytes(std::string_view(out_.data(), out_.size()));
  return true;
}

}  // namespace flowmon
