// CompileFilterRegex: AWS's regex subset, with columns into the pattern.
#include "pattern/filter_regex.h"

#include "catch.h"

namespace flowmon {
namespace {

std::string Error(std::string_view body, size_t column) {
  std::shared_ptr<const RE2> re;
  PatternError error;
  REQUIRE_FALSE(CompileFilterRegex(body, column, &re, &error));
  return std::to_string(error.column) + ": " + error.message;
}

TEST_CASE("filter regex: the supported subset compiles", "[pattern][regex]") {
  std::shared_ptr<const RE2> re;
  PatternError error;
  REQUIRE(
      CompileFilterRegex("^ERR[0-9]{3}\\s+a|b.*:_#=@/;,-$", 2, &re, &error));
  CHECK(RE2::PartialMatch("ERR404  a", *re));
}

TEST_CASE("filter regex: rejections carry the column", "[pattern][regex]") {
  CHECK(Error("", 2) == "2: empty regular expression");
  CHECK(Error("ab!", 10).starts_with("12: unsupported character '!'"));
  CHECK(Error("a(b)", 2).starts_with("3: the ( and ) operators"));
  CHECK(Error("x\\", 2) == "3: regex ends with a lone backslash");
  CHECK(Error("caf\xc3\xa9", 2).starts_with("5: multi-byte characters"));
  CHECK(Error("[a-", 7).starts_with("7: invalid regular expression"));
}

}  // namespace
}  // namespace flowmon
