// Periods of Logs Insights' date functions: bin(5m), datefloor(@timestamp,
// 1h), dateceil(@t, 1mo); the units AWS spells and the calendar they floor
// to.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace flowmon::insights {

struct Period {
  enum Unit {
    kMillisecond,
    kSecond,
    kMinute,
    kHour,
    kDay,
    kWeek,
    kMonth,
    kQuarter,
    kYear
  };
  int64_t count = 0;
  Unit unit = kMillisecond;

  // The length in ms of the units of fixed length (up to weeks); 0 for
  // months, quarters and years.
  int64_t FixedMs() const;
};

// Reads "5m", "30sec", "1hours", "2mo": a count and one of AWS's spellings
// (millisecond ms msec, second s sec, minute m min, hour h hr, day d, week
// w, month mo mon, quarter q qtr, year y yr; any of more than one letter
// with an s). On failure, false and `error`: a unit it does not know, or a
// count past the cap AWS applies (1000ms, 60s, 60m, 24h: it would run
// bin(300s) as 60s).
bool ParsePeriod(std::string_view text, Period* out, std::string* error);

// The start of the period holding `ms` (epoch ms, UTC): multiples of the
// period since the epoch for ms..days; weeks start on Monday; months,
// quarters and years are calendar ones, counted from year 0.
int64_t FloorToPeriod(int64_t ms, const Period& p);
// `ms` itself on a boundary, else the start of the next period.
int64_t CeilToPeriod(int64_t ms, const Period& p);

}  // namespace flowmon::insights
