// OpenSource: the one place that knows every byte source and picks one for
// a path (mapped, streamed, inflated whole or streamed through zlib).
#include <errno.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "flowmon/ingest/memory_source.h"
#include "flowmon/ingest/remote_input.h"
#include "flowmon/ingest/source.h"
#include "ingest/byte_input.h"
#include "ingest/gzip_source.h"
#include "ingest/mapped_file.h"
#include "ingest/parquet/parquet_source.h"
#include "ingest/stream_source.h"
#include "ingest/whole_gzip_source.h"

namespace flowmon {
namespace {

// Files up to this size are inflated whole with libdeflate; S3 flow-log
// objects are usually far smaller. The output is capped at kWholeGzipLimit.
constexpr size_t kWholeGzipMaxInput = 16 << 20;
constexpr size_t kWholeGzipLimit = 512 << 20;

// The buffer a pipe read as a stream is given (Linux's default is 64 KiB,
// and 1 MiB the most an unprivileged process may ask for by default).
constexpr int kPipeBytes = 1 << 20;

// A stream (stdin, a pipe, a device) whose first bytes are peeked at to
// tell gzip from text and then replayed.
Result<std::unique_ptr<Source>> OpenStream(const std::string& name, int fd,
                                           bool owns_fd, bool live,
                                           const SourceOptions& options) {
  // In a 64 KiB pipe the writer waits every 64 KiB while this process
  // scans, and the two take turns; in 1 MiB it writes ahead meanwhile
  // (issue #13, streams). A pipe that cannot grow keeps its size, and one
  // its writer made bigger is not made smaller.
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode) &&
      ::fcntl(fd, F_GETPIPE_SZ) < kPipeBytes) {
    (void)::fcntl(fd, F_SETPIPE_SZ, kPipeBytes);
  }
  std::string prefix(sizeof kGzipMagic, '\0');
  size_t got = 0;
  while (got < prefix.size()) {
    const ssize_t n = ::read(fd, prefix.data() + got, prefix.size() - got);
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

// A mapped gzip file: inflated whole when small and sound, else streamed
// through zlib, which salvages what precedes damage.
std::unique_ptr<Source> OpenMappedGzip(const std::string& path,
                                       std::unique_ptr<Mapping> mapping,
                                       size_t size,
                                       const SourceOptions& options) {
  if (size <= kWholeGzipMaxInput) {
    auto whole = std::make_unique<WholeGzipSource>(path);
    if (whole->Inflate(mapping->view(), kWholeGzipLimit)) return whole;
  }
  auto input = std::make_unique<ByteInput>(mapping->view());
  return std::make_unique<OnMapping<GzipSource>>(
      std::move(mapping), path, std::move(input), options.block_size);
}

// Devices and sockets read blocking, as opened without O_NONBLOCK.
Status ClearNonBlocking(const std::string& path, int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
    return Status::IoError(
        fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  }
  return Status::Ok();
}

// A FIFO opened without O_NONBLOCK would block in open() until a writer
// came, where no signal can end the wait cleanly. Opened non-blocking, it
// waits here instead, as `cat` would, for a writer to write or to close;
// SIGINT/SIGTERM end the wait as an end of input. Then reads block again.
Status AwaitFifoWriter(const std::string& path, int fd) {
  pollfd p{fd, POLLIN, 0};
  while (!InputStopRequested()) {
    // A timeout, so that a signal between the check and poll() is seen.
    const int r = ::poll(&p, 1, 250);
    if (r > 0) break;
    if (r < 0 && errno != EINTR) {
      return Status::IoError(fmt::format("{}: cannot wait for a writer: {}",
                                         path, std::strerror(errno)));
    }
  }
  return ClearNonBlocking(path, fd);
}

// Opens `path` as bytes: mapped, streamed or inflated.
Result<std::unique_ptr<Source>> OpenByteSource(const std::string& path,
                                               const SourceOptions& options) {
  if (path == "-") {
    struct stat st;
    const bool live = ::fstat(0, &st) == 0 && !S_ISREG(st.st_mode);
    return OpenStream("-", 0, false, live, options);
  }
  // O_NONBLOCK does nothing to regular files (open(2)); it keeps a FIFO's
  // open() from waiting for a writer (AwaitFifoWriter).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
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
    Status waited = S_ISFIFO(st.st_mode) ? AwaitFifoWriter(path, fd)
                                         : ClearNonBlocking(path, fd);
    if (!waited.ok()) {
      ::close(fd);
      return waited;
    }
    return OpenStream(path, fd, true, true, options);
  }
  const size_t size = static_cast<size_t>(st.st_size);
  char magic[sizeof kParquetMagic];
  const ssize_t got = ::pread(fd, magic, sizeof magic, 0);
  const std::string_view head(magic, got > 0 ? static_cast<size_t>(got) : 0);
  const bool gzip = IsGzip(head);
  // Parquet needs its footer, so it is read from regular files only.
  const bool parquet =
      options.input_format == InputFormat::kAuto && StartsAsParquet(head);
  std::unique_ptr<Source> source;
  if (gzip || parquet || options.use_mmap) {
    auto mapping = std::make_unique<Mapping>();
    Status s = mapping->Map(fd, size, path);
    if (s.ok() && !gzip && !parquet) {
      mapping->KeepDescriptor(fd);  // for MappedSource::CopyOut
    } else {
      ::close(fd);
    }
    if (!s.ok()) return s;
    if (parquet) {
      Result<std::unique_ptr<Source>> p =
          OpenParquetSource(path, std::move(mapping), options);
      if (p.ok()) (*p)->set_size_hint(size);
      return p;
    }
    if (gzip) {
      source = OpenMappedGzip(path, std::move(mapping), size, options);
    } else {
      source = std::make_unique<MappedSource>(path, std::move(mapping));
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

std::unique_ptr<Source> OpenBytes(std::string name, std::string data,
                                  const SourceOptions& options) {
  const size_t size = data.size();
  std::unique_ptr<Source> source;
  if (IsGzip(data) && size <= kWholeGzipMaxInput) {
    auto whole = std::make_unique<WholeGzipSource>(name);
    if (whole->Inflate(data, kWholeGzipLimit)) source = std::move(whole);
  }
  if (source == nullptr) {
    source = IsGzip(data)
                 ? NewMemorySource(std::move(name), std::move(data),
                                   options.block_size)
                 : NewWholeMemorySource(std::move(name), std::move(data));
  }
  source->set_size_hint(size);
  return source;
}

Result<std::unique_ptr<Source>> OpenSource(const std::string& path,
                                           const SourceOptions& options) {
  if (RemoteInputProvider* remote = FindRemoteInputs(path)) {
    Result<RemoteBytes> fetched = remote->Fetch(path, options.remote);
    if (!fetched.ok()) return fetched.status();
    const InputFormat format = fetched->format.value_or(options.input_format);
    if (format == InputFormat::kAuto && StartsAsParquet(fetched->data)) {
      const size_t size = fetched->data.size();
      auto held = std::make_unique<Mapping>();
      held->Adopt(std::move(fetched->data));
      Result<std::unique_ptr<Source>> p =
          OpenParquetSource(path, std::move(held), options);
      if (p.ok()) (*p)->set_size_hint(size);
      return p;
    }
    return ReadAsEvents(OpenBytes(path, std::move(fetched->data), options),
                        format);
  }
  Result<std::unique_ptr<Source>> bytes = OpenByteSource(path, options);
  if (!bytes.ok()) return bytes;
  return ReadAsEvents(std::move(*bytes), options.input_format);
}

}  // namespace flowmon
