#include "pipeline/header_line.h"

#include "catch.h"
#include "flowmon/scan/tokenizer.h"

namespace flowmon {
namespace {

Record Tokenized(std::string_view line) {
  Record rec;
  size_t column = 0;
  SplitFields(line, &rec, &column);
  return rec;
}

TEST_CASE("header line: every field a flow-log field name", "[header_line]") {
  CHECK(IsHeaderLine(Tokenized("version account-id interface-id srcaddr")));
  CHECK(IsHeaderLine(Tokenized("version  srcaddr\r")));   // as the tokenizer
  CHECK(IsHeaderLine(Tokenized("\"version\" srcaddr")));  // splits the line
  CHECK_FALSE(IsHeaderLine(Tokenized("version srcaddr 2")));
  CHECK_FALSE(IsHeaderLine(Tokenized("2 123456789010 eni-1")));
  CHECK_FALSE(IsHeaderLine(Tokenized("Version srcaddr")));
  CHECK_FALSE(IsHeaderLine(Tokenized("version\tsrcaddr")));
  CHECK_FALSE(IsHeaderLine(Tokenized("\"\" srcaddr")));
  CHECK_FALSE(IsHeaderLine(Tokenized("")));
}

TEST_CASE("header line: the format it names", "[header_line]") {
  const std::optional<Schema> s =
      HeaderLineSchema(Tokenized("version \"action\"  srcaddr\r"));
  REQUIRE(s.has_value());
  CHECK(s->FormatString() == "${version} ${action} ${srcaddr}");
  CHECK_FALSE(HeaderLineSchema(Tokenized("version 2")).has_value());
}

}  // namespace
}  // namespace flowmon
