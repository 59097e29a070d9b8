// Time arguments and timestamps: epoch seconds and ISO-8601 in UTC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "flowmon/core/status.h"

namespace flowmon {

// Parses epoch seconds ("1563108188") or ISO-8601: "2019-07-14",
// "2019-07-14T12:43:08", with optional fraction, and "Z" or "+hh:mm"
// (no zone means UTC). Returns epoch seconds.
Result<int64_t> ParseTimeArg(std::string_view text);

// A time as people type it on the command line (--since, --until, gen
// --start): everything ParseTimeArg takes, plus "now", "today" and
// "yesterday" (00:00 UTC of that day) and a relative time before now, a
// number and one unit as `aws logs tail --since` takes it ("30m", "1h",
// "2d", "1w"; s, m, h, d, w). `now_seconds` is the clock they are relative
// to. docs/times.md.
Result<int64_t> ParseUserTime(std::string_view text, int64_t now_seconds);
// The clock ParseUserTime's callers pass: the system clock, or the epoch
// seconds of the FLOWMON_NOW environment variable (for tests), which must
// be all digits.
Result<int64_t> NowSeconds();

// A CloudWatch event timestamp in milliseconds: epoch milliseconds (11 or
// more digits), epoch seconds (fewer digits), or ISO-8601 as above, with
// "T" or a space between date and time and an optional fraction.
Result<int64_t> ParseTimestampMs(std::string_view text);

// A duration: seconds ("90"), or a number with s, m, h or d ("10m").
Result<int64_t> ParseDuration(std::string_view text);

// The UTC calendar fields of an epoch time, for the time formats flowmon
// writes (ISO-8601, CloudWatch reasons, Logs Insights).
struct UtcTime {
  int year, month, day, hour, minute, second, millisecond;
};
UtcTime ToUtc(int64_t epoch_ms);

// "2019-07-14T12:43:08Z": the one time format of flowmon's machine outputs
// (json, ndjson, csv, tsv; docs/output.md).
std::string FormatIso8601(int64_t epoch_seconds);
// The same for a time in milliseconds; a time with milliseconds keeps
// them ("2019-07-14T12:43:08.250Z"), a whole second is written as above.
std::string FormatIso8601Ms(int64_t epoch_ms);
// `epoch_seconds` in UTC through strftime(3)'s `format` ("%a, %d %b %Y").
std::string FormatUtc(int64_t epoch_seconds, const char* format);

}  // namespace flowmon
