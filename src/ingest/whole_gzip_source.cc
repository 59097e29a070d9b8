#include "ingest/whole_gzip_source.h"

#include <libdeflate.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

namespace flowmon {
namespace {

// At most this many bytes of buffers wait to be used again: two of a tree
// of S3 objects (a few MiB each, inflated, in buffers of a power of two),
// as two may be handed back before the next is asked for. Only the bytes
// an input wrote take memory.
constexpr size_t kMaxIdleBytes = 64 << 20;

struct Idle {
  std::mutex mu;
  std::vector<std::pair<std::unique_ptr<char[]>, size_t>> buffers;
  size_t bytes = 0;
};

Idle& IdleBuffers() {
  static Idle* idle = new Idle();  // never destroyed: used until exit
  return *idle;
}

}  // namespace

InflateBuffer::~InflateBuffer() {
  if (data_ == nullptr || capacity_ > kMaxIdleBytes) return;
  Idle& idle = IdleBuffers();
  std::lock_guard<std::mutex> lock(idle.mu);
  // The newest buffers stay: the oldest make room.
  while (!idle.buffers.empty() && idle.bytes + capacity_ > kMaxIdleBytes) {
    idle.bytes -= idle.buffers.front().second;
    idle.buffers.erase(idle.buffers.begin());
  }
  idle.bytes += capacity_;
  idle.buffers.emplace_back(std::move(data_), capacity_);
}

InflateBuffer::InflateBuffer(InflateBuffer&& other) noexcept
    : data_(std::move(other.data_)), capacity_(other.capacity_) {
  other.capacity_ = 0;
}

InflateBuffer& InflateBuffer::operator=(InflateBuffer&& other) noexcept {
  if (this != &other) {
    InflateBuffer old(std::move(*this));  // handed back as it goes
    data_ = std::move(other.data_);
    capacity_ = other.capacity_;
    other.capacity_ = 0;
  }
  return *this;
}

InflateBuffer InflateBuffer::Get(size_t capacity) {
  // In powers of two, so that the objects of one tree, of about one size,
  // ask for the same and each fits the buffer the one before handed back
  // (only the bytes written take memory).
  capacity = std::bit_ceil(capacity);
  InflateBuffer b;
  {
    Idle& idle = IdleBuffers();
    std::lock_guard<std::mutex> lock(idle.mu);
    for (size_t i = idle.buffers.size(); i-- > 0;) {
      if (idle.buffers[i].second >= capacity) {
        b.data_ = std::move(idle.buffers[i].first);
        b.capacity_ = idle.buffers[i].second;
        idle.bytes -= b.capacity_;
        idle.buffers.erase(idle.buffers.begin() +
                           static_cast<std::ptrdiff_t>(i));
        return b;
      }
    }
  }
  b.data_.reset(new char[capacity]);  // not zeroed: inflating writes it
  b.capacity_ = capacity;
  return b;
}

void InflateBuffer::Grow(size_t capacity, size_t keep) {
  if (capacity <= capacity_) return;
  InflateBuffer bigger = Get(capacity);
  if (keep > 0) std::memcpy(bigger.data_.get(), data_.get(), keep);
  *this = std::move(bigger);
}

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
    if (out_.capacity() < used + capacity) out_.Grow(used + capacity, used);
    // Room for `capacity` bytes only, even in a bigger recycled buffer:
    // the output's growth is what checks it against the limit.
    size_t in_used = 0, out_used = 0;
    const libdeflate_result r = libdeflate_gzip_decompress_ex(
        d, in.data() + pos, in.size() - pos, out_.data() + used, capacity,
        &in_used, &out_used);
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
    out_ = InflateBuffer();
    return false;
  }
  set_bytes(std::string_view(out_.data(), used));
  return true;
}

}  // namespace flowmon
