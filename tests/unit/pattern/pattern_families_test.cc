// Term, JSON and regex patterns, with the AWS documentation's examples.
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pattern/pattern.h"
#include "pattern_test_util.h"

namespace flowmon {
namespace {

using testing::CompileError;
using testing::Matches;
using testing::Which;

using N = std::vector<int>;

TEST_CASE("terms: AWS examples", "[pattern][terms]") {
  CHECK(Matches("ERROR", "[ERROR] A fatal exception has occurred"));
  CHECK(Matches("ERROR", "Exiting with ERRORCODE: -1"));
  CHECK_FALSE(Matches("ERROR", "error in lowercase"));  // case-sensitive
  CHECK_FALSE(Matches("\"ERROR\" -\"Exiting\"", "Exiting with ERRORCODE: -1"));
  CHECK_FALSE(Matches("\"ERROR\" - \"Exiting\"", "Exiting with ERRORCODE: -1"));
  CHECK(Matches("\"ERROR\" -\"Exiting\"", "[ERROR] A fatal exception"));
  CHECK(Matches("ERROR Exception", "[ERROR] Caught IllegalArgumentException"));
  CHECK(Matches("ERROR Exception", "[ERROR] Unhandled Exception"));
  CHECK_FALSE(Matches("ERROR Exception", "[ERROR] Unhandled"));
  CHECK(Matches("Failed to process the request",
                "[WARN] Failed to process the request"));
  CHECK(Matches("\"Failed to process the request\"",
                "[ERROR] Unable to continue: Failed to process the request"));
  CHECK_FALSE(Matches("\"Failed to process the request\"",
                      "Failed to process, the request"));

  const std::vector<std::string> events = {"ERROR WARN message",
                                           "ERROR message", "WARN message"};
  CHECK(Which("ERROR", events) == N{1, 2});
  CHECK(Which("?ERROR ?WARN", events) == N{1, 2, 3});
  CHECK(Which("ERROR WARN", events) == N{1});
  CHECK(Which("ERROR -WARN", events) == N{2});
  CHECK(Which("-ERROR", events) == N{3});
}

TEST_CASE("terms: '?' terms beside other terms are ignored",
          "[pattern][terms]") {
  // The user guide ("Match optional terms"): "If you combine "?" with other
  // filter patterns, all question mark terms will be ignored." So CDK's
  // anyTermGroup(['ERROR','MainThread'], ['WARN','Deadlock']), which writes
  // ?"ERROR" "MainThread" ?"WARN" "Deadlock", means MainThread and
  // Deadlock to CloudWatch.
  const std::vector<std::string> events = {"ERROR in MainThread",
                                           "ERROR in worker",
                                           "WARN Deadlock found", "WARN slow"};
  CHECK(Which("?\"ERROR\" \"MainThread\" ?\"WARN\" \"Deadlock\"", events)
            .empty());
  CHECK(Which("ERROR MainThread ?Deadlock", events) == N{1});
  CHECK(Which("?ERROR -worker ?slow", events) == N{1, 3, 4});
  CHECK(Which("?ERROR ?slow", events) == N{1, 2, 4});
}

TEST_CASE("terms: match-all patterns", "[pattern][terms]") {
  for (const char* p : {"", "   ", "\"\"", "\" \""}) {
    CHECK(Matches(p, "anything at all"));
    CHECK(Matches(p, "x"));
  }
}

TEST_CASE("terms: errors", "[pattern][terms]") {
  CHECK(CompileError("ERROR:") ==
        "invalid filter pattern at column 6: a term with characters other "
        "than letters, digits and '_' must be in double quotes\n"
        "  ERROR:\n"
        "       ^");
  CHECK(CompileError("10.0.0.1")
            .starts_with("invalid filter pattern at column 3:"));
  CHECK(CompileError("\"open").starts_with(
      "invalid filter pattern at column 1: unterminated quoted term"));
  CHECK(CompileError("ERROR ?").starts_with(
      "invalid filter pattern at column 7: expected a term after '?'"));
  CHECK(CompileError("\"a\"b").starts_with(
      "invalid filter pattern at column 4: expected a space between terms"));
  CHECK(CompileError(std::string(1025, 'a'))
            .starts_with("invalid filter pattern at column 1025: Member must "
                         "have length less than or equal to 1024"));
  CHECK(CompiledPattern::Compile(std::string(1024, 'a')).ok());
}

// The JSON event of the AWS documentation's JSON examples.
const char* const kJsonEvent = R"({
  "eventType": "UpdateTrail",
  "sourceIPAddress": "111.111.111.111",
  "arrayKey": ["value", "another value"],
  "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}],
  "SomeObject": null,
  "ThisFlag": true
})";

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

