#include "ingest/cloudwatch/tail_output.h"

#include <string>

#include "catch.h"
#include "flowmon/ingest/format.h"
#include "ingest/ingest_test_util.h"

namespace flowmon {
namespace {

// `aws logs tail` (the default "detailed" format): the timestamp with
// microseconds and the zone, the log stream, the message.
const char* const kDetailed =
    "2019-07-14T12:43:08.123000+00:00 eni-0d5d75b41f9befe9e-all 2 "
    "086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 172.31.83.158 39611 22 "
    "6 1 40 1563108188 1563108227 REJECT OK\n"
    "2019-07-14T12:57:10.000000+00:00 eni-0d5d75b41f9befe9e-all 2 "
    "086112738802 eni-0d5d75b41f9befe9e 182.68.238.8 172.31.83.158 42227 22 6 "
    "1 44 1563109030 1563109067 REJECT OK\n";

TEST_CASE("aws logs tail: the detailed format", "[cloudwatch]") {
  const testing::ReadEvents e = testing::ReadAsEventsFrom(kDetailed);
  CHECK(e.status.ok());
  REQUIRE(e.messages.size() == 2);
  CHECK(e.messages[0] ==
        "2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 172.31.83.158 "
        "39611 22 6 1 40 1563108188 1563108227 REJECT OK");
  CHECK(e.timestamps == testing::Times{1563108188123, 1563109030000});
}

TEST_CASE("aws logs tail: --format short and --format json", "[cloudwatch]") {
  // short: seconds, no zone (UTC), no stream.
  const testing::ReadEvents short_format = testing::ReadAsEventsFrom(
      "2019-07-14T12:43:08 2 086112738802 eni-1 REJECT OK\n"
      "2019-07-14T12:43:09 b\n");
  CHECK(short_format.messages ==
        testing::Strings{"2 086112738802 eni-1 REJECT OK", "b"});
  CHECK(short_format.timestamps ==
        testing::Times{1563108188000, 1563108189000});
  // json: the zone without microseconds when they are 0, and a message
  // that is JSON pretty-printed on the lines after it.
  const testing::ReadEvents json = testing::ReadAsEventsFrom(
      "2019-07-14T12:43:08+00:00 stream-a\n"
      "{\n    \"level\": \"ERROR\",\n    \"n\": [\n        1\n    ]\n}\n"
      "2019-07-14T12:43:09.500000+00:00 stream-b plain message\n");
  CHECK(json.messages ==
        testing::Strings{
            "{     \"level\": \"ERROR\",     \"n\": [         1     ] }",
            "plain message"});
  CHECK(json.timestamps == testing::Times{1563108188000, 1563108189500});
}

TEST_CASE("aws logs tail: empty messages and odd lines", "[cloudwatch]") {
  // The CLI strips trailing white space, so an empty message leaves the
  // timestamp and the stream (or only the timestamp) on the line.
  EventWriter w("t");
  ReadTailLines(
      "2019-07-14T12:43:08.000000+00:00 s\n2019-07-14T12:43:08\r\n"
      "2019-07-14T12:43:08.000000+00:00 s a b\n",
      &w);
  CHECK(w.text() == "\n\na b\n");
  // A line before any event is an event without a timestamp; a line with
  // an impossible date is not a tail line.
  EventWriter odd("t");
  ReadTailLines("lost line\n2019-13-14T12:43:08 x\n", &odd);
  CHECK(odd.text() == "lost line 2019-13-14T12:43:08 x\n");
  CHECK(odd.timestamps()[0] == -1);
}

TEST_CASE("aws logs tail: detected by its first line, or forced",
          "[cloudwatch]") {
  CHECK(DetectFormat(kDetailed) == InputFormat::kTail);
  CHECK(DetectFormat("2019-07-14T12:43:08 message\n") == InputFormat::kTail);
  CHECK(DetectFormat("2019-07-14T12:43:08+00:00 stream\n{\n") ==
        InputFormat::kTail);
  // Export files (Z), other timestamps and flow-log records are not.
  CHECK(DetectFormat("2019-07-14T12:43:08.000Z 2 a\n") == InputFormat::kExport);
  CHECK(DetectFormat("2019-07-14 12:43:08 not tail\n") == InputFormat::kText);
  CHECK(DetectFormat("2019-07-14T12:43:08.123 x\n") == InputFormat::kText);
  CHECK(DetectFormat("2 123 eni-1 - - - - - - - 1 2 - NODATA\n") ==
        InputFormat::kText);
  CHECK(*ParseInputFormat("tail") == InputFormat::kTail);
  const testing::ReadEvents forced = testing::ReadAsEventsFrom(
      "x\n2019-07-14T12:43:08 y\n", InputFormat::kTail);
  CHECK(forced.messages == testing::Strings{"x", "y"});
  CHECK(forced.timestamps == testing::Times{-1, 1563108188000});
}

TEST_CASE("aws logs tail: an event is not cut at a stream's chunk boundary",
          "[cloudwatch]") {
  // tests/fuzz/corpus/cloudwatch/tail_chunk_boundary: continuation lines that a
  // block boundary separates from their event's first line used to become
  // events of their own (without a timestamp) on streams only.
  const std::string text =
      "2019-07-14T12:43:08 first\ncontinued\nand more\n"
      "2019-07-14T12:43:09 second\n"
      "2019-07-14T12:43:10 third\n  indented\n\n"
      "2019-07-14T12:43:11 last\ngoes on to the end";
  const testing::ReadEvents whole =
      testing::ReadAsEventsFrom(text, InputFormat::kTail, 0);
  CHECK(whole.messages == testing::Strings{"first continued and more", "second",
                                           "third   indented ",
                                           "last goes on to the end"});
  for (size_t block : {1, 2, 5, 16, 30, 64, 4096}) {
    INFO("block " << block);
    const testing::ReadEvents stream =
        testing::ReadAsEventsFrom(text, InputFormat::kTail, block);
    CHECK(stream.status.ok());
    CHECK(stream.messages == whole.messages);
    CHECK(stream.timestamps == whole.timestamps);
  }
}

TEST_CASE("aws logs tail: streamed chunk by chunk", "[cloudwatch]") {
  std::string many;
  for (int i = 0; i < 2000; ++i) {
    many +=
        "2019-07-14T12:43:08.000000+00:00 s line " + std::to_string(i) + "\n";
  }
  Result<std::unique_ptr<Source>> source =
      ReadAsEvents(NewMemorySource("in", many, 4096), InputFormat::kAuto);
  REQUIRE(source.ok());
  CHECK_FALSE((*source)->whole());
  size_t chunks = 0, lines = 0;
  Chunk chunk;
  while ((*source)->Next(&chunk).ok() && !chunk.data.empty()) {
    ++chunks;
    REQUIRE(chunk.timestamps != nullptr);
    for (char c : chunk.data) lines += c == '\n';
    CHECK(chunk.timestamps[0] == 1563108188000);
  }
  CHECK(lines == 2000);
  CHECK(chunks > 1);  // not read whole: `aws logs tail --follow |` works
}

}  // namespace
}  // namespace flowmon
