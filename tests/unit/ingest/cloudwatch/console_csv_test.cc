#include "ingest/cloudwatch/console_csv.h"

#include <string>

#include "catch.h"
#include "ingest/ingest_test_util.h"

namespace flowmon {
namespace {

TEST_CASE("console CSV downloads", "[cloudwatch]") {
  const testing::ReadEvents csv = testing::ReadAsEventsFrom(
      "timestamp,message\n"
      "1563108188000,\"a, \"\"quoted\"\" message\"\n"
      "2019-07-14 12:43:09.500,plain\r\n");
  CHECK(csv.messages == testing::Strings{"a, \"quoted\" message", "plain"});
  CHECK(csv.timestamps == testing::Times{1563108188000, 1563108189500});
  const testing::ReadEvents insights = testing::ReadAsEventsFrom(
      "@timestamp,@message\n2019-07-14T12:43:08.000Z,x\n");
  CHECK(insights.messages == testing::Strings{"x"});
  CHECK(insights.timestamps == testing::Times{1563108188000});
}

TEST_CASE("CSV without a message", "[cloudwatch]") {
  EventWriter header("f");
  ReadConsoleCsv("timestamp,text\n1,a\n", &header);
  CHECK(header.error().message() == "f: CSV header has no message column");
  EventWriter row("f");
  ReadConsoleCsv("message,timestamp\na,1\n\n,\nb\n", &row);
  CHECK(row.text() == "a\n\nb\n");
  CHECK(row.error().ok());
  EventWriter missing("f");
  ReadConsoleCsv("timestamp,message\n1,a\n2\n", &missing);
  CHECK(missing.text() == "a\n");
  CHECK(missing.error().message() == "f: CSV row 3 has no message");
}

}  // namespace
}  // namespace flowmon
