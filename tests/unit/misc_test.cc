#include "catch.h"
#include "flowmon/input_files.h"
#include "flowmon/printer.h"
#include "flowmon/schema.h"
#include "flowmon/time_util.h"

namespace flowmon {
namespace {

TEST_CASE("the default format is the 14 version-2 fields", "[schema]") {
  const Schema s = Schema::DefaultV2();
  REQUIRE(s.size() == 14);
  CHECK(s.column(0).name == "version");
  CHECK(s.column(13).name == "log-status");
  CHECK(s.start_index() == 10);
  CHECK(s.FormatString().starts_with("${version} ${account-id} "));
}

TEST_CASE("format strings name fields; errors name the column", "[schema]") {
  Result<Schema> s = Schema::FromFormat("${version} ${vpc-id}  ${srcaddr}");
  REQUIRE(s.ok());
  CHECK(s->size() == 3);
  CHECK(s->IndexOf("vpc-id") == 1);
  CHECK(s->start_index() == -1);
  CHECK(Schema::FromFormat("${version} ${nope}").status().message() ==
        "invalid --format at column 14: unknown field 'nope' (see 'flowmon "
        "fields')");
  CHECK(Schema::FromFormat("version").status().message() ==
        "invalid --format at column 1: expected '${field-name}'");
  CHECK(Schema::FromFormat("${version").status().message() ==
        "invalid --format at column 1: missing '}'");
  CHECK_FALSE(Schema::FromFormat("  ").ok());
}

TEST_CASE("header lines", "[schema]") {
  auto h = Schema::FromHeaderLine(
      "version account-id interface-id srcaddr dstaddr srcport dstport "
      "protocol packets bytes start end action log-status\r");
  REQUIRE(h.has_value());
  CHECK(*h == Schema::DefaultV2());
  CHECK(Schema::FromHeaderLine("reject-reason ecs-task-id traffic-path")
            .has_value());
  CHECK_FALSE(Schema::FromHeaderLine("version account-id 2").has_value());
  CHECK_FALSE(Schema::FromHeaderLine("").has_value());
}

TEST_CASE("every documented field, v2 to v8", "[schema]") {
  CHECK(AllFlowFields().size() == 40);
  CHECK(FindFlowField("pkt-srcaddr")->version == 3);
  CHECK(FindFlowField("az-id")->version == 4);
  CHECK(FindFlowField("traffic-path")->version == 5);
  CHECK(FindFlowField("ecs-task-id")->version == 7);
  CHECK(FindFlowField("reject-reason")->version == 8);
  CHECK(FindFlowField("srcport")->type == FieldType::kInt);
  CHECK(FindFlowField("account-id")->type == FieldType::kString);
}

TEST_CASE("time arguments", "[time]") {
  CHECK(*ParseTimeArg("1563108188") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08Z") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T14:43:08+02:00") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08.750Z") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14") == 1563062400);
  CHECK(*ParseTimeArg("1970-01-01T00:00Z") == 0);
  CHECK_FALSE(ParseTimeArg("2019-02-30").ok());
  CHECK_FALSE(ParseTimeArg("yesterday").ok());
  CHECK_FALSE(ParseTimeArg("2019-07-14T25:00:00Z").ok());
  CHECK(FormatIso8601(1563108188) == "2019-07-14T12:43:08Z");
}

TEST_CASE("JSON helpers", "[printer]") {
  fmt::memory_buffer out;
  AppendJsonString(&out, "a\"b\\c\td\x01");
  CHECK(fmt::to_string(out) == "\"a\\\"b\\\\c\\td\\u0001\"");
  CHECK(IsJsonNumber("0"));
  CHECK(IsJsonNumber("-12.5e+3"));
  CHECK_FALSE(IsJsonNumber("012"));
  CHECK_FALSE(IsJsonNumber("1."));
  CHECK_FALSE(IsJsonNumber("-"));
  CHECK_FALSE(IsJsonNumber("+1"));
  CHECK_FALSE(ParseOutputFormat("xml").ok());
}

TEST_CASE("inputs: none is stdin, directories are walked in order", "[input]") {
  CHECK(ExpandInputs({}).files == std::vector<std::string>{"-"});
  const ExpandedInputs tree = ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"});
  REQUIRE(tree.files.size() >= 2);
  CHECK(std::is_sorted(tree.files.begin(), tree.files.end()));
  CHECK(tree.errors.empty());
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

TEST_CASE("S3 layout folders give a file's delivery span", "[input]") {
  int64_t b = 0, e = 0;
  REQUIRE(PathTimeSpan("AWSLogs/1/vpcflowlogs/us-east-1/2019/07/14/x.log.gz",
                       &b, &e));
  CHECK(b == 1563062400);
  CHECK(e == 1563062400 + 86400);
  REQUIRE(
      PathTimeSpan("AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/"
                   "aws-region=r/year=2019/month=07/"
                   "day=14/hour=05/x.log.gz",
                   &b, &e));
  CHECK(b == 1563062400 + 5 * 3600);
  CHECK(e == b + 3600);
  CHECK_FALSE(PathTimeSpan("samples/v2.log", &b, &e));
  size_t pruned = 0;
  const ExpandedInputs in =
      ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"}, int64_t{1563148800},
                   std::nullopt, &pruned);
  CHECK(pruned == 1);
  CHECK(in.files.size() == 1);
  // A folder's records may start up to an hour before it: kept.
  const ExpandedInputs margin =
      ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"}, std::nullopt,
                   int64_t{1563148800 - 1800}, &pruned);
  CHECK(margin.files.size() == 2);
}

}  // namespace
}  // namespace flowmon
