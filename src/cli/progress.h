// ProgressBar: files, bytes and lines/s on stderr while a long run goes on,
// only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>

#include "flowmon/pipeline/pipeline.h"

namespace flowmon {

class ProgressBar {
 public:
  // Draws nothing unless stderr is a terminal and `enabled`. `total_bytes`
  // is the inputs' size on disk (TotalFileBytes), which Update() compares
  // with PipelineProgress::bytes_done, the input bytes read so far
  // (compressed bytes for gzip).
  ProgressBar(bool enabled, uint64_t total_bytes);
  ~ProgressBar();  // erases the bar
  void Update(const PipelineProgress& p);

 private:
  bool enabled_;
  bool drawn_ = false;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_, last_;
};

// Sum of the sizes of the regular files among `paths` (for the bar).
uint64_t TotalFileBytes(const std::vector<std::string>& paths);

}  // namespace flowmon
