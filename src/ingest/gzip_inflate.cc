#include "ingest/gzip_inflate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "flowmon/ingest/format.h"

namespace flowmon {
namespace {

// zlib counts bytes in 32 bits: larger spans go in pieces.
constexpr size_t kMaxSpan = size_t{1} << 30;

// "64 MiB", "1000 bytes".
std::string SizeText(size_t n) {
  if (n >= (1 << 20) && n % (1 << 20) == 0) {
    return fmt::format("{} MiB", n >> 20);
  }
  return fmt::format("{} bytes", n);
}

}  // namespace

GzipInflater::GzipInflater() { std::memset(&zs_, 0, sizeof zs_); }

GzipInflater::~GzipInflater() { inflateEnd(&zs_); }

Status GzipInflater::Init() {
  if (inflateInit2(&zs_, 15 + 16) != Z_OK) {
    return Status::Corrupt("cannot initialise zlib");
  }
  return Status::Ok();
}

void GzipInflater::Feed(const char* data, size_t size) {
  zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
  zs_.avail_in = static_cast<uInt>(size);
}

size_t GzipInflater::Inflate(std::span<char> out, Status* error) {
  if (!in_member_) {
    // Zero bytes after a member are padding (tape blocks, preallocated
    // files), which gzip -d accepts; once they start, only zeros may end
    // the input.
    while (zs_.avail_in > 0 && zs_.next_in[0] == 0) {
      ++zs_.next_in;
      --zs_.avail_in;
      in_padding_ = true;
    }
    if (zs_.avail_in == 0) return 0;
    // Another member follows the previous one; only its first byte may
    // have arrived yet.
    if (in_padding_ || zs_.next_in[0] != kGzipMagic[0]) {
      *error =
          Status::Corrupt(in_padding_ ? "trailing garbage after zero padding"
                                      : "trailing garbage after gzip data");
      return 0;
    }
    inflateReset(&zs_);
    in_member_ = true;
  }
  const size_t room = std::min(out.size(), kMaxSpan);
  zs_.next_out = reinterpret_cast<Bytef*>(out.data());
  zs_.avail_out = static_cast<uInt>(room);
  const int ret = inflate(&zs_, Z_NO_FLUSH);
  // An empty span says nothing of what zlib holds.
  if (room > 0) out_full_ = ret != Z_STREAM_END && zs_.avail_out == 0;
  if (ret == Z_STREAM_END) {
    in_member_ = false;
  } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
    *error = Status::Corrupt(
        fmt::format("corrupt gzip data ({})",
                    zs_.msg != nullptr ? zs_.msg : "inflate error"));
  }
  return room - zs_.avail_out;
}

Status GzipInflater::Finish() const {
  if (in_member_) {
    return Status::Corrupt("truncated gzip data (unexpected end of file)");
  }
  return Status::Ok();
}

Status InflateGzip(std::string_view gz, std::string* out, size_t limit) {
  out->clear();
  GzipInflater inflater;
  Status status = inflater.Init();
  if (!status.ok()) return status;
  size_t fed = 0;
  size_t used = 0;
  while (status.ok()) {
    if (inflater.needs_input()) {
      if (fed == gz.size()) break;
      const size_t n = std::min(gz.size() - fed, kMaxSpan);
      inflater.Feed(gz.data() + fed, n);
      fed += n;
    }
    if (used >= limit) {
      // One byte more than the limit tells data that ends there from data
      // that goes on.
      char probe;
      if (inflater.Inflate(std::span<char>(&probe, 1), &status) > 0) {
        out->resize(limit);
        return Status::Corrupt(
            fmt::format("inflates to more than {}", SizeText(limit)));
      }
      continue;
    }
    if (out->size() - used < (1 << 16)) {
      out->resize(std::min(std::max(out->size() * 2, used + (1 << 16)), limit));
    }
    used += inflater.Inflate(
        std::span<char>(out->data() + used, out->size() - used), &status);
  }
  out->resize(used);
  if (!status.ok()) return status;
  return inflater.Finish();
}

}  // namespace flowmon
