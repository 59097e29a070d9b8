// The Insights lexer's quoted tokens: strings, regexes and `field names`.
#include "insights/lexer.h"

#include "catch.h"

namespace flowmon::insights {
namespace {

TEST_CASE("Insights lexer: strings in either quote, backslash escapes",
          "[query][lexer]") {
  Lexer lexer(R"("a \"b\"" 'it\'s' "x'y")");
  Tok t = lexer.Next();
  CHECK(t.kind == Tok::kString);
  CHECK(t.text == R"(a "b")");
  CHECK(t.column == 1);
  t = lexer.Next();
  CHECK(t.kind == Tok::kString);
  CHECK(t.text == "it's");
  CHECK(t.column == 11);
  CHECK(lexer.Next().text == "x'y");
  CHECK(lexer.Next().kind == Tok::kEnd);
}

TEST_CASE("Insights lexer: an unterminated string is an error",
          "[query][lexer]") {
  Lexer lexer(R"(filter "abc\")");
  CHECK(lexer.Next().text == "filter");
  const Tok t = lexer.Next();
  CHECK(t.kind == Tok::kError);
  CHECK(t.text == "unterminated string");
  CHECK(t.column == 8);
}

TEST_CASE("Insights lexer: regexes keep their backslashes but \\/",
          "[query][lexer]") {
  Lexer lexer(R"(/\d+\/x/ /open)");
  Tok t = lexer.Next(/*regex_ok=*/true);
  CHECK(t.kind == Tok::kRegex);
  CHECK(t.text == R"(\d+/x)");
  t = lexer.Next(/*regex_ok=*/true);
  CHECK(t.kind == Tok::kError);
  CHECK(t.text == "unterminated regular expression");
  CHECK(t.column == 10);
  CHECK(lexer.Next().kind == Tok::kEnd);
}

TEST_CASE("Insights lexer: `field names` are taken as they are",
          "[query][lexer]") {
  Lexer lexer(R"(`foo-bar\` x)");
  const Tok t = lexer.Next();
  CHECK(t.kind == Tok::kIdent);
  CHECK(t.text == R"(foo-bar\)");
  CHECK(lexer.Next().text == "x");
}

TEST_CASE("Insights lexer: a hyphen ends a name", "[query][lexer]") {
  Lexer lexer("end-start @log.x");
  CHECK(lexer.Next().text == "end");
  CHECK(lexer.Next().text == "-");
  CHECK(lexer.Next().text == "start");
  CHECK(lexer.Next().text == "@log.x");
}

TEST_CASE("Insights lexer: # comments to the end of the line",
          "[query][lexer]") {
  Lexer lexer("a # b c\n d #\n'#' #");
  CHECK(lexer.Next().text == "a");
  CHECK(lexer.Next().text == "d");
  const Tok t = lexer.Next();
  CHECK(t.kind == Tok::kString);
  CHECK(t.text == "#");
  CHECK(lexer.Next().kind == Tok::kEnd);
}

}  // namespace
}  // namespace flowmon::insights
