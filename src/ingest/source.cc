#include "flowmon/ingest/source.h"

#include <errno.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <csignal>
#include <cstring>
#include <vector>

#include "ingest/line_buffer.h"

namespace flowmon {
namespace {

volatile std::sig_atomic_t g_stop_requested = 0;

constexpr unsigned char kGzipMagic0 = 0x1f;
constexpr unsigned char kGzipMagic1 = 0x8b;

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 &&
         static_cast<unsigned char>(bytes[0]) == kGzipMagic0 &&
         static_cast<unsigned char>(bytes[1]) == kGzipMagic1;
}

// Where a stream's bytes come from: a file descriptor, or memory.
class ByteInput {
 public:
  ByteInput(int fd, bool owns_fd, std::string prefix)
      : fd_(fd), owns_fd_(owns_fd), prefix_(std::move(prefix)) {}
  explicit ByteInput(std::string_view memory) : memory_(memory) {}
  ~ByteInput() {
    if (owns_fd_ && fd_ >= 0) ::close(fd_);
  }
  // Reads up to n bytes; 0 at end of input; -1 with errno on error.
  ssize_t Read(char* dst, size_t n) {
    if (pos_ < prefix_.size()) {
      const size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(dst, prefix_.data() + pos_, k);
      pos_ += k;
      return static_cast<ssize_t>(k);
    }
    if (fd_ < 0) {
      const size_t k = std::min(n, memory_.size() - mem_pos_);
      std::memcpy(dst, memory_.data() + mem_pos_, k);
      mem_pos_ += k;
      return static_cast<ssize_t>(k);
    }
    while (true) {
      if (InputStopRequested()) return 0;
      const ssize_t r = ::read(fd_, dst, n);
      if (r >= 0 || errno != EINTR) return r;
    }
  }

 private:
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string prefix_;
  size_t pos_ = 0;
  std::string_view memory_;
  size_t mem_pos_ = 0;
};

// A read-only mapping of a whole regular file.
class Mapping {
 public:
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }
  Status Map(int fd, size_t size, const std::string& name) {
    if (size == 0) return Status::Ok();
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      return Status::IoError(
          fmt::format("{}: cannot map file: {}", name, std::strerror(errno)));
    }
    ::madvise(p, size, MADV_SEQUENTIAL | MADV_WILLNEED);
    data_ = p;
    size_ = size;
    return Status::Ok();
  }
  std::string_view view() const {
    return std::string_view(static_cast<const char*>(data_), size_);
  }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

// A regular text file, mapped and handed out as one chunk.
class MappedSource : public Source {
 public:
  MappedSource(std::string name, std::unique_ptr<Mapping> mapping)
      : Source(std::move(name)), mapping_(std::move(mapping)) {}
  Status Next(Chunk* chunk) override {
    chunk->too_long = false;
    chunk->data = done_ ? std::string_view() : mapping_->view();
    done_ = true;
    return Status::Ok();
  }
  bool whole() const override { return true; }

 private:
  std::unique_ptr<Mapping> mapping_;
  bool done_ = false;
};

// Plain text read through a LineBuffer (stdin, pipes, --no-mmap).
class StreamSource : public Source {
 public:
  StreamSource(std::string name, std::unique_ptr<ByteInput> input, size_t block)
      : Source(std::move(name)), input_(std::move(input)), buffer_(block) {}
  Status Next(Chunk* chunk) override {
    while (true) {
      if (buffer_.Take(eof_, chunk)) return Status::Ok();
      if (eof_) {
        *chunk = Chunk{};
        return Status::Ok();
      }
      std::span<char> space = buffer_.PrepareWrite();
      const ssize_t n = input_->Read(space.data(), space.size());
      if (n < 0) {
        eof_ = true;
        *chunk = Chunk{};
        return Status::IoError(
            fmt::format("{}: read error: {}", name(), std::strerror(errno)));
      }
      if (n == 0) eof_ = true;
      buffer_.Commit(static_cast<size_t>(n));
    }
  }

 private:
  std::unique_ptr<ByteInput> input_;
  LineBuffer buffer_;
  bool eof_ = false;
};

// gzip inflated with zlib as a stream; multi-member files are read member
// after member. Damage is reported after everything before it.
class GzipSource : public Source {
 public:
  GzipSource(std::string name, std::unique_ptr<ByteInput> input, size_t block)
      : Source(std::move(name)),
        input_(std::move(input)),
        in_(std::max<size_t>(block, 64 << 10)),
        buffer_(block) {
    std::memset(&zs_, 0, sizeof zs_);
    if (inflateInit2(&zs_, 15 + 16) != Z_OK) {
      pending_ = Status::Corrupt(this->name() + ": cannot initialise zlib");
      done_ = true;
    }
  }
  ~GzipSource() override { inflateEnd(&zs_); }

