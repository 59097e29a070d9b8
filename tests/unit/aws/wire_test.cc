// The wire formats: SigV4's encodings, AWS error bodies, the XML S3 and
// SNS answer with, and the URLs of remote inputs.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "aws/xml_text.h"
#include "catch.h"
#include "flowmon/aws/aws_client.h"
#include "flowmon/aws/cloudwatch_logs.h"
#include "flowmon/aws/http.h"
#include "flowmon/aws/s3.h"
#include "flowmon/aws/sns.h"

namespace flowmon {
namespace {

TEST_CASE("SigV4 encodings", "[aws]") {
  CHECK(UriEncode("AWSLogs/1 2+~x") == "AWSLogs%2F1%202%2B~x");
  CHECK(UriEncode("AWSLogs/1 2", true) == "AWSLogs/1%202");
  // Sorted by key, every value encoded: libcurl signs the query as given.
  CHECK(CanonicalQuery({{"prefix", "a/b"},
                        {"list-type", "2"},
                        {"continuation-token", "x=="}}) ==
        "continuation-token=x%3D%3D&list-type=2&prefix=a%2Fb");
}

TEST_CASE("AWS error bodies", "[aws]") {
  AwsError e = ParseAwsError(
      "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>"
      "<Message>Access &amp; more</Message></Error>");
  CHECK(e.code == "AccessDenied");
  CHECK(e.message == "Access & more");
  e = ParseAwsError(
      "{\"__type\":\"com.amazon.coral.service#ThrottlingException\","
      "\"message\":\"Rate exceeded\"}");
  CHECK(e.code == "ThrottlingException");
  CHECK(e.message == "Rate exceeded");
}

TEST_CASE("XML elements", "[aws]") {
  const std::string xml =
      "<R><Prefix>top</Prefix><CommonPrefixes><Prefix>a/</Prefix>"
      "</CommonPrefixes><CommonPrefixes><Prefix>b&lt;/</Prefix>"
      "</CommonPrefixes><PrefixList/><Empty/></R>";
  CHECK(XmlElements(xml, "CommonPrefixes").size() == 2);
  CHECK(XmlText(XmlElements(xml, "CommonPrefixes")[1], "Prefix") == "b</");
  CHECK(XmlText(xml, "Prefix") == "top");
  CHECK(XmlElements(xml, "Empty").size() == 1);
  CHECK(XmlUnescape("&#65;&#x42;&quot;") == "AB\"");
}

TEST_CASE("remote input URLs", "[aws]") {
  Result<S3Location> s3 = ParseS3Url("s3://bucket/AWSLogs/1/");
  REQUIRE(s3.ok());
  CHECK(s3->bucket == "bucket");
  CHECK(s3->key == "AWSLogs/1/");
  CHECK(ParseS3Url("s3://bucket")->key.empty());
  CHECK_FALSE(ParseS3Url("s3:///key").ok());
  Result<LogGroupQuery> g = ParseLogGroupUrl("cwlogs://%2Faws%2Fvpc/eni-1");
  REQUIRE(g.ok());
  CHECK(g->group == "/aws/vpc");
  CHECK(g->stream_prefix == "eni-1");
  CHECK(ParseLogGroupUrl("cwlogs://VPCFlowLogs")->stream_prefix.empty());
  CHECK_FALSE(ParseLogGroupUrl("cwlogs://").ok());
  CHECK(ArnRegion("arn:aws:sns:eu-west-1:123456789012:alerts") == "eu-west-1");
  CHECK(ArnRegion("alerts").empty());
}

TEST_CASE("endpoints", "[aws]") {
  AwsClient real({}, [](const char*) -> const char* { return nullptr; });
  AwsCall call;
  call.service = "s3";
  call.region = "eu-west-1";
  call.host_prefix = "bucket.";
  CHECK(real.Endpoint(call) == "https://bucket.s3.eu-west-1.amazonaws.com");
  CHECK(real.default_region() == "us-east-1");
  AwsSettings local;
  local.endpoint_url = "http://127.0.0.1:9/";
  AwsClient stand_in(local, [](const char*) -> const char* { return nullptr; });
  CHECK(stand_in.Endpoint(call) == "http://127.0.0.1:9");
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

TEST_CASE("HTTP requests speak only http and https", "[aws]") {
  // libcurl would read a local file for file://: a webhook or endpoint URL
  // that slipped past the parse-time checks must not.
  char path[] = "/tmp/flowmon-proto-XXXXXX";
  const int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, "secret\n", 7) == 7);
  ::close(fd);
  HttpRequest request;
  request.url = std::string("file://") + path;
  request.timeout = 2;
  Result<HttpResponse> r = PerformHttp(request);
  std::remove(path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("protocol") != std::string::npos);
}

}  // namespace
}  // namespace flowmon
