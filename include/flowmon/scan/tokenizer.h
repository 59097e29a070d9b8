// Tokenizer: splits one line into space-delimited fields without copying,
// following the CloudWatch Logs rules for space-delimited log events.
#pragma once

#include <cstddef>
#include <string_view>

#include "flowmon/core/record.h"

namespace flowmon {

// Why a line is not a record. kOk and kBlank are not errors.
enum class LineError : unsigned char {
  kOk,
  kBlank,             // empty or only spaces: skipped, not counted as bad
  kFieldCount,        // field count differs from the format (set by callers)
  kTooManyFields,     // more than kMaxFields fields
  kBinary,            // a control byte (NUL, ESC, ...) inside the line
  kTooLong,           // longer than kMaxLineBytes
  kBadValue,          // an integer field that is neither digits nor "-"
                      // (set by callers that write typed output)
  kUnreadableHeader,  // a header line whose format cannot be read (more
                      // unknown names than one run keeps; set by the
                      // pipeline)
};

// Lines longer than this are malformed; sources never buffer more.
inline constexpr size_t kMaxLineBytes = 1 << 20;

// Short name of a LineError for summaries ("field-count", "binary", ...).
std::string_view LineErrorName(LineError e);

// Splits `line` (no '\n'; a trailing '\r' is stripped here) into fields:
// runs of spaces separate fields; a field that starts with '"' runs to the
// next '"', one that starts with '[' to the next ']', and the quotes or
// brackets are not part of the field (an unterminated group runs to the end
// of the line). Tabs are ordinary characters; other bytes below 0x20 and
// 0x7f make the line kBinary. On error, *error_column (0-based) is where.
// Allocation-free; `rec` views point into `line`. When the bytes up to
// `readable_end` (past the line's end) may be read, the tail of the line
// is classified in place instead of being copied.
LineError SplitFields(std::string_view line, Record* rec, size_t* error_column,
                      const char* readable_end = nullptr);

// The same, one byte at a time: the reference SplitFields is tested against
// and the path it takes for quotes, brackets and control bytes.
LineError SplitFieldsBytewise(std::string_view line, Record* rec,
                              size_t* error_column);

}  // namespace flowmon
