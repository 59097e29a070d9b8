// ParseSpaceDelimitedPattern: slots, positions and conditions.
#include "pattern/space_delimited_parser.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

SpaceDelimitedPattern MustParse(std::string_view text) {
  SpaceDelimitedPattern p;
  PatternError error;
  const bool ok = ParseSpaceDelimitedPattern(text, &p, &error);
  INFO(error.message);
  REQUIRE(ok);
  return p;
}

std::string ParseError(std::string_view text) {
  SpaceDelimitedPattern p;
  PatternError error;
  REQUIRE_FALSE(ParseSpaceDelimitedPattern(text, &p, &error));
  return std::to_string(error.column) + ": " + error.message;
}

TEST_CASE("space-delimited parser: slots after '...' count from the end",
          "[pattern][space_delimited]") {
  const SpaceDelimitedPattern p = MustParse("[ip, ..., status_code, bytes]");
  REQUIRE(p.slots.size() == 4);
  CHECK(p.ellipsis == 1);
  CHECK(p.fixed == 3);
  CHECK((p.slots[0].position == 0 && !p.slots[0].from_end));
  CHECK(p.slots[1].kind == Slot::Kind::kEllipsis);
  CHECK((p.slots[2].name == "status_code" && p.slots[2].position == 1 &&
         p.slots[2].from_end));
  CHECK((p.slots[3].position == 2 && p.slots[3].from_end));
  CHECK(MustParse("[]").match_all);
  CHECK(MustParse("[a, b]").ellipsis == -1);
}

TEST_CASE("space-delimited parser: a trailing comma adds an unnamed slot",
          "[pattern][space_delimited]") {
  const SpaceDelimitedPattern p = MustParse("[..., request=*.html*,]");
  REQUIRE(p.slots.size() == 3);
  CHECK(p.slots[2].kind == Slot::Kind::kUnnamed);
  CHECK(p.fixed == 2);
}

TEST_CASE("space-delimited parser: conditions in disjunctive normal form",
          "[pattern][space_delimited]") {
  const SpaceDelimitedPattern p =
      MustParse("[w1=WARN || w1=ERROR && w2=nothing, w2]");
  REQUIRE(p.conditions.size() == 1);
  const Condition& c = p.conditions[0];
  REQUIRE(c.any_of.size() == 2);
  CHECK(c.any_of[0].size() == 1);
  REQUIRE(c.any_of[1].size() == 2);
  // The later name resolves to the slot declared after the condition.
  CHECK(c.any_of[1][0].slot == 0);
  CHECK(c.any_of[1][1].slot == 1);
  CHECK(c.any_of[1][1].test.text == "nothing");
  const SpaceDelimitedPattern numeric = MustParse("[a, b >= 10]");
  const Comparison& number = numeric.conditions[0].any_of[0][0];
  CHECK((number.test.numeric && number.test.number == 10 &&
         number.test.op == CompareOp::kGe && number.column == 7));
}

TEST_CASE("space-delimited parser: errors", "[pattern][space_delimited]") {
  CHECK(ParseError("[a, b") == "6: expected ']'");
  CHECK(ParseError("[a=%x%, b=%y%, c=%z%]") ==
        "18: a space-delimited filter pattern may contain at most 2 regular "
        "expressions");
  CHECK(ParseError("[a = 1 && c = 2]").starts_with("11: unknown field 'c'"));
  CHECK(ParseError("[a; b]") == "3: expected ',' or ']'");
}

}  // namespace
}  // namespace flowmon
