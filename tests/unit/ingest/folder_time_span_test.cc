#include "catch.h"
#include "flowmon/ingest/input_files.h"

namespace flowmon {
namespace {

TEST_CASE("S3 layout folders by year, month, day and hour", "[ingest]") {
  int64_t b = 0, e = 0;
  REQUIRE(FolderTimeSpan("AWSLogs/1/vpcflowlogs/us-east-1/2019/", &b, &e));
  CHECK(b == 1546300800);  // 2019-01-01
  CHECK(e == 1577836800);  // 2020-01-01
  REQUIRE(FolderTimeSpan("x/2019/12", &b, &e));
  CHECK(b == 1575158400);  // 2019-12-01
  CHECK(e == 1577836800);
  REQUIRE(FolderTimeSpan("x/2019/07/14/", &b, &e));
  CHECK(e - b == 86400);
  REQUIRE(FolderTimeSpan("x/year=2019/month=07/day=14/hour=10/", &b, &e));
  CHECK(b == 1563098400);  // 2019-07-14T10:00Z
  CHECK(e - b == 3600);
  CHECK_FALSE(FolderTimeSpan("AWSLogs/123456789012/", &b, &e));
  CHECK_FALSE(FolderTimeSpan("x/2019/13/", &b, &e));
  // A day folder that ends before --since, or starts (less the delivery
  // margin) at or after --until, is skipped.
  REQUIRE(FolderTimeSpan("x/2019/07/14/", &b, &e));
  CHECK(SpanOutsideRange(b, e, 1563148800, std::nullopt));  // since 07-15
  CHECK_FALSE(SpanOutsideRange(b, e, 1563148799, std::nullopt));
  CHECK(SpanOutsideRange(b, e, std::nullopt, b - kDeliveryMarginSeconds));
  CHECK_FALSE(SpanOutsideRange(b, e, std::nullopt, b));
}

}  // namespace
}  // namespace flowmon
