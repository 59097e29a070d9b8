#include "ingest/cloudwatch/json_documents.h"

#include <memory>
#include <string>
#include <vector>

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

// Hands out given chunks one by one, counting how many were taken.
class ChunkSource : public Source {
 public:
  explicit ChunkSource(std::vector<std::string> chunks, size_t* taken)
      : Source("in"), chunks_(std::move(chunks)), taken_(taken) {}
  Status Next(Chunk* chunk) override {
    *chunk = Chunk{};
    if (*taken_ < chunks_.size()) chunk->data = chunks_[(*taken_)++];
    return Status::Ok();
  }
  uint64_t bytes_consumed() const override { return 0; }

 private:
  std::vector<std::string> chunks_;
  size_t* taken_;
};

TEST_CASE("JSON documents stream: each as soon as it is complete",
          "[cloudwatch]") {
  // Two pages, the first split inside a string with an escaped quote and a
  // brace: its events come out before the second page is read.
  size_t taken = 0;
  auto base = std::make_unique<ChunkSource>(
      std::vector<std::string>{R"({"events":[{"timestamp":1,"message":"a\"})",
                               R"(b"}]} )",
                               R"({"events":[{"timestamp":2,"message":"c"}]})"},
      &taken);
  Result<std::unique_ptr<Source>> s =
      ReadAsEvents(std::move(base), InputFormat::kCloudWatch);
  REQUIRE(s.ok());
  Chunk chunk;
  REQUIRE((*s)->Next(&chunk).ok());
  CHECK(chunk.data == "a\"}b\n");
  CHECK(chunk.timestamps[0] == 1);
  CHECK(taken == 2);
  REQUIRE((*s)->Next(&chunk).ok());
  CHECK(chunk.data == "c\n");
  CHECK(chunk.timestamps[0] == 2);
  REQUIRE((*s)->Next(&chunk).ok());
  CHECK(chunk.data.empty());
}

TEST_CASE("JSON documents stream: the same events at every block size",
          "[cloudwatch]") {
  std::string pages;
  for (int i = 0; i < 40; ++i) {
    pages += R"({"events":[{"timestamp":)" + std::to_string(i) +
             R"(,"message":"m [x] {y} \\ \")" + std::to_string(i) + R"("}]})" +
             (i % 3 == 0 ? "\n" : "");
  }
  const testing::ReadEvents whole = testing::ReadAsEventsFrom(pages);
  REQUIRE(whole.messages.size() == 40);
  CHECK(whole.status.ok());
  for (const size_t block : {size_t{1}, size_t{2}, size_t{7}, size_t{64}}) {
    Result<std::unique_ptr<Source>> s =
        ReadAsEvents(NewMemorySource("in", pages, block), InputFormat::kAuto);
    REQUIRE(s.ok());
    std::string text;
    std::vector<int64_t> times;
    Chunk chunk;
    while ((*s)->Next(&chunk).ok() && !chunk.data.empty()) {
      text += chunk.data;
      for (size_t i = 0, n = 0; i < chunk.data.size(); ++i) {
        if (chunk.data[i] == '\n') times.push_back(chunk.timestamps[n++]);
      }
    }
    std::string want;
    for (const std::string& m : whole.messages) want += m + "\n";
    CHECK(text == want);
    CHECK(times == whole.timestamps);
  }
}

TEST_CASE("a stream's document over 1 MiB without a newline is kept whole",
          "[cloudwatch]") {
  // 3 MiB of events on one line, as a Firehose object or a page: on a
  // stream it used to meet the 1 MiB line limit.
  std::string page = R"({"events":[)";
  const std::string message(1000, 'x');
  for (int i = 0; i < 3000; ++i) {
    if (i > 0) page += ',';
    page += R"({"timestamp":1,"message":")" + message + R"("})";
  }
  page += "]}";
  for (const size_t block : {size_t{4096}, size_t{1} << 16}) {
    Result<std::unique_ptr<Source>> s =
        ReadAsEvents(NewMemorySource("in", page, block), InputFormat::kAuto);
    REQUIRE(s.ok());
    Status status;
    const std::string text = testing::DrainSource(**s, &status);
    CHECK(status.ok());
    CHECK(text.size() == 3000 * 1001);
  }
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
