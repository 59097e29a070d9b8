#include "pipeline/header_line.h"

#include "catch.h"
#include "flowmon/scan/tokenizer.h"
#include "guarded_bytes.h"

namespace flowmon {
namespace {

Record Tokenized(std::string_view line) {
  Record rec;
  size_t column = 0;
  SplitFields(line, &rec, &column);
  return rec;
}

TEST_CASE("header line: a lone quote or bracket at the end of the bytes",
          "[header_line]") {
  // Each is one empty field; nothing after the line may be read (the next
  // byte is unmapped).
  for (const std::string_view text : {"\"", "[", "\"\r", "[ \""}) {
    const testing::GuardedBytes line(text, testing::GuardedBytes::Edge::kAfter);
    Record rec;
    size_t column = 0;
    SplitFields(line.view(), &rec, &column,
                line.view().data() + line.view().size());
    CHECK_FALSE(IsHeaderLine(rec));
    CHECK_FALSE(HeaderLineSchema(rec));
  }
}

TEST_CASE("header line: every word a field name", "[header_line]") {
  CHECK(IsHeaderLine(Tokenized("version account-id interface-id srcaddr")));
  CHECK(IsHeaderLine(Tokenized("version  srcaddr\r")));   // as the tokenizer
  CHECK(IsHeaderLine(Tokenized("\"version\" srcaddr")));  // splits the line
  CHECK_FALSE(IsHeaderLine(Tokenized("version srcaddr 2")));
  CHECK_FALSE(IsHeaderLine(Tokenized("2 123456789010 eni-1")));
  CHECK_FALSE(IsHeaderLine(Tokenized("Version srcaddr")));
  CHECK_FALSE(IsHeaderLine(Tokenized("version\tsrcaddr")));
  CHECK_FALSE(IsHeaderLine(Tokenized("\"\" srcaddr")));
  CHECK_FALSE(IsHeaderLine(Tokenized("")));
  // Known by its shape, not by every name: AWS adds fields.
  CHECK(IsHeaderLine(
      Tokenized("version srcaddr header-line-test-field log-status")));
  CHECK(IsHeaderLine(
      Tokenized("flow-direction traffic-path srcaddr dstaddr srcport dstport "
                "encryption-status")));
  // Records whose first words have a name's shape are not.
  CHECK_FALSE(IsHeaderLine(Tokenized("ingress - 10.0.133.8 10.0.128.55 1")));
  CHECK_FALSE(IsHeaderLine(Tokenized(
      "i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5")));
  CHECK_FALSE(IsHeaderLine(Tokenized("us-east-1 use1-az1 wavelength")));
}

TEST_CASE("header line: the format it names", "[header_line]") {
  const std::optional<Schema> s =
      HeaderLineSchema(Tokenized("version \"action\"  srcaddr\r"));
  REQUIRE(s.has_value());
  CHECK(s->FormatString() == "${version} ${action} ${srcaddr}");
  CHECK_FALSE(HeaderLineSchema(Tokenized("version 2")).has_value());
  // A name flowmon does not know: a string field, announced once.
  int heard = 0;
  SetUnknownFieldListener([&heard](const FlowField&) { ++heard; });
  for (int i = 0; i < 2; ++i) {
    const std::optional<Schema> t =
        HeaderLineSchema(Tokenized("version header-line-schema-new"));
    REQUIRE(t.has_value());
    CHECK(IsUnknownField(t->column(1)));
    CHECK(t->column(1).type == FieldType::kString);
  }
  SetUnknownFieldListener(nullptr);
  CHECK(heard == 1);
  // The Transit Gateway default format, by its header line.
  const std::optional<Schema> tgw = HeaderLineSchema(
      Tokenized("version resource-type account-id tgw-id tgw-attachment-id "
                "tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id "
                "tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id "
                "tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id "
                "tgw-pair-attachment-id srcaddr dstaddr srcport dstport "
                "protocol packets bytes start end log-status type "
                "packets-lost-no-route packets-lost-blackhole "
                "packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags "
                "region flow-direction pkt-src-aws-service "
                "pkt-dst-aws-service"));
  REQUIRE(tgw.has_value());
  CHECK(*tgw == Schema::DefaultTgw());
}

}  // namespace
}  // namespace flowmon
