#include "flowmon/core/schema.h"

#include <string>
#include <vector>

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
  // One edit from a documented name: a typo, not a new field.
  CHECK(Schema::FromFormat("${version} ${srcadr}").status().message() ==
        "invalid --format at column 14: unknown field 'srcadr' (see 'flowmon "
        "fields')");
  CHECK_FALSE(Schema::FromFormat("${version} ${Src}").ok());
  CHECK_FALSE(Schema::FromFormat("${version} ${}").ok());
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
  // A name flowmon does not know is a string field of the header.
  auto with_new = Schema::FromHeaderLine("version schema-test-header start");
  REQUIRE(with_new.has_value());
  CHECK(IsUnknownField(with_new->column(1)));
  CHECK(with_new->start_index() == 2);
  // Record-like lines are not headers.
  CHECK_FALSE(Schema::FromHeaderLine("ingress - 10.0.133.8").has_value());
  CHECK_FALSE(Schema::FromHeaderLine("egress unknown").has_value());
  CHECK_FALSE(Schema::FromHeaderLine("my-cluster my-service").has_value());
  CHECK_FALSE(Schema::FromHeaderLine("version account-id 2").has_value());
  CHECK_FALSE(Schema::FromHeaderLine("").has_value());
}

TEST_CASE("format strings: fields flowmon does not know", "[schema]") {
  std::vector<std::string> heard;
  SetUnknownFieldListener(
      [&heard](const FlowField& f) { heard.emplace_back(f.name); });
  Result<Schema> s = Schema::FromFormat("${version} ${schema-test-new} ${end}");
  REQUIRE(s.ok());
  REQUIRE(s->size() == 3);
  const FlowField& f = s->column(1);
  CHECK(f.name == "schema-test-new");
  CHECK(IsUnknownField(f));
  CHECK(f.type == FieldType::kString);
  CHECK(f.insights == "schema-test-new");
  // The same field each time, and the listener hears of it once.
  CHECK(&Schema::FromFormat("${schema-test-new}")->column(0) == &f);
  CHECK(FieldNamed("schema-test-new") == &f);
  CHECK(heard == std::vector<std::string>{"schema-test-new"});
  CHECK(FieldNamed("Not-Shaped") == nullptr);
  CHECK(FieldNamed("srcaddr") == FindFlowField("srcaddr"));
  SetUnknownFieldListener(nullptr);
}

TEST_CASE("the format option: named formats", "[schema]") {
  CHECK(*Schema::FromFormatOption("") == Schema::DefaultV2());
  CHECK(*Schema::FromFormatOption("v2") == Schema::DefaultV2());
  CHECK(*Schema::FromFormatOption("default") == Schema::DefaultV2());
  CHECK(*Schema::FromFormatOption("tgw") == Schema::DefaultTgw());
  CHECK(Schema::FromFormatOption("raw")->raw());
  CHECK(Schema::FromFormatOption("${srcaddr}")->size() == 1);
  CHECK(Schema::DefaultV2().Name() == "v2");
  CHECK(Schema::DefaultTgw().Name() == "tgw");
  CHECK(Schema::Raw().Name() == "raw");
  CHECK(Schema::FromFormat("${srcaddr} ${dstaddr}")->Name() ==
        "${srcaddr} ${dstaddr}");
}

TEST_CASE("the Transit Gateway default format", "[schema]") {
  const Schema s = Schema::DefaultTgw();
  REQUIRE(s.size() == 36);
  CHECK(s.column(0).name == "version");
  CHECK(s.column(1).name == "resource-type");
  CHECK(s.column(15).name == "tgw-pair-attachment-id");
  CHECK(s.column(25).name == "log-status");
  CHECK(s.column(35).name == "pkt-dst-aws-service");
  CHECK(s.start_index() == 23);
  CHECK(s.IndexOf("action") == -1);
  CHECK(s.IndexOf("interface-id") == -1);
  for (size_t i = 0; i < s.size(); ++i) {
    CHECK((s.column(i).logs & kTgwFlowLogs) != 0);
  }
  // Every field of the Transit Gateway table is in it.
  size_t tgw = 0;
  for (const FlowField& f : AllFlowFields())
    tgw += (f.logs & kTgwFlowLogs) != 0;
  CHECK(tgw == 36);
}

TEST_CASE("typos of documented names", "[schema]") {
  CHECK(IsTypoOfKnownField("srcadr"));    // a deletion
  CHECK(IsTypoOfKnownField("srcaddrr"));  // an insertion
  CHECK(IsTypoOfKnownField("dstpotr"));   // a swap
  CHECK(IsTypoOfKnownField("vpc-ix"));    // a substitution
  CHECK_FALSE(IsTypoOfKnownField("srcaddr"));
  CHECK_FALSE(IsTypoOfKnownField("future-field"));
  CHECK_FALSE(IsTypoOfKnownField("bogus"));
}

TEST_CASE("every documented field, VPC v2 to v10, Transit Gateway v6",
          "[schema]") {
  CHECK(AllFlowFields().size() == 60);
  CHECK(FindFlowField("pkt-srcaddr")->version == 3);
  CHECK(FindFlowField("az-id")->version == 4);
  CHECK(FindFlowField("traffic-path")->version == 5);
  CHECK(FindFlowField("ecs-task-id")->version == 7);
  CHECK(FindFlowField("reject-reason")->version == 8);
  CHECK(FindFlowField("resource-id")->version == 9);
  CHECK(FindFlowField("encryption-status")->version == 10);
  CHECK(FindFlowField("encryption-status")->type == FieldType::kInt);
  CHECK(FindFlowField("tgw-attachment-id")->version == 6);
  CHECK(FindFlowField("tgw-attachment-id")->logs == kTgwFlowLogs);
  CHECK(FindFlowField("packets-lost-blackhole")->type == FieldType::kInt);
  CHECK(FindFlowField("action")->logs == kVpcFlowLogs);
  CHECK(FindFlowField("srcaddr")->logs == (kVpcFlowLogs | kTgwFlowLogs));
  CHECK(FindFlowField("srcaddr")->insights == "srcAddr");
  CHECK(FindFlowField("start")->insights == "startTime");
  CHECK(FindFlowField("srcport")->type == FieldType::kInt);
  CHECK(FindFlowField("account-id")->type == FieldType::kString);
}

}  // namespace
}  // namespace flowmon
