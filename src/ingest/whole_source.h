// WholeSource: a source that hands out bytes it keeps (a mapping, an
// inflated buffer, a string) as one chunk, which the pipeline may split
// across threads.
#pragma once

#include <string_view>

#include "flowmon/ingest/source.h"

namespace flowmon {

class WholeSource : public Source {
 public:
  using Source::Source;
  // The bytes set by set_bytes(), then the end of input with the status of
  // Finish().
  Status Next(Chunk* chunk) final;
  bool whole() const final { return true; }
  uint64_t bytes_consumed() const final { return done_ ? size_hint() : 0; }

 protected:
  // What Next() hands out; a subclass keeps the bytes alive as long as it
  // lives, so the chunk stays valid until the source is destroyed.
  void set_bytes(std::string_view bytes) { bytes_ = bytes; }
  // Called once the chunk has been used: whether reading it went well.
  virtual Status Finish() { return Status::Ok(); }

 private:
  std::string_view bytes_;
  bool done_ = false;
  bool finished_ = false;
};

}  // namespace flowmon
