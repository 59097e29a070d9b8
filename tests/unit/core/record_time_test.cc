#include "flowmon/core/record_time.h"

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("RecordTimeMs: a CloudWatch event timestamp wins over start") {
  CHECK(RecordTimeMs(1563108300123, "1563108188") == 1563108300123);
  CHECK(RecordTimeMs(0, "1563108188") == 0);
}

TEST_CASE("RecordTimeMs: a plain record's time is its start field") {
  CHECK(RecordTimeMs(-1, "1563108188") == 1563108188000);
  CHECK_FALSE(RecordTimeMs(-1, "-"));  // NODATA / SKIPDATA records
  CHECK_FALSE(RecordTimeMs(-1, ""));   // a format without start
  CHECK_FALSE(RecordTimeMs(-1, "12:00"));
}

TEST_CASE("RecordTimeMs: times out of range are none, and bad values") {
  // Once all landed in 1969-12-31T23:58:52Z (a float-to-int overflow).
  for (const char* start :
       {"9223372036854775807", "-9223372036854775808", "9.2e18", "-9.2e18",
        "1e300", "-1", "253402300800"}) {
    CHECK_FALSE(RecordTimeMs(-1, start));
    CHECK(StartOutOfRange(start));
  }
  CHECK(RecordTimeMs(-1, "253402300799") == int64_t{253402300799} * 1000);
  CHECK(RecordTimeMs(-1, "0") == 0);
  CHECK_FALSE(StartOutOfRange("1563108188"));
  CHECK_FALSE(StartOutOfRange("99999999999"));  // eleven digits: year 5138
  CHECK_FALSE(StartOutOfRange("-"));            // no time, not a bad one
  CHECK_FALSE(StartOutOfRange("12:00"));
  CHECK_FALSE(RecordTimeMs(int64_t{253402300800} * 1000, "1"));
}

TEST_CASE("RecordTimeMs: the start field is found through the schema") {
  const Schema schema = Schema::DefaultV2();
  Record rec;
  const std::string_view fields[] = {
      "2",          "123456789010", "eni-1",  "10.0.0.1", "10.0.0.2",
      "1",          "22",           "6",      "1",        "40",
      "1563108188", "1563108227",   "REJECT", "OK"};
  for (std::string_view f : fields) rec.fields[rec.size++] = f;
  CHECK(RecordTimeMs(rec, &schema) == 1563108188000);
  CHECK_FALSE(RecordTimeMs(rec, nullptr));
  rec.timestamp_ms = 1563108300000;
  CHECK(RecordTimeMs(rec, nullptr) == 1563108300000);
}

TEST_CASE("FloorSeconds rounds toward the past") {
  CHECK(FloorSeconds(1999) == 1);
  CHECK(FloorSeconds(2000) == 2);
  CHECK(FloorSeconds(-1) == -1);
}

}  // namespace
}  // namespace flowmon
