#include "progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "flowmon/core/human_text.h"

namespace flowmon {

ProgressBar::ProgressBar(bool enabled, uint64_t total_bytes)
    : enabled_(enabled && ::isatty(2)),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::Update(const PipelineProgress& p) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  // Not for short runs, and at most ten redraws a second.
  if (now - start_ < std::chrono::milliseconds(500) ||
      now - last_ < std::chrono::milliseconds(100)) {
    return;
  }
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::string bar;
  if (total_bytes_ > 0) {
    const double frac = std::min(1.0, static_cast<double>(p.bytes_done) /
                                          static_cast<double>(total_bytes_));
    const int width = 24;
    const int filled = static_cast<int>(frac * width);
    bar = fmt::format(
        "[{}{}] {:3.0f}% ", std::string(static_cast<size_t>(filled), '#'),
        std::string(static_cast<size_t>(width - filled), ' '), frac * 100);
  }
  fmt::print(stderr, "\r\033[K{}{}/{} files  {} of {}  {:.1f} M lines/s", bar,
             p.inputs_done, p.inputs_total,
             HumanBytes(static_cast<double>(p.bytes_done)),
             HumanBytes(static_cast<double>(total_bytes_)),
             static_cast<double>(p.lines) / seconds / 1e6);
  std::fflush(stderr);
  drawn_ = true;
}

uint64_t TotalFileBytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && std::filesystem::is_regular_file(path, ec)) {
      total += std::filesystem::file_size(path, ec);
    }
  }
  return total;
}

}  // namespace flowmon
