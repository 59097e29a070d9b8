// Diagnostics: counts malformed lines by reason, reports the first few with
// file:line and a caret, and summarises per input. Never aborts.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"
#include "flowmon/scan/tokenizer.h"

namespace flowmon {

inline constexpr size_t kLineErrorKinds = 6;

// One malformed line, as a worker saw it.
struct BadLine {
  uint64_t line_no = 0;  // 1-based line number in its input
  LineError error = LineError::kOk;
  size_t column = 0;    // 0-based byte where the problem is
  size_t expected = 0;  // kFieldCount: fields in the format
  size_t got = 0;       // kFieldCount: fields in the line
  std::string excerpt;  // the first bytes of the line
};

// What one worker thread found; merged into Diagnostics on the main thread.
struct BadLineLog {
  std::array<uint64_t, kLineErrorKinds> counts{};
  std::vector<BadLine> kept;  // the first `keep` bad lines, in order
  size_t keep = 10;

  // Hot path: counts; copies the line only while fewer than `keep` are kept.
  void Add(uint64_t line_no, std::string_view line, LineError e, size_t column,
           size_t expected, size_t got);
  void Clear();
};

// Collects bad lines and input errors for a whole run. Messages go to
// `emit` (the CLI passes a function that logs to stderr). Main thread only.
class Diagnostics {
 public:
  // is_error: an input error (always shown) rather than a bad-line warning.
  using Emit = std::function<void(bool is_error, std::string_view message)>;
  Diagnostics(size_t max_report, Emit emit);

  void BeginSource(std::string_view name);
  // Merges a worker's log, in input order.
  void Merge(const BadLineLog& log);
  // Prints the per-input summary if the input had bad lines.
  void EndSource();
  // An input that could not be opened or is damaged.
  void InputError(const Status& status);

  uint64_t malformed() const { return malformed_; }
  uint64_t input_errors() const { return input_errors_; }
  // "expected 14 fields, got 12" and the like.
  static std::string Describe(const BadLine& bad);

 private:
  void Report(const BadLine& bad);
  size_t max_report_;
  Emit emit_;
  std::string source_;
  std::array<uint64_t, kLineErrorKinds> source_counts_{};
  uint64_t reported_ = 0;
  uint64_t malformed_ = 0;
  uint64_t input_errors_ = 0;
};

}  // namespace flowmon
