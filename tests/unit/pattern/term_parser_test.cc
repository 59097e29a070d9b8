// ParseTermPattern: terms, phrases, regexes and '?' alternatives.
#include "pattern/term_parser.h"

#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

TermPattern Parse(std::string_view pattern) {
  TermPattern out;
  PatternError error;
  const bool ok = ParseTermPattern(pattern, &out, &error);
  INFO(error.message);
  REQUIRE(ok);
  return out;
}

// Each group as its terms, "-" before excluded ones and "%" for regexes.
std::vector<std::vector<std::string>> Groups(std::string_view pattern) {
  const TermPattern p = Parse(pattern);
  REQUIRE_FALSE(p.match_all);
  std::vector<std::vector<std::string>> out;
  for (const auto& group : p.groups) {
    out.emplace_back();
    for (const Term& t : group) {
      out.back().push_back((t.exclude ? "-" : "") + (t.regex ? "%" : t.text));
    }
  }
  return out;
}

using G = std::vector<std::vector<std::string>>;

TEST_CASE("term parser: groups", "[pattern][terms]") {
  CHECK(Groups("ERROR Exception") == G{{"ERROR", "Exception"}});
  CHECK(Groups("\"ERROR\" - \"Exiting\"") == G{{"ERROR", "-Exiting"}});
  CHECK(Groups("\"Failed to process\" %ERR[0-9]+%") ==
        G{{"Failed to process", "%"}});
  CHECK(Groups(R"("say \"hi\"")") == G{{"say \"hi\""}});
}

TEST_CASE("term parser: '?' terms", "[pattern][terms]") {
  // Only '?' terms: any of them.
  CHECK(Groups("?ERROR ?WARN") == G{{"ERROR"}, {"WARN"}});
  CHECK(Groups("?%ERR[0-9]% ?\"a phrase\"") == G{{"%"}, {"a phrase"}});
  CHECK_FALSE(Parse("?ERROR ?WARN").ignores_optional);
  // Beside other terms, the '?' terms are ignored, wherever they stand.
  CHECK(Groups("?ERROR ?ARGUMENTS REQUEST") == G{{"REQUEST"}});
  CHECK(Groups("ERROR MainThread ?Deadlock") == G{{"ERROR", "MainThread"}});
  CHECK(Groups("?ERROR -worker ?slow") == G{{"-worker"}});
  CHECK(Parse("ERROR ?WARN").ignores_optional);
  CHECK_FALSE(Parse("ERROR WARN").ignores_optional);
}

TEST_CASE("term parser: match-all patterns", "[pattern][terms]") {
  for (const char* p : {"", "  ", "\"\"", " \" \" "}) {
    const TermPattern out = Parse(p);
    CHECK(out.match_all);
    CHECK(out.groups.empty());
  }
}

TEST_CASE("term parser: errors", "[pattern][terms]") {
  TermPattern out;
  PatternError error;
  CHECK_FALSE(ParseTermPattern("ERROR -", &out, &error));
  CHECK(error.column == 7);
  CHECK(error.message == "expected a term after '-'");
  CHECK_FALSE(ParseTermPattern("%x", &out, &error));
  CHECK(error.column == 1);
  CHECK(error.message == "unterminated regex: expected '%'");
}

}  // namespace
}  // namespace flowmon