  Status Next(Chunk* chunk) override {
    while (true) {
      if (buffer_.Take(done_, chunk)) return Status::Ok();
      if (done_) {
        *chunk = Chunk{};
        Status s = std::move(pending_);
        pending_ = Status::Ok();
        return s;
      }
      Step();
    }
  }

 private:
  void Fail(std::string what) {
    pending_ = Status::Corrupt(fmt::format("{}: {}", name(), what));
    done_ = true;
  }
  // Inflates one block of output (or reads one block of input).
  void Step() {
    if (zs_.avail_in == 0) {
      if (input_eof_) {
        if (in_member_) {
          Fail("truncated gzip data (unexpected end of file)");
        } else {
          done_ = true;
        }
        return;
      }
      const ssize_t n = input_->Read(in_.data(), in_.size());
      if (n < 0) {
        Fail(fmt::format("read error: {}", std::strerror(errno)));
        return;
      }
      if (n == 0) {
        input_eof_ = true;
        return;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
      zs_.avail_in = static_cast<uInt>(n);
    }
    if (!in_member_) {
      // Another member follows the previous one.
      if (zs_.next_in[0] != kGzipMagic0) {
        Fail("trailing garbage after gzip data");
        return;
      }
      inflateReset(&zs_);
      in_member_ = true;
    }
    std::span<char> space = buffer_.PrepareWrite();
    zs_.next_out = reinterpret_cast<Bytef*>(space.data());
    zs_.avail_out = static_cast<uInt>(space.size());
    const int ret = inflate(&zs_, Z_NO_FLUSH);
    buffer_.Commit(space.size() - zs_.avail_out);
    if (ret == Z_STREAM_END) {
      in_member_ = false;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      Fail(fmt::format("corrupt gzip data ({})",
                       zs_.msg != nullptr ? zs_.msg : "inflate error"));
    }
  }

  std::unique_ptr<ByteInput> input_;
  std::vector<char> in_;
  LineBuffer buffer_;
  z_stream zs_;
  bool in_member_ = true;
  bool input_eof_ = false;
  bool done_ = false;
  Status pending_;
};

// A small gzip file inflated whole with libdeflate (several times faster
// than zlib) and handed out as one chunk, so it can be split across threads.
class WholeGzipSource : public Source {
 public:
  explicit WholeGzipSource(std::string name) : Source(std::move(name)) {}
  // Inflates every member; false (nothing kept) on damage or when the
  // output would pass `limit`, so the caller can fall back to zlib.
  bool Inflate(std::string_view in, size_t limit) {
    libdeflate_decompressor* d = libdeflate_alloc_decompressor();
    if (d == nullptr) return false;
    size_t used = 0;
    size_t pos = 0;
    size_t capacity = std::max<size_t>(in.size() * 8, 1 << 16);
    bool ok = true;
    while (pos < in.size()) {
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
    return true;
  }
  Status Next(Chunk* chunk) override {
    chunk->too_long = false;
    chunk->data =
        done_ ? std::string_view() : std::string_view(out_.data(), out_.size());
    done_ = true;
    return Status::Ok();
  }
  bool whole() const override { return true; }

 private:
  std::vector<char> out_;
  bool done_ = false;
};

// Keeps a mapping alive under a stream that reads from it.
template <typename Base>
class OnMapping : public Base {
 public:
  template <typename... Args>
  OnMapping(std::unique_ptr<Mapping> mapping, Args&&... args)
      : Base(std::forward<Args>(args)...), mapping_(std::move(mapping)) {}

