// CompileFilterRegex: AWS's regex subset, with columns into the pattern.
#include "pattern/filter_regex.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

std::string Error(std::string_view body, size_t column) {
  std::shared_ptr<const FilterRegex> re;
  PatternError error;
  REQUIRE_FALSE(CompileFilterRegex(body, column, &re, &error));
  return std::to_string(error.column) + ": " + error.message;
}

TEST_CASE("filter regex: the supported subset compiles", "[pattern][regex]") {
  std::shared_ptr<const FilterRegex> re;
  PatternError error;
  REQUIRE(
      CompileFilterRegex("^ERR[0-9]{3}\\s+a|b.*:_#=@/;,-$", 2, &re, &error));
  CHECK(RE2::PartialMatch("ERR404  a", re->re2()));
}

TEST_CASE("filter regex: the memory budget, and long lines",
          "[pattern][regex]") {
  std::shared_ptr<const FilterRegex> re;
  PatternError error;
  REQUIRE(CompileFilterRegex("a[ab]{16}c", 2, &re, &error));
  CHECK(re->re2().options().max_mem() == kFilterRegexMaxMem);
  // A bounded repetition whose DFA outgrows the budget on long lines (RE2
  // then runs its NFA): the answers stay those of the pattern, line after
  // line.
  std::string line;
  uint32_t x = 12345;
  while (line.size() < (256 << 10)) {
    x = x * 1103515245 + 12345;
    line += (x >> 16) & 1 ? 'a' : 'b';
  }
  const std::string sixteen(16, 'b');
  for (int i = 0; i < 2; ++i) {
    CHECK(RE2::PartialMatch(line + "a" + sixteen + "c", re->re2()));
    CHECK_FALSE(
        RE2::PartialMatch(line + "x" + sixteen.substr(1) + "c", re->re2()));
  }
}

TEST_CASE("filter regex: the program size bounds the cost of a line",
          "[pattern][regex]") {
  // The worst search of a line is its bytes times the program's
  // instructions (RE2's NFA, once the DFA is out of memory): both are
  // bounded, the line by kMaxLineBytes, the program here.
  std::shared_ptr<const FilterRegex> re;
  PatternError error;
  REQUIRE(CompileFilterRegex("a[ab]{100}c", 2, &re, &error));
  CHECK(re->re2().ProgramSize() <= kMaxRegexProgramSize);
  REQUIRE(CompileFilterRegex("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}", 2,
                             &re, &error));
  CHECK(re->re2().ProgramSize() < 30);
  REQUIRE(CompileFilterRegex("a{990}", 2, &re, &error));
  CHECK(re->re2().ProgramSize() <= kMaxRegexProgramSize);
  CHECK(Error(".{1000}x", 4) ==
        "4: regular expression too large: it compiles to 8005 instructions, "
        "over flowmon's limit of 1000 (each byte of a line can cost a step "
        "per instruction; a bounded repetition such as {1000} repeats what "
        "it follows)");
  CHECK(Error("[ab]{600}[ab]{600}", 2)
            .starts_with("2: regular expression too large"));
}

TEST_CASE("filter regex: rejections carry the column", "[pattern][regex]") {
  CHECK(Error("", 2) == "2: empty regular expression");
  CHECK(Error("ab!", 10).starts_with("12: unsupported character '!'"));
  CHECK(Error("a(b)", 2).starts_with("3: the ( and ) operators"));
  CHECK(Error("x\\", 2) == "3: regex ends with a lone backslash");
  CHECK(Error("caf\xc3\xa9", 2).starts_with("5: multi-byte characters"));
  CHECK(Error("[a-", 7).starts_with("7: invalid regular expression"));
}

TEST_CASE(
    "filter regex: a long bounded repetition runs bit-parallel, with "
    "RE2's answers",
    "[pattern][regex]") {
  PatternError error;
  std::shared_ptr<const FilterRegex> re;
  REQUIRE(CompileFilterRegex("a[ab]{100}c", 2, &re, &error));
  CHECK(re->bit_parallel());
  const std::string hundred(100, 'b');
  const std::string lines[] = {
      "x a" + hundred + "c y",          // matches
      "x a" + hundred.substr(1) + "c",  // one short
      "a" + hundred +
          "\xc3\xa9"
          "c",                       // not ASCII: RE2 decides
      "\xc3\xa9 a" + hundred + "c",  // not ASCII, matches
      "",
  };
  for (const std::string& line : lines) {
    CHECK(re->PartialMatch(line) == RE2::PartialMatch(line, re->re2()));
  }
  CHECK(re->PartialMatch(lines[0]));
  CHECK_FALSE(re->PartialMatch(lines[1]));
  CHECK(re->PartialMatch(lines[3]));

  // AWS's short examples stay on RE2's DFA, cheaper per byte there.
  REQUIRE(CompileFilterRegex("ERROR|WARN", 2, &re, &error));
  CHECK_FALSE(re->bit_parallel());
  CHECK(re->PartialMatch("a WARN b"));
}

}  // namespace
}  // namespace flowmon
