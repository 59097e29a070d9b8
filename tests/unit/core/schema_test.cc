#include "flowmon/core/schema.h"

#include "catch.h"
#include "flowmon/core/time_util.h"
#include "flowmon/ingest/input_files.h"
#include "flowmon/sinks/printer.h"

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

}  // namespace
}  // namespace flowmon
