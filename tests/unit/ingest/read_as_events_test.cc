#include <string>

#include "catch.h"
#include "flowmon/ingest/memory_source.h"
#include "flowmon/ingest/source.h"
#include "ingest/ingest_test_util.h"

namespace flowmon {
namespace {

TEST_CASE("plain text and JSON log lines are not converted", "[cloudwatch]") {
  const testing::ReadEvents text =
      testing::ReadAsEventsFrom("2 a b c\nline two\n");
  CHECK(text.messages == testing::Strings{"2 a b c", "line two"});
  CHECK(text.timestamps == testing::Times{-1, -1});
  const testing::ReadEvents json = testing::ReadAsEventsFrom(
      "{\"level\":\"ERROR\"}\n{\"level\":\"INFO\"}\n");
  CHECK(json.messages.size() == 2);
  CHECK(json.timestamps == testing::Times{-1, -1});
}

TEST_CASE("a forced format is not detected", "[cloudwatch]") {
  const std::string csv = "timestamp,message\n1,a\n";
  CHECK(testing::ReadAsEventsFrom(csv, InputFormat::kText).messages ==
        testing::Strings{"timestamp,message", "1,a"});
  CHECK(testing::ReadAsEventsFrom(csv, InputFormat::kCsv).messages ==
        testing::Strings{"a"});
}

TEST_CASE("text passes through with the base's chunks", "[cloudwatch]") {
  auto base = NewWholeMemorySource("w", "a\nb\n");
  Result<std::unique_ptr<Source>> source =
      ReadAsEvents(std::move(base), InputFormat::kAuto);
  REQUIRE(source.ok());
  CHECK((*source)->whole());
  CHECK((*source)->name() == "w");
  Chunk chunk;
  REQUIRE((*source)->Next(&chunk).ok());
  CHECK(chunk.data == "a\nb\n");
  CHECK(chunk.timestamps == nullptr);
  REQUIRE((*source)->Next(&chunk).ok());
  CHECK(chunk.data.empty());
}

}  // namespace
}  // namespace flowmon
