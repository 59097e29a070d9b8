// JsonExpr::Parse: what the JSON family accepts, and its column errors.
#include <string>

#include "catch.h"
#include "pattern/json_expr.h"

namespace flowmon {
namespace {

std::string ParseError(std::string_view pattern) {
  PatternError error;
  REQUIRE(JsonExpr::Parse(pattern, &error) == nullptr);
  return std::to_string(error.column) + ": " + error.message;
}

bool Parses(std::string_view pattern) {
  PatternError error;
  return JsonExpr::Parse(pattern, &error) != nullptr;
}

TEST_CASE("JSON parser: accepted forms", "[pattern][json]") {
  CHECK(Parses(R"({ $.eventType = "UpdateTrail" })"));
  CHECK(Parses("{$.a=1}"));
  CHECK(Parses("  { $.a = -1.5e3 }  "));
  CHECK(Parses("{ $.a > +1000 && ($.b IS TRUE || $.c IS FALSE) }"));
  CHECK(Parses("{ $.a NOT EXISTS || $.b IS NULL }"));
  CHECK(Parses("{ $.a = %x% && $.b != %y% }"));
  CHECK(Parses("{ $.ip = 10.0.*:80/tcp }"));
}

TEST_CASE("JSON parser: errors name the column", "[pattern][json]") {
  CHECK(ParseError("$.a = 1") == "1: expected '{'");
  CHECK(ParseError("{ $.a NOT THERE }") == "11: expected EXISTS after NOT");
  CHECK(ParseError("{ $.a ISNULL }") ==
        "7: expected an operator (=, !=, <, <=, >, >=), IS or NOT EXISTS");
  CHECK(ParseError("{ $.a = \"x }") == "9: unterminated quoted value");
  CHECK(ParseError("{ $.a < \"x\" }") == "9: expected a number after '<'");
  CHECK(ParseError("{ $.a = %x }") == "9: unterminated regex: expected '%'");
  CHECK(ParseError("{ $.a = 1 && }") ==
        "14: expected a selector starting with '$'");
  CHECK(ParseError("{ $.a = @ }")
            .starts_with("9: expected a value after '=' (strings with "
                         "characters other than"));
}

TEST_CASE("JSON parser: nesting is bounded whatever the text's length",
          "[pattern][json]") {
  // As deep as a 1,024-character pattern can nest: parses.
  const std::string deep =
      "{" + std::string(500, '(') + "$.a = 1" + std::string(500, ')') + "}";
  CHECK(Parses(deep));
  // Far deeper (only a caller without the length limit can ask): an error
  // at the first parenthesis past the limit, not a stack overflow.
  const std::string deeper = "{" + std::string(100000, '(') + "$.a = 1" +
                             std::string(100000, ')') + "}";
  CHECK(ParseError(deeper) == "514: parentheses nested deeper than 512 levels");
}

}  // namespace
}  // namespace flowmon
