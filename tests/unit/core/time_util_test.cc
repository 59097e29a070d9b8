#include "flowmon/core/time_util.h"

#include <cstdlib>

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/ingest/input_files.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

TEST_CASE("time arguments", "[time]") {
  CHECK(*ParseTimeArg("1563108188") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08Z") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T14:43:08+02:00") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08.750Z") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14") == 1563062400);
  CHECK(*ParseTimeArg("1970-01-01T00:00Z") == 0);
  CHECK_FALSE(ParseTimeArg("2019-02-30").ok());
  CHECK_FALSE(ParseTimeArg("yesterday").ok());
  CHECK_FALSE(ParseTimeArg("2019-07-14T25:00:00Z").ok());
  CHECK(FormatIso8601(1563108188) == "2019-07-14T12:43:08Z");
}

TEST_CASE("FormatIso8601Ms: milliseconds only when there are some", "[time]") {
  CHECK(FormatIso8601Ms(1563108188000) == "2019-07-14T12:43:08Z");
  CHECK(FormatIso8601Ms(1563108188250) == "2019-07-14T12:43:08.250Z");
}

TEST_CASE("ParseUserTime: friendly and relative times against the clock") {
  const int64_t now = 1563108188;  // 2019-07-14T12:43:08Z
  const int64_t midnight = 1563062400;
  CHECK(*ParseUserTime("now", now) == now);
  CHECK(*ParseUserTime("today", now) == midnight);
  CHECK(*ParseUserTime("yesterday", now) == midnight - 86400);
  CHECK(*ParseUserTime("30s", now) == now - 30);
  CHECK(*ParseUserTime("30m", now) == now - 1800);
  CHECK(*ParseUserTime("1h", now) == now - 3600);
  CHECK(*ParseUserTime("2d", now) == now - 2 * 86400);
  CHECK(*ParseUserTime("1w", now) == now - 7 * 86400);
  CHECK(*ParseUserTime("0m", now) == now);
  // Everything ParseTimeArg takes is taken as it is, clock or not.
  CHECK(*ParseUserTime("2019-07-16", now) == 1563235200);
  CHECK(*ParseUserTime("2019-07-14T12:43:08Z", 0) == 1563108188);
  CHECK(*ParseUserTime("2019-07-14T14:43:08+02:00", 0) == 1563108188);
  CHECK(*ParseUserTime("1563108188", 0) == 1563108188);
  // Midnight of a clock before 1970 is still the day's start.
  CHECK(*ParseUserTime("today", -1) == -86400);
  for (const char* bad :
       {"", "h", "1y", "1.5h", "-1h", "5h30m", "1 h", "Yesterday", "tomorrow",
        "99999999999999999999d", "2019-02-30"}) {
    INFO(bad);
    const Result<int64_t> t = ParseUserTime(bad, now);
    REQUIRE_FALSE(t.ok());
  }
  CHECK(ParseUserTime("1y", now).status().message() ==
        "invalid time '1y': expected now, today, yesterday, a time before "
        "now (30m, 1h, 2d, 1w), a date (2026-11-20), ISO-8601 such as "
        "2019-07-14T12:43:08Z or epoch seconds");
}

TEST_CASE("NowSeconds: FLOWMON_NOW fixes the clock for tests") {
  ::setenv("FLOWMON_NOW", "1563108188", 1);
  CHECK(*NowSeconds() == 1563108188);
  ::setenv("FLOWMON_NOW", "yesterday", 1);
  CHECK_FALSE(NowSeconds().ok());
  ::unsetenv("FLOWMON_NOW");
  CHECK(*NowSeconds() > 1563108188);
}

}  // namespace
}  // namespace flowmon
