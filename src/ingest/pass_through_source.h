// PassThroughSource: a source whose first chunk was already read (to detect
// its format) and is handed out again before the rest.
#pragma once

#include <memory>

#include "flowmon/ingest/source.h"

namespace flowmon {

// Takes over `base`'s name, liveness, size, wholeness and copying out. `first`
// must be the chunk (and status) base->Next() last returned; it stays valid
// because base is not read again until it has been handed out.
class PassThroughSource : public Source {
 public:
  PassThroughSource(std::unique_ptr<Source> base, Chunk first,
                    Status first_status);
  Status Next(Chunk* chunk) override;
  bool whole() const override { return base_->whole(); }
  size_t CopyOut(size_t offset, char* buf, size_t len) const override {
    return base_->CopyOut(offset, buf, len);
  }
  bool copies_out() const override { return base_->copies_out(); }
  uint64_t bytes_consumed() const override { return base_->bytes_consumed(); }

 private:
  std::unique_ptr<Source> base_;
  Chunk first_;
  Status first_status_;
  bool used_first_ = false;
};

}  // namespace flowmon
