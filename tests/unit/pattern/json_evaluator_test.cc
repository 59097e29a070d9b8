// JsonExpr::Matches on the examples of AWS's "Using filter patterns to
// match terms in JSON log events".
#include <string>

#include "catch.h"
#include "pattern/aws_json_example.h"
#include "pattern/json_expr.h"

namespace flowmon {
namespace {

using testing::kAwsJsonEvent;

bool Holds(std::string_view pattern, std::string_view event) {
  PatternError error;
  const auto expr = JsonExpr::Parse(pattern, &error);
  INFO(pattern);
  INFO(error.message);
  REQUIRE(expr != nullptr);
  return expr->Matches(event);
}

TEST_CASE("JSON evaluator: the user guide's examples match its event",
          "[pattern][json]") {
  for (const char* pattern : {
           R"({ $.eventType = "UpdateTrail" })",
           "{ $.sourceIPAddress != 123.123.* }",
           R"({ $.arrayKey[0] = "value" })",
           "{ $.objectList[1].id = 2 }",
           "{ $.SomeObject IS NULL }",
           "{ $.SomeOtherObject NOT EXISTS }",
           "{ $.ThisFlag IS TRUE }",
       }) {
    CHECK(Holds(pattern, kAwsJsonEvent));
  }
}

TEST_CASE("JSON evaluator: the same selectors with other values fail",
          "[pattern][json]") {
  for (const char* pattern : {
           R"({ $.eventType = "CreateTrail" })",
           "{ $.sourceIPAddress != 111.111.* }",
           R"({ $.arrayKey[1] = "value" })",
           "{ $.objectList[0].id = 2 }",
           "{ $.ThisFlag IS NULL }",
           "{ $.SomeObject NOT EXISTS }",
           "{ $.ThisFlag IS FALSE }",
       }) {
    CHECK_FALSE(Holds(pattern, kAwsJsonEvent));
  }
}

TEST_CASE("JSON evaluator: arrays and objects do not compare",
          "[pattern][json]") {
  // The user guide: neither {$.users = 1} nor {$.users != 1} matches
  // {"users": [1, 2, 3]}.
  CHECK_FALSE(Holds("{$.users = 1}", R"({"users": [1, 2, 3]})"));
  CHECK_FALSE(Holds("{$.users != 1}", R"({"users": [1, 2, 3]})"));
}

TEST_CASE("JSON evaluator: non-JSON events never match", "[pattern][json]") {
  CHECK_FALSE(Holds("{ $.a NOT EXISTS }", "a plain line"));
  CHECK_FALSE(Holds("{ $.a NOT EXISTS }", R"({"b": 1)"));
  CHECK(Holds("{ $.a NOT EXISTS }", R"({"b": 1})"));
}

}  // namespace
}  // namespace flowmon
