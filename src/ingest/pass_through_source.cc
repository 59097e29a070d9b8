#include "ingest/pass_through_source.h"

namespace flowmon {

PassThroughSource::PassThroughSource(std::unique_ptr<Source> base, Chunk first,
                                     Status first_status)
    : Source(base->name()),
      base_(std::move(base)),
      first_(first),
      first_status_(std::move(first_status)) {
  set_live(base_->live());
  set_size_hint(base_->size_hint());
}

Status PassThroughSource::Next(Chunk* chunk) {
  if (!used_first_) {
    used_first_ = true;
    *chunk = first_;
    return first_status_;
  }
  return base_->Next(chunk);
}

}  // namespace flowmon