TEST_CASE("JSON: AWS examples that match", "[pattern][json]") {
  const std::string e = OneLine(kJsonEvent);
  CHECK(Matches(R"({ $.eventType = "UpdateTrail" })", e));
  CHECK(Matches("{ $.sourceIPAddress != 123.123.* }", e));
  CHECK(Matches(R"({ $.arrayKey[0] = "value" })", e));
  CHECK(Matches("{ $.objectList[1].id = 2 }", e));
  CHECK(Matches("{ $.SomeObject IS NULL }", e));
  CHECK(Matches("{ $.SomeOtherObject NOT EXISTS }", e));
  CHECK(Matches("{ $.ThisFlag IS TRUE }", e));
  CHECK_FALSE(Matches("{ $.ThisFlag IS FALSE }", e));
  CHECK(Matches("{ $.eventType = Update* }", e));
  CHECK(Matches("{ $.eventType = *Trail }", e));
  CHECK(Matches("{ $.eventType = UpdateTrail }", e));
  CHECK_FALSE(Matches("{ $.eventType = Upd*ail }", e));
  CHECK_FALSE(Matches("{ $.SomeObject NOT EXISTS }", e));
  CHECK_FALSE(Matches("{ $.eventType IS NULL }", e));
  CHECK_FALSE(Matches("{ $.arrayKey[5] = \"value\" }", e));
  CHECK_FALSE(Matches("{ $.eventType[0] = \"value\" }", e));  // not an array
}

const char* const kCompound = R"({
  "user": {"id": 1, "email": "John.Stiles@example.com"},
  "users": [{"id": 2, "email": "John.Doe@example.com"},
            {"id": 3, "email": "Jane.Doe@example.com"}],
  "actions": ["GET", "PUT", "DELETE"],
  "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]
})";

TEST_CASE("JSON: compound conditions, () > && > ||", "[pattern][json]") {
  const std::string e = OneLine(kCompound);
  CHECK(Matches(
      R"({ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") })",
      e));
  CHECK_FALSE(Matches(
      R"({ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" })",
      e));
  CHECK(Matches(
      R"({ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch })",
      e));
  CHECK_FALSE(Matches(
      R"({ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch })",
      e));
  CHECK(Matches("{ $.coordinates[2][0] = 7 }", e));
  CHECK(Matches(R"({ $.foo NOT EXISTS && $.actions[*] = "PUT" })", e));
  CHECK(Matches(R"({ $.users[*].email = "Jane.Doe@example.com" })", e));
  CHECK_FALSE(Matches(R"({ $.users[*].email = "Nobody@example.com" })", e));
  CHECK(Matches(R"({ $.user.* = "John.Stiles@example.com" })", e));
  CHECK(Matches(R"({ $["user"]["id"] = 1 })", e));
}

TEST_CASE("JSON: arrays and objects do not compare; OR example",
          "[pattern][json]") {
  CHECK_FALSE(Matches("{ $.users = 1 }", R"({"users": [1, 2, 3]})"));
  CHECK_FALSE(Matches("{ $.users != 1 }", R"({"users": [1, 2, 3]})"));
  CHECK_FALSE(Matches("{ $.user != 1 }", R"({"user": {"id": 1}})"));
  CHECK_FALSE(Matches("{ $.missing != 1 }", R"({"user": 1})"));
  const std::vector<std::string> events = {R"({"foo": "bar"})",
                                           R"({"foo": "baz"})"};
  CHECK(Which("{$.foo = bar}", events) == N{1});
  CHECK(Which("{$.foo = baz }", events) == N{2});
  CHECK(Which("{$.foo = bar || $.foo = baz }", events) == N{1, 2});
  CHECK_FALSE(Matches("{ $.foo = bar }", "not json"));
  CHECK_FALSE(Matches("{ $.foo = bar }", "{\"foo\": \"bar\""));  // truncated
}

TEST_CASE("JSON: numeric comparisons", "[pattern][json]") {
  const std::string e =
      R"({"latency": 500, "numbers": [0.001], "errorCode": 400,
          "processes": [0,1,2,3,{"averageRuntime": 55.5}], "code": "400"})";
  const std::string line = OneLine(e);
  CHECK(Matches("{ $.latency >= 500 }", line));
  CHECK(Matches("{ $.numbers[0] < 10e3 }", line));
  CHECK(Matches("{ $.numbers[0] < 10e-3 }", line));
  CHECK(Matches("{ $.processes[4].averageRuntime <= 55.5 }", line));
  CHECK(Matches("{ $.errorCode = 400 }", line));
  CHECK(Matches("{ $.errorCode != 500 }", line));
  CHECK_FALSE(Matches("{ $.latency > +1000 }", line));
  CHECK(Matches("{ $.latency > -1000 }", line));
  // A string is not a number.
  CHECK_FALSE(Matches("{ $.code = 400 }", line));
  CHECK(Matches(R"({ $.code = "400" })", line));
}

