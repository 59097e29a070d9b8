// Input formats: the names users give them, and how an input's first bytes
// tell them apart. The one place that knows gzip's magic bytes and the
// shapes of CloudWatch's files.
#pragma once

#include <string_view>

#include "flowmon/core/status.h"

namespace flowmon {

// How to read an input's bytes (after gzip is undone).
enum class InputFormat {
  kAuto,          // detect from the first bytes
  kText,          // one log event per line
  kCloudWatch,    // get-log-events / filter-log-events JSON, subscription
                  // payloads, Firehose objects, Lambda awslogs events
  kSubscription,  // base64 gzip subscription payloads, one per line
  kCsv,           // the console's CSV download (timestamp,message)
  kExport,        // CreateExportTask files: "<ISO-8601> <message>" lines
  kTail,          // `aws logs tail` output: "<time> [<stream>] <message>"
};

// "auto", "text", "cloudwatch", "subscription", "csv", "export", "tail".
Result<InputFormat> ParseInputFormat(std::string_view name);

// The two bytes every gzip member starts with (RFC 1952).
inline constexpr unsigned char kGzipMagic[2] = {0x1f, 0x8b};

// True when `bytes` starts with gzip's magic bytes.
bool IsGzip(std::string_view bytes);

// The four bytes a Parquet file starts and ends with.
inline constexpr char kParquetMagic[4] = {'P', 'A', 'R', '1'};

// True when `head` starts with Parquet's magic bytes: a Parquet file, or
// one cut short when it does not end with them too (IsParquet).
bool StartsAsParquet(std::string_view head);

// True when `file` (all of it) starts and ends with Parquet's magic bytes.
bool IsParquet(std::string_view file);

// The format of input (already inflated) that starts with `head`: a
// CloudWatch shape when `head` has one's marks, kText otherwise (plain
// lines, JSON log lines). Never kAuto. `head` need not hold whole lines;
// up to its first 64 KiB are looked at.
InputFormat DetectFormat(std::string_view head);

}  // namespace flowmon
