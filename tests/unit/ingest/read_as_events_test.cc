#include <string>

#include "catch.h"
#include "flowmon/ingest/memory_source.h"
#include "flowmon/ingest/source.h"
#include "flowmon/scan/tokenizer.h"
#include "ingest/ingest_test_util.h"
#include "test_util.h"

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

// A Firehose-like object: subscription messages back to back with no line
// break, so the whole input is one line of about `bytes` bytes.
std::string FirehoseObject(size_t bytes, size_t* events) {
  std::string out;
  *events = 0;
  while (out.size() < bytes) {
    out += R"({"messageType":"DATA_MESSAGE","owner":"123456789012",)"
           R"("logGroup":"vpc","logStream":"eni-1-all","logEvents":[)";
    for (int i = 0; i < 100; ++i) {
      if (i > 0) out += ',';
      out += R"({"id":"1","timestamp":1563108188000,"message":"2 )"
             R"(123456789012 eni-1 10.0.0.1 10.0.0.2 443 49152 6 10 840 )"
             R"(1563108188 1563108227 ACCEPT OK"})";
      ++*events;
    }
    out += "]}";
  }
  return out;
}

TEST_CASE("a converted stream keeps a line longer than the line limit",
          "[cloudwatch]") {
  size_t events = 0;
  const std::string object = FirehoseObject(3 << 20, &events);
  REQUIRE(object.size() > 2 * kMaxLineBytes);
  REQUIRE(object.find('\n') == std::string::npos);
  for (const std::string& data : {object, testing::Gzip(object)}) {
    const testing::ReadEvents streamed = testing::ReadAsEventsFrom(data);
    CHECK(streamed.status.ok());
    CHECK(streamed.messages.size() == events);
    const testing::ReadEvents forced =
        testing::ReadAsEventsFrom(data, InputFormat::kCloudWatch);
    CHECK(forced.status.ok());
    CHECK(forced.messages.size() == events);
  }
}

}  // namespace
}  // namespace flowmon
