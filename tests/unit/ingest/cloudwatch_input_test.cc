#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/ingest/source.h"
#include "test_util.h"

namespace flowmon {
namespace {

struct Events {
  std::vector<std::string> messages;
  std::vector<int64_t> timestamps;
  Status status;
};

Events Read(const std::string& data, InputFormat format = InputFormat::kAuto) {
  Result<std::unique_ptr<Source>> source =
      ReadAsEvents(NewStringSource("in", data, 1 << 16), format);
  REQUIRE(source.ok());
  Events out;
  while (true) {
    Chunk chunk;
    out.status = (*source)->Next(&chunk);
    if (!out.status.ok() || chunk.data.empty()) break;
    size_t pos = 0, i = 0;
    while (pos < chunk.data.size()) {
      size_t nl = chunk.data.find('\n', pos);
      if (nl == std::string_view::npos) nl = chunk.data.size();
      out.messages.emplace_back(chunk.data.substr(pos, nl - pos));
      out.timestamps.push_back(chunk.timestamps ? chunk.timestamps[i] : -1);
      ++i;
      pos = nl + 1;
    }
  }
  return out;
}

std::string Sample(const std::string& name) {
  std::ifstream in(std::string(FLOWMON_SAMPLES_DIR) + "/cloudwatch/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using Strings = std::vector<std::string>;
using Times = std::vector<int64_t>;

TEST_CASE("filter-log-events and get-log-events JSON", "[cloudwatch]") {
  const Events e = Read(R"({"events":[
      {"logStreamName":"s","timestamp":1563108188000,"message":"a b","ingestionTime":1,"eventId":"1"},
      {"timestamp":1563108189000,"message":"c\nd \"q\" \u00e9"}],
      "searchedLogStreams":[]})");
  CHECK(e.status.ok());
  CHECK(e.messages == Strings{"a b", "c d \"q\" \xc3\xa9"});
  CHECK(e.timestamps == Times{1563108188000, 1563108189000});
  // Pages concatenated, with and without white space between them.
  const Events pages = Read(
      R"({"events":[{"timestamp":1,"message":"x"}]}{"events":[{"timestamp":2,"message":"y"}]}
{"events":[]})");
  CHECK(pages.messages == Strings{"x", "y"});
  CHECK(pages.timestamps == Times{1, 2});
  // `--query events`: an array of events.
  const Events arr = Read(R"([{"timestamp":5,"message":"m"}])");
  CHECK(arr.messages == Strings{"m"});
}

TEST_CASE("subscription payloads, Lambda and Kinesis events", "[cloudwatch]") {
  const Events subs = Read(Sample("subscription-payloads.txt"));
  CHECK(subs.status.ok());
  REQUIRE(subs.messages.size() == 4);  // the CONTROL_MESSAGE is skipped
  CHECK(subs.timestamps[0] == 1563108188000);
  const Events lambda = Read(Sample("lambda-event.json"));
  CHECK(lambda.messages == subs.messages);
  const std::string data = Sample("subscription-payloads.txt");
  const std::string first = data.substr(0, data.find('\n'));
  const Events kinesis =
      Read(R"({"Records":[{"kinesis":{"data":")" + first + R"("}}]})");
  CHECK(kinesis.messages.empty());  // that one is the control message
  CHECK(kinesis.status.ok());
}

TEST_CASE("Firehose objects: gzip members of back-to-back JSON",
          "[cloudwatch]") {
  const Events e = Read(Sample("firehose-object.gz"));
  CHECK(e.status.ok());
  CHECK(e.messages.size() == 4);
  CHECK(e.timestamps[1] == 1563109030000);
}

TEST_CASE("console CSV and export files", "[cloudwatch]") {
  const Events csv = Read(
      "timestamp,message\n"
      "1563108188000,\"a, \"\"quoted\"\" message\"\n"
      "2019-07-14 12:43:09.500,plain\r\n");
  CHECK(csv.messages == Strings{"a, \"quoted\" message", "plain"});
  CHECK(csv.timestamps == Times{1563108188000, 1563108189500});
  const Events insights =
      Read("@timestamp,@message\n2019-07-14T12:43:08.000Z,x\n");
  CHECK(insights.messages == Strings{"x"});
  CHECK(insights.timestamps == Times{1563108188000});
  const Events exported =
      Read("2019-07-14T12:43:08.000Z 2 a b\n2019-07-14T12:43:09.123Z c d\n");
  CHECK(exported.messages == Strings{"2 a b", "c d"});
  CHECK(exported.timestamps == Times{1563108188000, 1563108189123});
  const Events gz = Read(Sample("export-000000.gz"));
  CHECK(gz.messages.size() == 4);
}

TEST_CASE("plain text and JSON log lines are not converted", "[cloudwatch]") {
  const Events text = Read("2 a b c\nline two\n");
  CHECK(text.messages == Strings{"2 a b c", "line two"});
  CHECK(text.timestamps == Times{-1, -1});
  const Events json = Read("{\"level\":\"ERROR\"}\n{\"level\":\"INFO\"}\n");
  CHECK(json.messages.size() == 2);
  CHECK(json.timestamps == Times{-1, -1});
}

TEST_CASE("broken JSON: the events before it are kept", "[cloudwatch]") {
  const Events e = Read(Sample("broken.json"));
  CHECK(e.messages.size() == 2);
  CHECK(e.status.code() == Status::Code::kCorrupt);
  CHECK(e.status.message().starts_with("in: invalid JSON at byte "));
  CHECK(e.status.message().ends_with(": truncated document"));
  const Events bad =
      Read(R"({"events":[{"message":"ok","timestamp":1}]}{"events":[1,}])",
           InputFormat::kCloudWatch);
  CHECK(bad.messages == Strings{"ok"});
  CHECK(bad.status.message().starts_with("in: invalid JSON at byte 43: "));
  const Events other = Read(R"({"hello":"world"})", InputFormat::kCloudWatch);
  CHECK(other.status.message() ==
        "in: document at byte 0 holds no CloudWatch log events");
  const Events notb64 = Read("H4sI!!!\n", InputFormat::kSubscription);
  CHECK(notb64.status.message() == "in: payload 1: not base64");
}

TEST_CASE("input format names", "[cloudwatch]") {
  CHECK(*ParseInputFormat("csv") == InputFormat::kCsv);
  CHECK(ParseInputFormat("xml").status().message() ==
        "unknown input format 'xml' (expected auto, text, cloudwatch, "
        "subscription, csv or export)");
}

}  // namespace
}  // namespace flowmon
