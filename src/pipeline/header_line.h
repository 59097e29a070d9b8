// S3 header lines: each flow-log file delivered to S3 starts with a line
// that names its fields ("version account-id interface-id srcaddr ...").
// The pipeline's one rule for "is this line a header line", wherever it
// asks: the first line of an input, and every line of a stream (gzip
// members or concatenated files bring their own headers).
#pragma once

#include <optional>

#include "flowmon/core/record.h"
#include "flowmon/core/schema.h"

namespace flowmon {

// True when every field of `rec` is a flow-log field name.
bool AllFlowFieldNames(const Record& rec);

// True when `rec` (a tokenized line) has fields and every one is a flow-log
// field name. Runs on every line, inline: a data line fails on its first
// byte (field names start with a lowercase letter; the scan's prefilter
// relies on that too, see scan/line_scan.h), and nothing allocates.
inline bool IsHeaderLine(const Record& rec) {
  if (rec.size == 0 || rec.fields[0].empty()) return false;
  const char c = rec.fields[0][0];
  return c >= 'a' && c <= 'z' && AllFlowFieldNames(rec);
}

// The format a header line names, or nullopt when `rec` is not one.
std::optional<Schema> HeaderLineSchema(const Record& rec);

}  // namespace flowmon
