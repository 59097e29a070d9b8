#include "flowmon/ingest/format.h"

#include <fmt/format.h>

#include <algorithm>

#include "ingest/cloudwatch/export_file.h"
#include "ingest/cloudwatch/json_scan.h"
#include "ingest/cloudwatch/tail_output.h"

namespace flowmon {

Result<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "cloudwatch") return InputFormat::kCloudWatch;
  if (name == "subscription") return InputFormat::kSubscription;
  if (name == "csv") return InputFormat::kCsv;
  if (name == "export") return InputFormat::kExport;
  if (name == "tail") return InputFormat::kTail;
  return Status::InvalidArgument(
      fmt::format("unknown input format '{}' (expected auto, text, cloudwatch, "
                  "subscription, csv, export or tail)",
                  name));
}

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 &&
         static_cast<unsigned char>(bytes[0]) == kGzipMagic[0] &&
         static_cast<unsigned char>(bytes[1]) == kGzipMagic[1];
}

bool StartsAsParquet(std::string_view head) {
  return head.starts_with(
      std::string_view(kParquetMagic, sizeof kParquetMagic));
}

bool IsParquet(std::string_view file) {
  // The magic twice and a footer length between them at least.
  return file.size() >= 2 * sizeof kParquetMagic + 4 && StartsAsParquet(file) &&
         file.ends_with(std::string_view(kParquetMagic, sizeof kParquetMagic));
}

InputFormat DetectFormat(std::string_view head) {
  size_t i = 0;
  if (head.starts_with("\xef\xbb\xbf")) i = 3;  // UTF-8 byte order mark
  while (i < head.size() && IsJsonSpace(head[i])) ++i;
  const std::string_view rest = head.substr(i);
  // base64 of gzip's magic bytes and deflate method: a subscription payload.
  if (rest.starts_with("H4sI")) return InputFormat::kSubscription;
  if (rest.starts_with("timestamp,message") ||
      rest.starts_with("\"timestamp\",\"message\"") ||
      rest.starts_with("@timestamp,@message") ||
      rest.starts_with("\"@timestamp\",\"@message\"")) {
    return InputFormat::kCsv;
  }
  std::string_view line = rest.substr(0, rest.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (ExportTimestampLength(line) > 0) return InputFormat::kExport;
  int64_t timestamp_ms;
  std::string_view message;
  if (ParseTailLine(line, &timestamp_ms, &message)) return InputFormat::kTail;
  if (!rest.empty() && (rest[0] == '{' || rest[0] == '[')) {
    // CloudWatch's own documents name these keys; a JSON log line (an event
    // for JSON patterns) does not.
    const std::string_view first =
        rest.substr(0, std::min<size_t>(rest.size(), 1 << 16));
    for (const char* key :
         {"\"events\"", "\"logEvents\"", "\"awslogs\"", "\"messageType\""}) {
      if (first.find(key) != std::string_view::npos)
        return InputFormat::kCloudWatch;
    }
    if (first.find("\"Records\"") != std::string_view::npos &&
        first.find("\"kinesis\"") != std::string_view::npos) {
      return InputFormat::kCloudWatch;  // a Lambda event from Kinesis
    }
    // `--query events` output: an array of {timestamp, message} objects.
    if (rest[0] == '[' && first.find("\"message\"") != std::string_view::npos &&
        first.find("\"timestamp\"") != std::string_view::npos) {
      return InputFormat::kCloudWatch;
    }
  }
  return InputFormat::kText;
}

}  // namespace flowmon
