#include "ingest/whole_source.h"

namespace flowmon {

Status WholeSource::Next(Chunk* chunk) {
  chunk->too_long = false;
  if (done_) {
    chunk->data = std::string_view();
    if (finished_) return Status::Ok();
    finished_ = true;
    return Finish();
  }
  chunk->data = bytes_;
  done_ = true;
  return Status::Ok();
}

}  // namespace flowmon
