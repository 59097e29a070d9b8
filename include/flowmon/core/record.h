// Record: one tokenized log line as views into the input buffer.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace flowmon {

// The most fields a line may have; a line with more is malformed
// (LineError::kTooManyFields). Flow-log formats have at most ~45 fields.
inline constexpr size_t kMaxFields = 256;

// One line split into fields. Quotes and brackets that group a field
// ("GET / HTTP/1.1", [10/Oct/2000:13:55:36 -0700]) are already removed.
// Lifetime: the views point into the source's buffer and are valid only
// until the next Source::Next() call. A Record is large (4 KiB): keep one per
// thread and reuse it.
struct Record {
  std::array<std::string_view, kMaxFields> fields;
  size_t size = 0;
  std::string_view line;  // the whole line, without '\n' and trailing '\r'
  // The CloudWatch event timestamp (epoch ms) for CloudWatch inputs, or -1.
  int64_t timestamp_ms = -1;

  std::string_view operator[](size_t i) const { return fields[i]; }
};

// True for the placeholder AWS writes when a field does not apply.
inline bool IsMissing(std::string_view field) { return field == "-"; }

}  // namespace flowmon
