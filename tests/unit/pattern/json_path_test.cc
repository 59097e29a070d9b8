// JsonPath: metric values and dimensions read from JSON events.
#include "flowmon/pattern/json_path.h"

#include <string>

#include "catch.h"
#include "pattern/aws_json_example.h"

namespace flowmon {
namespace {

using testing::kAwsJsonEvent;

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
  CHECK(MustParse("$.eventType")->SelectText(kAwsJsonEvent, &text));
  CHECK(text == "UpdateTrail");
  CHECK(MustParse("$.arrayKey[0]")->SelectText(kAwsJsonEvent, &text));
  CHECK(text == "value");
  CHECK(MustParse("$.objectList[1].name")->SelectText(kAwsJsonEvent, &text));
  CHECK(text == "b");
  double id = 0;
  CHECK(MustParse("$.objectList[1].id")->SelectNumber(kAwsJsonEvent, &id));
  CHECK(id == 2);
  CHECK(MustParse(R"($["objectList"][0]["id"])")
            ->SelectNumber(kAwsJsonEvent, &id));
  CHECK(id == 1);
}

TEST_CASE("JsonPath: numbers only from JSON numbers", "[pattern][json_path]") {
  double v = -1;
  CHECK_FALSE(MustParse("$.eventType")->SelectNumber(kAwsJsonEvent, &v));
  CHECK_FALSE(MustParse("$.ThisFlag")->SelectNumber(kAwsJsonEvent, &v));
  CHECK_FALSE(MustParse("$.missing")->SelectNumber(kAwsJsonEvent, &v));
  CHECK_FALSE(MustParse("$.arrayKey[5]")->SelectNumber(kAwsJsonEvent, &v));
  CHECK_FALSE(MustParse("$.latency")->SelectNumber("latency=5", &v));
  CHECK(MustParse("$.latency")->SelectNumber(R"(  {"latency": 1.5e2})", &v));
  CHECK(v == 150);
}

TEST_CASE("JsonPath: text of non-string values", "[pattern][json_path]") {
  std::string text;
  CHECK(MustParse("$.ThisFlag")->SelectText(kAwsJsonEvent, &text));
  CHECK(text == "true");
  CHECK(MustParse("$.SomeObject")->SelectText(kAwsJsonEvent, &text));
  CHECK(text == "null");
  CHECK(MustParse("$.objectList[0].id")->SelectText(kAwsJsonEvent, &text));
  CHECK(text == "1");
  CHECK(MustParse("$.arrayKey")->SelectText(kAwsJsonEvent, &text));
  CHECK(text == R"(["value","another value"])");
  CHECK_FALSE(MustParse("$.SomeOtherObject")->SelectText(kAwsJsonEvent, &text));
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