 private:
  std::unique_ptr<Mapping> mapping_;
};

// Files up to this size are inflated whole with libdeflate; S3 flow-log
// objects are usually far smaller. The output is capped at kWholeGzipLimit.
constexpr size_t kWholeGzipMaxInput = 16 << 20;
constexpr size_t kWholeGzipLimit = 512 << 20;

Result<std::unique_ptr<Source>> OpenStream(const std::string& name, int fd,
                                           bool owns_fd, bool live,
                                           const SourceOptions& options) {
  // Peek at the first bytes to tell gzip from text; they are replayed.
  std::string prefix(2, '\0');
  size_t got = 0;
  while (got < 2) {
    const ssize_t n = ::read(fd, prefix.data() + got, 2 - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      if (owns_fd) ::close(fd);
      return Status::IoError(
          fmt::format("{}: read error: {}", name, std::strerror(err)));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  prefix.resize(got);
  const bool gzip = IsGzip(prefix);
  auto input = std::make_unique<ByteInput>(fd, owns_fd, std::move(prefix));
  std::unique_ptr<Source> source;
  if (gzip) {
    source = std::make_unique<GzipSource>(name, std::move(input),
                                          options.block_size);
  } else {
    source = std::make_unique<StreamSource>(name, std::move(input),
                                            options.block_size);
  }
  source->set_live(live);
  return source;
}

// Opens `path` as bytes: mapped, streamed or inflated.
Result<std::unique_ptr<Source>> OpenByteSource(const std::string& path,
                                               const SourceOptions& options);

}  // namespace

void RequestInputStop() { g_stop_requested = 1; }
bool InputStopRequested() { return g_stop_requested != 0; }

Result<std::unique_ptr<Source>> OpenSource(const std::string& path,
                                           const SourceOptions& options) {
  Result<std::unique_ptr<Source>> bytes = OpenByteSource(path, options);
  if (!bytes.ok()) return bytes;
  return ReadAsEvents(std::move(*bytes), options.input_format);
}

namespace {

Result<std::unique_ptr<Source>> OpenByteSource(const std::string& path,
                                               const SourceOptions& options) {
  if (path == "-") {
    struct stat st;
    const bool live = ::fstat(0, &st) == 0 && !S_ISREG(st.st_mode);
    return OpenStream("-", 0, false, live, options);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::IoError(
        fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::IoError(
        fmt::format("{}: cannot stat: {}", path, std::strerror(err)));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::IoError(fmt::format("{}: is a directory", path));
  }
  if (!S_ISREG(st.st_mode)) {
    return OpenStream(path, fd, true, true, options);
  }
  const size_t size = static_cast<size_t>(st.st_size);
  unsigned char magic[2] = {0, 0};
  const bool gzip = size >= 2 && ::pread(fd, magic, 2, 0) == 2 &&
                    magic[0] == kGzipMagic0 && magic[1] == kGzipMagic1;
  std::unique_ptr<Source> source;
  if (gzip || options.use_mmap) {
    auto mapping = std::make_unique<Mapping>();
    Status s = mapping->Map(fd, size, path);
    ::close(fd);
    if (!s.ok()) return s;
    if (!gzip) {
      source = std::make_unique<MappedSource>(path, std::move(mapping));
    } else {
      if (size <= kWholeGzipMaxInput) {
        auto whole = std::make_unique<WholeGzipSource>(path);
        if (whole->Inflate(mapping->view(), kWholeGzipLimit)) {
          source = std::move(whole);
        }
      }
      if (source == nullptr) {
        // Large, or damaged: zlib streams it and salvages what precedes
        // the damage.
        auto input = std::make_unique<ByteInput>(mapping->view());
        source = std::make_unique<OnMapping<GzipSource>>(
            std::move(mapping), path, std::move(input), options.block_size);
      }
    }
  } else {
    source = std::make_unique<StreamSource>(
        path, std::make_unique<ByteInput>(fd, true, std::string()),
        options.block_size);
  }
  source->set_size_hint(size);
  return source;
}

}  // namespace

std::unique_ptr<Source> NewStringSource(std::string name, std::string data,
                                        size_t block) {
  // The data lives in the source; a memory ByteInput reads from it.
  class StringSource : public Source {
   public:
    StringSource(std::string n, std::string d, size_t b)
        : Source(std::move(n)), data_(std::move(d)) {
      auto input = std::make_unique<ByteInput>(std::string_view(data_));
      if (IsGzip(data_)) {
        inner_ = std::make_unique<GzipSource>(name(), std::move(input), b);
      } else {
        inner_ = std::make_unique<StreamSource>(name(), std::move(input), b);
      }
    }
    Status Next(Chunk* chunk) override { return inner_->Next(chunk); }

   private:
    std::string data_;
    std::unique_ptr<Source> inner_;
  };
  return std::make_unique<StringSource>(std::move(name), std::move(data),
                                        block);
}

std::unique_ptr<Source> NewWholeStringSource(std::string name,
                                             std::string data) {
  class WholeStringSource : public Source {
   public:
    WholeStringSource(std::string n, std::string d)
        : Source(std::move(n)), data_(std::move(d)) {}
    Status Next(Chunk* chunk) override {
      chunk->too_long = false;
      chunk->data = done_ ? std::string_view() : std::string_view(data_);
      done_ = true;
      return Status::Ok();
    }
    bool whole() const override { return true; }

   private:
    std::string data_;
    bool done_ = false;
  };
  return std::make_unique<WholeStringSource>(std::move(name), std::move(data));
}

}  // namespace flowmon