TEST_CASE("JSON: errors", "[pattern][json]") {
  CHECK(CompileError("{ $.a = 1")
            .starts_with("invalid filter pattern at column 10: expected '&&', "
                         "'||' or '}'"));
  CHECK(CompileError("{ a = 1 }")
            .starts_with("invalid filter pattern at column 3: expected a "
                         "selector starting with "
                         "'$'"));
  CHECK(CompileError("{ $.a IS MAYBE }")
            .starts_with("invalid filter pattern at column 10: expected TRUE, "
                         "FALSE or NULL"));
  CHECK(CompileError("{ $.a > abc }")
            .starts_with("invalid filter pattern at column 9: expected a "
                         "number after '>'"));
  CHECK(CompileError("{ $.a = }")
            .starts_with("invalid filter pattern at column 9: expected a value "
                         "after '='"));
  CHECK(CompileError("{ $.a = a@b }")
            .starts_with("invalid filter pattern at column 10: expected '&&', "
                         "'||' or '}'"));
  CHECK(CompileError("{ ($.a = 1 }")
            .starts_with("invalid filter pattern at column 12: expected ')'"));
  CHECK(CompileError("{ $.a = 1 } x")
            .starts_with("invalid filter pattern at column 13: unexpected text "
                         "after '}'"));
  CHECK(CompileError("{ $.a[x] = 1 }")
            .starts_with(
                "invalid filter pattern at column 7: expected an array index"));
}

TEST_CASE("regex: in terms, fields and JSON values", "[pattern][regex]") {
  CHECK(Matches("%ERROR%", "an ERROR here"));
  CHECK(Matches("%^[0-9]{3}\\s%", "404 not found"));
  CHECK_FALSE(Matches("%^[0-9]{3}\\s%", "a 404 not found"));
  CHECK(Matches("%\\d+\\.\\d+%", "version 2.5"));
  CHECK(Matches("[..., action=%REJ.*%, status]", "2 a b REJECT OK"));
  CHECK_FALSE(Matches("[..., action=%^ACC%, status]", "2 a b REJECT OK"));
  CHECK(Matches("[..., action!=%^ACC%, status]", "2 a b REJECT OK"));
  CHECK(Matches("[ip=%^10\\.0\\.%, ...]", "10.0.1.25 x"));
  CHECK(Matches("{ $.eventType = %Update.*% }",
                R"({"eventType":"UpdateTrail"})"));
  CHECK_FALSE(
      Matches("{ $.eventType = %^Trail% }", R"({"eventType":"UpdateTrail"})"));
}

TEST_CASE("regex: AWS's supported subset and limits", "[pattern][regex]") {
  // %something!%, the user guide's own: aws_doc_examples_test.cc.
  CHECK(CompileError("%(a|b)%").starts_with(
      "invalid filter pattern at column 2: the ( and ) operators are not "
      "supported in regex"));
  CHECK(CompileError("%a\tb%").starts_with(
      "invalid filter pattern at column 3: unsupported character '\\x09'"));
  CHECK(CompileError("%caf\xc3\xa9%")
            .starts_with("invalid filter pattern at column 5: multi-byte "
                         "characters are not "
                         "supported in regex"));
  CHECK(CompileError("[a=%x%, b=%y%, c=%z%]")
            .starts_with("invalid filter pattern at column 18: a "
                         "space-delimited filter pattern "
                         "may contain at most 2 regular expressions"));
  CHECK(CompiledPattern::Compile("[a=%x%, b=%y%, c]").ok());
  CHECK(CompileError("{ $.a = %x% || $.b = %y% || $.c = %z% }")
            .starts_with("invalid filter pattern at column 35: a JSON filter "
                         "pattern may contain "
                         "at most 2 regular expressions"));
  CHECK(CompileError("%[a-%").starts_with(
      "invalid filter pattern at column 2: invalid regular expression"));
  CHECK(CompileError("[a=%x, b]")
            .starts_with(
                "invalid filter pattern at column 4: unterminated regex"));
  CHECK(CompileError("[a > %x%]")
            .starts_with("invalid filter pattern at column 6: expected a "
                         "number after '>'"));
}

}  // namespace
}  // namespace flowmon
