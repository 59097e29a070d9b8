#include "ingest/cloudwatch/subscription_payloads.h"

#include <string>

#include "catch.h"
#include "ingest/cloudwatch/payload.h"
#include "ingest/gzip_inflate.h"
#include "ingest/ingest_test_util.h"
#include "test_util.h"

namespace flowmon {
namespace {

std::string Base64(const std::string& bytes) {
  static const char* alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += alphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += alphabet[(acc << (6 - bits)) & 63];
  while (out.size() % 4 != 0) out += '=';
  return out;
}

TEST_CASE("subscription payloads, Lambda and Kinesis events", "[cloudwatch]") {
  const testing::ReadEvents subs = testing::ReadAsEventsFrom(
      testing::ReadSample("cloudwatch/subscription-payloads.txt"));
  CHECK(subs.status.ok());
  REQUIRE(subs.messages.size() == 4);  // the CONTROL_MESSAGE is skipped
  CHECK(subs.timestamps[0] == 1563108188000);
  const testing::ReadEvents lambda = testing::ReadAsEventsFrom(
      testing::ReadSample("cloudwatch/lambda-event.json"));
  CHECK(lambda.messages == subs.messages);
  const std::string data =
      testing::ReadSample("cloudwatch/subscription-payloads.txt");
  const std::string first = data.substr(0, data.find('\n'));
  const testing::ReadEvents kinesis = testing::ReadAsEventsFrom(
      R"({"Records":[{"kinesis":{"data":")" + first + R"("}}]})");
  CHECK(kinesis.messages.empty());  // that one is the control message
  CHECK(kinesis.status.ok());
}

TEST_CASE("payloads: not base64, uncompressed, damaged", "[cloudwatch]") {
  const testing::ReadEvents notb64 =
      testing::ReadAsEventsFrom("H4sI!!!\n", InputFormat::kSubscription);
  CHECK(notb64.status.message() == "in: payload 1: not base64");
  const std::string json = R"({"logEvents":[{"timestamp":1,"message":"m"}]})";
  std::string decoded;
  CHECK(DecodePayload(Base64(json), &decoded).ok());
  CHECK(decoded == json);
  std::string gz = testing::Gzip(json);
  gz.resize(gz.size() - 4);
  const testing::ReadEvents cut = testing::ReadAsEventsFrom(
      Base64(testing::Gzip(json)) + "\n" + Base64(gz) + "\n",
      InputFormat::kSubscription);
  CHECK(cut.messages == testing::Strings{"m"});
  CHECK(cut.status.message() ==
        "in: payload 2: truncated gzip data (unexpected end of file)");
}

TEST_CASE("a payload that inflates past the cap is an error naming it",
          "[cloudwatch]") {
  // 80 MiB of white space in a document: gzip makes it about 80 KiB.
  const std::string json = R"({"logEvents":[{"timestamp":1,"message":"m"}]})" +
                           std::string(80 << 20, ' ');
  const testing::ReadEvents e = testing::ReadAsEventsFrom(
      Base64(testing::Gzip(json)) + "\n" +
      Base64(
          testing::Gzip(R"({"logEvents":[{"timestamp":2,"message":"n"}]})")) +
      "\n");
  CHECK(e.status.message() == "in: payload 1: inflates to more than 64 MiB");
  // The payload is not read at all; the next one is.
  CHECK(e.messages == testing::Strings{"n"});
  // Exactly at the cap is not past it.
  std::string out;
  CHECK(InflateGzip(testing::Gzip(std::string(1000, 'a')), &out, 1000).ok());
  CHECK(InflateGzip(testing::Gzip(std::string(1001, 'a')), &out, 1000)
            .message() == "inflates to more than 1000 bytes");
  CHECK(out.size() == 1000);
}

TEST_CASE("a payload holding a line over 1 MiB is read whole", "[cloudwatch]") {
  // Subscription messages are one line of JSON; a big one used to be cut
  // at the stream line limit and reported as a truncated document.
  const std::string message(3 << 20, 'x');
  const std::string json =
      R"({"messageType":"DATA_MESSAGE","logEvents":[{"timestamp":1,"message":")" +
      message + R"("}]})";
  const testing::ReadEvents e =
      testing::ReadAsEventsFrom(Base64(testing::Gzip(json)) + "\n");
  CHECK(e.status.ok());
  REQUIRE(e.messages.size() == 1);
  CHECK(e.messages[0] == message);
}

}  // namespace
}  // namespace flowmon
