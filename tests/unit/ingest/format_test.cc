#include "flowmon/ingest/format.h"

#include <string>

#include "catch.h"
#include "ingest/gzip_inflate.h"
#include "ingest/ingest_test_util.h"
#include "test_util.h"

namespace flowmon {
namespace {

std::string Inflated(const std::string& sample) {
  std::string out;
  REQUIRE(InflateGzip(testing::ReadSample(sample), &out).ok());
  return out;
}

TEST_CASE("input format names", "[format]") {
  CHECK(*ParseInputFormat("auto") == InputFormat::kAuto);
  CHECK(*ParseInputFormat("text") == InputFormat::kText);
  CHECK(*ParseInputFormat("cloudwatch") == InputFormat::kCloudWatch);
  CHECK(*ParseInputFormat("subscription") == InputFormat::kSubscription);
  CHECK(*ParseInputFormat("csv") == InputFormat::kCsv);
  CHECK(*ParseInputFormat("export") == InputFormat::kExport);
  CHECK(ParseInputFormat("xml").status().message() ==
        "unknown input format 'xml' (expected auto, text, cloudwatch, "
        "subscription, csv, export or tail)");
}

TEST_CASE("gzip is told by its magic bytes", "[format]") {
  CHECK(IsGzip(testing::Gzip("x")));
  CHECK(IsGzip(testing::ReadSample("flows.log.gz")));
  CHECK(IsGzip(testing::ReadSample("cloudwatch/firehose-object.gz")));
  CHECK_FALSE(IsGzip(""));
  CHECK_FALSE(IsGzip("\x1f"));
  CHECK_FALSE(IsGzip("\x8b\x1f"));
  CHECK_FALSE(IsGzip(testing::ReadSample("v2.log")));
}

TEST_CASE("DetectFormat: each CloudWatch shape", "[format]") {
  // `aws logs filter-log-events` and `get-log-events` output.
  CHECK(DetectFormat(testing::ReadSample(
            "cloudwatch/filter-log-events.json")) == InputFormat::kCloudWatch);
  CHECK(DetectFormat(
            testing::ReadSample("cloudwatch/get-log-events-pages.json")) ==
        InputFormat::kCloudWatch);
  // `--query events`: an array of events.
  CHECK(DetectFormat(R"([{"timestamp":5,"message":"m"}])") ==
        InputFormat::kCloudWatch);
  // A subscription message, as in Firehose objects.
  CHECK(DetectFormat(Inflated("cloudwatch/firehose-object.gz")) ==
        InputFormat::kCloudWatch);
  CHECK(DetectFormat(R"({"messageType":"CONTROL_MESSAGE"})") ==
        InputFormat::kCloudWatch);
  // Lambda events: awslogs, and Kinesis records.
  CHECK(DetectFormat(testing::ReadSample("cloudwatch/lambda-event.json")) ==
        InputFormat::kCloudWatch);
  CHECK(DetectFormat(R"({"Records":[{"kinesis":{"data":"H4sI"}}]})") ==
        InputFormat::kCloudWatch);
  // Subscription payloads: base64 gzip.
  CHECK(DetectFormat(
            testing::ReadSample("cloudwatch/subscription-payloads.txt")) ==
        InputFormat::kSubscription);
  // The console's and Logs Insights' CSV downloads.
  CHECK(DetectFormat(testing::ReadSample("cloudwatch/console-download.csv")) ==
        InputFormat::kCsv);
  CHECK(DetectFormat("\"timestamp\",\"message\"\n") == InputFormat::kCsv);
  CHECK(DetectFormat("@timestamp,@message\n") == InputFormat::kCsv);
  CHECK(DetectFormat("\"@timestamp\",\"@message\"\n") == InputFormat::kCsv);
  // CreateExportTask files.
  CHECK(DetectFormat(Inflated("cloudwatch/export-000000.gz")) ==
        InputFormat::kExport);
  // A byte order mark and white space before the shape.
  CHECK(DetectFormat("\xef\xbb\xbf \n\t{\"events\":[]}") ==
        InputFormat::kCloudWatch);
}

TEST_CASE("DetectFormat: plain text and JSON log lines are text", "[format]") {
  CHECK(DetectFormat("") == InputFormat::kText);
  CHECK(DetectFormat(testing::ReadSample("v2.log")) == InputFormat::kText);
  CHECK(DetectFormat(testing::ReadSample("cloudwatch/app-events.ndjson")) ==
        InputFormat::kText);
  CHECK(DetectFormat(R"({"Records":[{"s3":{}}]})") == InputFormat::kText);
  CHECK(DetectFormat(R"({"timestamp":5,"message":"m"})") == InputFormat::kText);
  CHECK(DetectFormat("2019-07-14 12:43:08 not an export line\n") ==
        InputFormat::kText);
}

}  // namespace
}  // namespace flowmon
