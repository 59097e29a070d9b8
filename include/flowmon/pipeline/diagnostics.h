// Diagnostics: counts malformed lines by reason, reports the first few with
// file:line and a caret, and summarises per input. Never aborts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"
#include "flowmon/scan/tokenizer.h"

namespace flowmon {

inline constexpr size_t kLineErrorKinds =
    static_cast<size_t>(LineError::kUnreadableHeader) + 1;

// One malformed line, as a worker saw it.
struct BadLine {
  uint64_t line_no = 0;  // 1-based line number in its input
  LineError error = LineError::kOk;
  size_t column = 0;    // 0-based byte where the problem is
  size_t expected = 0;  // kFieldCount: fields in the format
  size_t got = 0;       // kFieldCount: fields in the line
  std::string field;    // kBadValue: the field's name
  // Bytes of the line from excerpt_from: its start, or for a bad value far
  // into the line, a stretch before it, so that the caret can point at it.
  std::string excerpt;
  size_t excerpt_from = 0;
};

// What one worker thread found; merged into Diagnostics on the main thread.
struct BadLineLog {
  std::array<uint64_t, kLineErrorKinds> counts{};
  std::vector<BadLine> kept;  // the first `keep` bad lines, in order
  size_t keep = 10;
  // kFieldCount lines: the fewest and the most fields one had.
  size_t fewest_fields = SIZE_MAX;
  size_t most_fields = 0;

  // Hot path: counts; copies the line only while fewer than `keep` are kept.
  // `field`: kBadValue's field name.
  void Add(uint64_t line_no, std::string_view line, LineError e, size_t column,
           size_t expected, size_t got, std::string_view field = {});
  void Clear();
};

// Where the format an input's lines are checked against comes from: it
// decides what the message for an input none of whose lines fits says.
enum class FormatOrigin : unsigned char {
  kDefault,     // the default v2 format
  kOption,      // --format
  kHeaderLine,  // the input's own header line
};

// Collects bad lines and input errors for a whole run. Messages go to
// `emit` (the CLI passes a function that logs to stderr). Main thread only.
//
// An input with lines of the wrong field count and no record at all is
// read in a format it is not in: instead of its bad-line reports it gets
// one input error that says which format was assumed, what the lines look
// like and what fixes it. So the reports of an input wait until one of its
// records fits (Merge), or until Settle() decides.
class Diagnostics {
 public:
  // is_error: an input error (always shown) rather than a bad-line warning.
  using Emit = std::function<void(bool is_error, std::string_view message)>;
  Diagnostics(size_t max_report, Emit emit);

  void BeginSource(std::string_view name);
  // The format the current input's lines are checked against: `fields`
  // fields, from `origin`.
  void SetFormat(FormatOrigin origin, size_t fields);
  // Merges a worker's log, in input order; `records` is how many lines of
  // the same stretch of input were records of the format.
  void Merge(const BadLineLog& log, uint64_t records);
  // Decides, once the current input has lines, whether any fit its format,
  // and reports accordingly. EndSource decides at the latest; a live input
  // decides after its first chunk, so that a pipe is told at once.
  void Settle();
  // Settles and prints the per-input summary if the input had bad lines.
  void EndSource();
  // An input that could not be opened or is damaged.
  void InputError(const Status& status);
  // A message about the run that is not about one line (pattern warnings).
  void Warning(std::string_view message);

  uint64_t malformed() const { return malformed_; }
  uint64_t input_errors() const { return input_errors_; }
  // "expected 14 fields, got 12" and the like.
  static std::string Describe(const BadLine& bad);

 private:
  void Report(const BadLine& bad);
  void ReportNoLineFits();
  size_t max_report_;
  Emit emit_;
  std::string source_;
  std::array<uint64_t, kLineErrorKinds> source_counts_{};
  uint64_t source_records_ = 0;
  FormatOrigin origin_ = FormatOrigin::kDefault;
  size_t format_fields_ = 0;
  bool has_format_ = false;      // SetFormat was called for this input
  bool formats_differ_ = false;  // ... with more than one format
  size_t fewest_fields_ = SIZE_MAX;
  size_t most_fields_ = 0;
  bool settled_ = false;       // the input had a record, or Settle() decided
  bool nothing_fit_ = false;   // ... that none of its lines fits
  std::vector<BadLine> held_;  // reports waiting for the decision
  std::string first_misfit_;   // "LINE: excerpt" of its first such line
  uint64_t reported_ = 0;
  uint64_t malformed_ = 0;
  uint64_t input_errors_ = 0;
};

}  // namespace flowmon
