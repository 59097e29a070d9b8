// StreamSource: plain bytes read block by block (stdin, pipes, --no-mmap,
// memory) and handed out as chunks of whole lines.
#pragma once

#include <memory>
#include <string>

#include "flowmon/ingest/source.h"
#include "ingest/byte_input.h"
#include "ingest/line_buffer.h"

namespace flowmon {

// Chunks point into the source's line buffer: valid until the next Next().
class StreamSource : public Source {
 public:
  StreamSource(std::string name, std::unique_ptr<ByteInput> input,
               size_t block);
  // A read error is reported after every line read before it.
  Status Next(Chunk* chunk) override;
  void KeepLongLines() override { buffer_.KeepLongLines(); }
  uint64_t bytes_consumed() const override { return input_->bytes_read(); }

 private:
  std::unique_ptr<ByteInput> input_;
  LineBuffer buffer_;
  bool eof_ = false;
  bool first_ = true;     // no chunk handed out yet
  bool stopped_ = false;  // the input ended by a stop request
};

}  // namespace flowmon
