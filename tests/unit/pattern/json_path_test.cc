// JsonPath: metric values and dimensions read from JSON events.
#include "flowmon/pattern/json_path.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

// The example event of AWS's "Using filter patterns to match terms in JSON
// log events", on one line as the user guide asks for testing.
const char* const kEvent =
    R"({"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111", )"
    R"("arrayKey": ["value", "another value"], )"
    R"("objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}], )"
    R"("SomeObject": null, "ThisFlag": true})";

std::shared_ptr<const JsonPath> MustParse(std::string_view text) {
  PatternError error;
  auto path = JsonPath::Parse(text, &error);
  INFO(error.message);
  REQUIRE(path != nullptr);
  return path;
}

std::string ParseError(std::string_view text) {
  PatternError error;
  REQUIRE(JsonPath::Parse(text, &error) == nullptr);
  return std::to_string(error.column) + ": " + error.message;
}

TEST_CASE("JsonPath: the AWS example selectors", "[pattern][json_path]") {
  std::string text;
  CHECK(MustParse("$.eventType")->SelectText(kEvent, &text));
  CHECK(text == "UpdateTrail");
  CHECK(MustParse("$.arrayKey[0]")->SelectText(kEvent, &text));
  CHECK(text == "value");
  CHECK(MustParse("$.objectList[1].name")->SelectText(kEvent, &text));
  CHECK(text == "b");
  double id = 0;
  CHECK(MustParse("$.objectList[1].id")->SelectNumber(kEvent, &id));
  CHECK(id == 2);
  CHECK(MustParse(R"($["objectList"][0]["id"])")->SelectNumber(kEvent, &id));
  CHECK(id == 1);
}

TEST_CASE("JsonPath: numbers only from JSON numbers", "[pattern][json_path]") {
  double v = -1;
  CHECK_FALSE(MustParse("$.eventType")->SelectNumber(kEvent, &v));
  CHECK_FALSE(MustParse("$.ThisFlag")->SelectNumber(kEvent, &v));
  CHECK_FALSE(MustParse("$.missing")->SelectNumber(kEvent, &v));
  CHECK_FALSE(MustParse("$.arrayKey[5]")->SelectNumber(kEvent, &v));
  CHECK_FALSE(MustParse("$.latency")->SelectNumber("latency=5", &v));
  CHECK(MustParse("$.latency")->SelectNumber(R"(  {"latency": 1.5e2})", &v));
  CHECK(v == 150);
}

TEST_CASE("JsonPath: text of non-string values", "[pattern][json_path]") {
  std::string text;
  CHECK(MustParse("$.ThisFlag")->SelectText(kEvent, &text));
  CHECK(text == "true");
  CHECK(MustParse("$.SomeObject")->SelectText(kEvent, &text));
  CHECK(text == "null");
  CHECK(MustParse("$.objectList[0].id")->SelectText(kEvent, &text));
  CHECK(text == "1");
  CHECK(MustParse("$.arrayKey")->SelectText(kEvent, &text));
  CHECK(text == R"(["value","another value"])");
  CHECK_FALSE(MustParse("$.SomeOtherObject")->SelectText(kEvent, &text));
  CHECK_FALSE(MustParse("$.eventType")->SelectText("{not json", &text));
}

TEST_CASE("JsonPath: errors", "[pattern][json_path]") {
  CHECK(ParseError("latency") == "1: expected a selector starting with '$'");
  CHECK(ParseError("$.a b") == "5: unexpected text after the selector");
  CHECK(ParseError("$.a[*]") ==
        "7: a metric value or dimension selector cannot use '*'");
  CHECK(ParseError("$.*") ==
        "4: a metric value or dimension selector cannot use '*'");
  CHECK(ParseError("$.") == "3: expected a property name after '.'");
  CHECK(ParseError("$.a[1") == "6: expected ']'");
  CHECK(ParseError(R"($["a)") == "5: unterminated bracketed key");
}

}  // namespace
}  // namespace flowmon
