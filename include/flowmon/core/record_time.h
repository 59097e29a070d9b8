// A record's time: the one rule behind --since/--until, metric periods, top's
// time buckets and Insights' @timestamp (docs/record-time.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "flowmon/core/number.h"
#include "flowmon/core/record.h"
#include "flowmon/core/schema.h"

namespace flowmon {

// The record times flowmon takes: 1970-01-01T00:00:00Z up to
// 9999-12-31T23:59:59Z (epoch seconds), the years ISO-8601 writes with four
// digits. A `start` outside them is a bad value (StartOutOfRange).
inline constexpr int64_t kMaxRecordSeconds = 253402300799;

// True when `start_field` is a number but not a time flowmon takes: outside
// [0, kMaxRecordSeconds] (start 9.2e18, -1, 1e300). A '-' or other text is
// not a number: no time, not a bad value. Ten or eleven digits, every
// record's case, are decided without parsing.
inline bool StartOutOfRange(std::string_view start_field) {
  if (start_field.size() <= 11 && IsDecimalDigits(start_field)) return false;
  double seconds;
  if (!ParseNumber(start_field, &seconds)) return false;
  return !(seconds >= 0 &&
           seconds < static_cast<double>(kMaxRecordSeconds + 1));
}

// Epoch milliseconds. A CloudWatch log event's own timestamp wins, as in
// CloudWatch (FilterLogEvents' startTime/endTime, metric filters and
// Insights' @timestamp all use the event's time); a plain record's time is
// its `start` field (epoch seconds). nullopt when the record has neither,
// when `start` is not a number ("-" in a NODATA record), or when the time
// is outside what flowmon takes (kMaxRecordSeconds).
inline std::optional<int64_t> RecordTimeMs(int64_t event_timestamp_ms,
                                           std::string_view start_field) {
  if (event_timestamp_ms >= 0) {
    if (event_timestamp_ms / 1000 > kMaxRecordSeconds) return std::nullopt;
    return event_timestamp_ms;
  }
  double seconds;
  if (start_field.empty() || !ParseNumber(start_field, &seconds) ||
      !(seconds >= 0 && seconds < static_cast<double>(kMaxRecordSeconds + 1))) {
    return std::nullopt;
  }
  return static_cast<int64_t>(seconds) * 1000;
}

// The record's `start` field, or empty when its format has none. `schema`
// may be null.
inline std::string_view StartField(const Record& rec, const Schema* schema) {
  const int index = schema != nullptr ? schema->start_index() : -1;
  return index >= 0 && static_cast<size_t>(index) < rec.size
             ? rec.fields[static_cast<size_t>(index)]
             : std::string_view();
}

inline std::optional<int64_t> RecordTimeMs(const Record& rec,
                                           const Schema* schema) {
  return RecordTimeMs(rec.timestamp_ms, StartField(rec, schema));
}

// Seconds, floored, for period and bucket arithmetic.
inline int64_t FloorSeconds(int64_t ms) {
  return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

}  // namespace flowmon
