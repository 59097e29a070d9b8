#include "ingest/cloudwatch/json_documents.h"

#include <string>

#include "catch.h"
#include "ingest/ingest_test_util.h"

namespace flowmon {
namespace {

TEST_CASE("filter-log-events and get-log-events JSON", "[cloudwatch]") {
  const testing::ReadEvents e = testing::ReadAsEventsFrom(R"({"events":[
      {"logStreamName":"s","timestamp":1563108188000,"message":"a b","ingestionTime":1,"eventId":"1"},
      {"timestamp":1563108189000,"message":"c\nd \"q\" \u00e9"}],
      "searchedLogStreams":[]})");
  CHECK(e.status.ok());
  CHECK(e.messages == testing::Strings{"a b", "c d \"q\" \xc3\xa9"});
  CHECK(e.timestamps == testing::Times{1563108188000, 1563108189000});
  // Pages concatenated, with and without white space between them.
  const testing::ReadEvents pages = testing::ReadAsEventsFrom(
      R"({"events":[{"timestamp":1,"message":"x"}]}{"events":[{"timestamp":2,"message":"y"}]}
{"events":[]})");
  CHECK(pages.messages == testing::Strings{"x", "y"});
  CHECK(pages.timestamps == testing::Times{1, 2});
  // `--query events`: an array of events.
  const testing::ReadEvents arr =
      testing::ReadAsEventsFrom(R"([{"timestamp":5,"message":"m"}])");
  CHECK(arr.messages == testing::Strings{"m"});
}

TEST_CASE("Firehose objects: gzip members of back-to-back JSON",
          "[cloudwatch]") {
  const testing::ReadEvents e = testing::ReadAsEventsFrom(
      testing::ReadSample("cloudwatch/firehose-object.gz"));
  CHECK(e.status.ok());
  CHECK(e.messages.size() == 4);
  CHECK(e.timestamps[1] == 1563109030000);
}

TEST_CASE("broken JSON: the events before it are kept", "[cloudwatch]") {
  const testing::ReadEvents e =
      testing::ReadAsEventsFrom(testing::ReadSample("cloudwatch/broken.json"));
  CHECK(e.messages.size() == 2);
  CHECK(e.status.code() == Status::Code::kCorrupt);
  CHECK(e.status.message().starts_with("in: invalid JSON at byte "));
  CHECK(e.status.message().ends_with(": truncated document"));
  const testing::ReadEvents bad = testing::ReadAsEventsFrom(
      R"({"events":[{"message":"ok","timestamp":1}]}{"events":[1,}])",
      InputFormat::kCloudWatch);
  CHECK(bad.messages == testing::Strings{"ok"});
  CHECK(bad.status.message().starts_with("in: invalid JSON at byte 43: "));
  const testing::ReadEvents other = testing::ReadAsEventsFrom(
      R"({"hello":"world"})", InputFormat::kCloudWatch);
  CHECK(other.status.message() ==
        "in: document at byte 0 holds no CloudWatch log events");
}

TEST_CASE("ReadJsonDocuments names where an error is", "[cloudwatch]") {
  EventWriter w("f");
  ReadJsonDocuments(R"({"events":[{"message":"a"}, 7]} x)", "page: ", &w);
  CHECK(w.text() == "a\n");
  CHECK(w.timestamps()[0] == -1);
  CHECK(w.error().message() ==
        "f: page: document at byte 0: an event is not an object");
  EventWriter first("f");
  ReadJsonDocuments(R"({"logEvents":[{"timestamp":1}]} x)", "", &first);
  CHECK(first.error().message() ==
        "f: event in document at byte 0 has no \"message\" string");
}

}  // namespace
}  // namespace flowmon
