// Sources: an input's bytes (a mapped file, a stream, gzip, CloudWatch
// events) handed out as chunks that end on line boundaries, and OpenSource,
// which picks the right one for a path.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "flowmon/core/status.h"
#include "flowmon/ingest/field_needs.h"
#include "flowmon/ingest/format.h"
#include "flowmon/ingest/remote_input.h"

namespace flowmon {

// A piece of input made of whole lines (the last line of the input may lack
// its '\n'). When too_long is set, `data` is the start of one line longer
// than kMaxLineBytes; the rest of that line is dropped by the source.
// `data` and `timestamps` point into memory the source owns (see
// Source::Next for how long they stay valid).
struct Chunk {
  std::string_view data;
  bool too_long = false;
  // CloudWatch inputs: each line's event timestamp in epoch milliseconds,
  // one per line of `data`; nullptr for plain text.
  const int64_t* timestamps = nullptr;
};

struct SourceOptions {
  bool use_mmap = true;         // map regular files instead of read()
  size_t block_size = 1 << 20;  // read() size and initial line buffer
  InputFormat input_format = InputFormat::kAuto;
  // Handed to remote providers (RemoteInputProvider::Fetch); the pipeline
  // fills in its since/until.
  RemoteQuery remote;
  // What the run observes of each record (the pipeline fills it in from
  // its pattern and sink): column-wise readers (Parquet) decode only these
  // fields, their test fields first, and hand out the others as "-".
  FieldNeeds fields = FieldNeeds::All();
  // Threads a decoding reader (Parquet: one row group each) may use.
  unsigned threads = 1;
};

// A Source yields its input as chunks. Not thread-safe.
class Source {
 public:
  explicit Source(std::string name) : name_(std::move(name)) {}
  virtual ~Source() = default;
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  // Sets *chunk to the next chunk; an empty chunk with an OK status is the
  // end of input. A non-OK status reports damage (corrupt or truncated
  // gzip, a read error) after every byte before it was handed out.
  // Lifetime: the chunk's bytes (and timestamps) stay valid until the next
  // call to Next() or the source's destruction, whichever comes first.
  // Streams reuse one line buffer, so a caller that needs bytes longer must
  // copy them; a whole() source's one chunk lives as long as the source.
  virtual Status Next(Chunk* chunk) = 0;

  // True when the whole input comes as one chunk (a mapped file, a small
  // inflated gzip file): the pipeline may split it across threads.
  virtual bool whole() const { return false; }

  // A whole() source whose chunk is a file's bytes may also copy them out
  // (pread): scanning copies of L2-sized blocks costs less than faulting
  // the mapping's pages in (docs/benchmarks.md, "Copied blocks"). Copies up
  // to `len` bytes of its chunk from `offset` into `buf` and returns how
  // many it copied: fewer when the file shrank or a read failed, and then
  // the chunk itself says what is there. Safe to call from several threads
  // at once, before the chunk's end of input. 0 when it cannot copy.
  virtual size_t CopyOut(size_t /*offset*/, char* /*buf*/,
                         size_t /*len*/) const {
    return 0;
  }
  virtual bool copies_out() const { return false; }

  // From now on, hands out lines longer than kMaxLineBytes whole (the
  // buffer grows to hold them) instead of cutting them short: for readers
  // that need every byte (converted formats). Called after a too_long
  // chunk, the rest of that line comes in the next chunks.
  virtual void KeepLongLines() {}

  // How many bytes of the input itself (on disk, before gzip is undone)
  // have been read so far, for progress. A whole() source counts its
  // size_hint() once its chunk is out.
  virtual uint64_t bytes_consumed() const = 0;

  // Name for diagnostics: the path, "-" for stdin.
  const std::string& name() const { return name_; }
  // True when bytes arrive as they are written (pipe, terminal, socket):
  // consumers should flush output after each chunk.
  bool live() const { return live_; }
  // Size on disk when known (regular files), else 0. For progress.
  uint64_t size_hint() const { return size_hint_; }
  void set_live(bool live) { live_ = live; }
  void set_size_hint(uint64_t size) { size_hint_ = size; }

 private:
  bool live_ = false;
  uint64_t size_hint_ = 0;
  std::string name_;
};

// How far into a plain-text input a NUL byte makes it binary, as in
// ripgrep (which looks at its first buffer). A stream that is not live
// hands out at least this many bytes (or all of a shorter input) in its
// first chunk, so that the pipeline's check sees the same bytes in a
// stream as in a mapped file; a live one (a pipe, a terminal) hands out
// what has arrived, as waiting for 64 KiB could hold its first lines for
// as long as the writer likes.
inline constexpr size_t kBinaryProbeBytes = 64 << 10;

// Makes streams end as at end of input (a SIGINT/SIGTERM handler calls
// it; a blocked read returns EINTR and sees the request), and the pipeline
// stop before its next chunk or input, so that sinks still finish their
// output. Async-signal-safe.
void RequestInputStop();
// The same, remembering the signal (StopSignal) for the exit status.
void RequestInputStop(int signo);
bool InputStopRequested();
// The signal of the last RequestInputStop(signo), 0 without one.
int StopSignal();

// Work that follows the input (alarm and check evaluations) runs to its end
// after a stop request that ended the input, so the result is that of the
// input read; a request after MarkInputEnded (the first call counts) stops
// it too, where EvaluationStopRequested then says so: its result is
// partial, and the run exits 128 + StopSignal(). Async-signal-safe.
void MarkInputEnded();
bool EvaluationStopRequested();

// Opens `path` ("-" is stdin): a regular file is mapped (or read when
// options.use_mmap is off), anything else streamed; gzip (IsGzip) is
// inflated; a regular file that starts with "PAR1" is read as Parquet
// (its rows as text lines, ingest/parquet/parquet_source.h) unless
// options.input_format names a format; then ReadAsEvents applies
// options.input_format. A path with a registered remote scheme
// (FindRemoteInputs) is fetched whole and read like a mapped file (Parquet
// included).
// Errors: the file cannot be opened or read; a Parquet file's footer is
// damaged or asks for what the reader does not read.
Result<std::unique_ptr<Source>> OpenSource(const std::string& path,
                                           const SourceOptions& options);

// Bytes already in memory (a fetched object), read as OpenSource reads a
// mapped file of them: gzip inflated whole when small, else streamed.
std::unique_ptr<Source> OpenBytes(std::string name, std::string data,
                                  const SourceOptions& options);

// Turns `base` into a source of one event per line: plain text passes
// through; CloudWatch JSON, subscription payloads, console CSV and export
// files are converted (each line then has its event timestamp) and handed
// out as one chunk that lives as long as the returned source. Reads the
// first chunk of `base` to detect the format (DetectFormat) when `format`
// is kAuto.
Result<std::unique_ptr<Source>> ReadAsEvents(std::unique_ptr<Source> base,
                                             InputFormat format);

}  // namespace flowmon
