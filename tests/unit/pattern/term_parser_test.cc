// ParseTermPattern: terms, phrases, regexes and '?' alternatives.
#include "pattern/term_parser.h"

#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

// Each group as its terms, "-" before excluded ones and "%" for regexes.
std::vector<std::vector<std::string>> Groups(std::string_view pattern) {
  std::vector<std::vector<Term>> groups;
  bool match_all = false;
  PatternError error;
  const bool ok = ParseTermPattern(pattern, &groups, &match_all, &error);
  INFO(error.message);
  REQUIRE(ok);
  REQUIRE_FALSE(match_all);
  std::vector<std::vector<std::string>> out;
  for (const auto& group : groups) {
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
  CHECK(Groups("?ERROR ?WARN") == G{{"ERROR"}, {"WARN"}});
  CHECK(Groups("ERROR MainThread ?Deadlock") ==
        G{{"ERROR", "MainThread"}, {"Deadlock"}});
  CHECK(Groups("\"Failed to process\" %ERR[0-9]+%") ==
        G{{"Failed to process", "%"}});
  CHECK(Groups(R"("say \"hi\"")") == G{{"say \"hi\""}});
}

TEST_CASE("term parser: match-all patterns", "[pattern][terms]") {
  for (const char* p : {"", "  ", "\"\"", " \" \" "}) {
    std::vector<std::vector<Term>> groups;
    bool match_all = false;
    PatternError error;
    CHECK(ParseTermPattern(p, &groups, &match_all, &error));
    CHECK(match_all);
    CHECK(groups.empty());
  }
}

TEST_CASE("term parser: errors", "[pattern][terms]") {
  std::vector<std::vector<Term>> groups;
  bool match_all = false;
  PatternError error;
  CHECK_FALSE(ParseTermPattern("ERROR -", &groups, &match_all, &error));
  CHECK(error.column == 7);
  CHECK(error.message == "expected a term after '-'");
  CHECK_FALSE(ParseTermPattern("%x", &groups, &match_all, &error));
  CHECK(error.column == 1);
  CHECK(error.message == "unterminated regex: expected '%'");
}

}  // namespace
}  // namespace flowmon
