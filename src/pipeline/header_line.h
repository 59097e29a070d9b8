// S3 header lines: each flow-log file delivered to S3 starts with a line
// that names its fields ("version account-id interface-id srcaddr ...").
// The pipeline's one rule for "is this line a header line", wherever it
// asks: an input's first line names its format, and a header line further
// down (concatenated objects, gzip members) names the format of the lines
// after it, in a file as in a stream (docs/filter.md).
//
// A header line is known by its shape (core/header_words.h), not by every
// name in it being one flowmon knows: AWS keeps adding fields, and a file
// with a field newer than flowmon must still be read by its header.
#pragma once

#include <optional>
#include <span>

#include "flowmon/core/header_words.h"
#include "flowmon/core/record.h"
#include "flowmon/core/schema.h"

namespace flowmon {

// True when `rec` (a tokenized line) can be a header line (AreHeaderWords).
// Runs on every line, inline: most data lines fail on their first byte
// (field names start with a lowercase letter; the scan's prefilter relies
// on that too, see scan/line_scan.h), the others on their first word, and
// nothing allocates.
inline bool IsHeaderLine(const Record& rec) {
  if (rec.size == 0 || rec.fields[0].empty()) return false;
  const char c = rec.fields[0][0];
  return c >= 'a' && c <= 'z' &&
         AreHeaderWords(
             std::span<const std::string_view>(rec.fields.data(), rec.size));
}

// The format a header line names, or nullopt when `rec` is not one. Names
// flowmon does not know become string fields (FieldNamed), each announced
// once per process to the unknown-field listener.
std::optional<Schema> HeaderLineSchema(const Record& rec);

}  // namespace flowmon
