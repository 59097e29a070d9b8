// GzipSource: gzip read block by block and inflated with zlib as a stream
// (stdin, pipes, large or damaged files); multi-member files are read
// member after member.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "flowmon/ingest/source.h"
#include "ingest/byte_input.h"
#include "ingest/gzip_inflate.h"
#include "ingest/line_buffer.h"

namespace flowmon {

// Chunks point into the source's line buffer: valid until the next Next().
class GzipSource : public Source {
 public:
  GzipSource(std::string name, std::unique_ptr<ByteInput> input, size_t block);
  // Damage (corrupt or truncated data, a read error) is reported after
  // every line inflated before it.
  Status Next(Chunk* chunk) override;
  void KeepLongLines() override { buffer_.KeepLongLines(); }
  // Compressed bytes: progress on a large .gz advances as it is inflated.
  uint64_t bytes_consumed() const override { return input_->bytes_read(); }

 private:
  void Fail(std::string what);
  // Inflates one block of output (or reads one block of input).
  void Step();

  std::unique_ptr<ByteInput> input_;
  std::vector<char> in_;
  LineBuffer buffer_;
  GzipInflater inflater_;
  bool input_eof_ = false;
  bool done_ = false;
  bool first_ = true;  // no chunk handed out yet
  Status pending_;
};

}  // namespace flowmon
