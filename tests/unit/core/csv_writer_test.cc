#include "flowmon/core/csv_writer.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

std::string Field(std::string_view s, char sep,
                  CsvQuoting quoting = CsvQuoting::kAsNeeded) {
  fmt::memory_buffer out;
  AppendCsvField(&out, s, sep, quoting);
  return fmt::to_string(out);
}

TEST_CASE("AppendCsvField: CSV quotes only what needs it (RFC 4180)", "[csv]") {
  CHECK(Field("10.0.1.25", ',') == "10.0.1.25");
  CHECK(Field("", ',') == "");
  CHECK(Field("a,b", ',') == "\"a,b\"");
  CHECK(Field("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
  CHECK(Field("l1\nl2", ',') == "\"l1\nl2\"");
  CHECK(Field("cr\r", ',') == "\"cr\r\"");
  CHECK(Field("tab\there", ',') == "tab\there");
}

TEST_CASE("AppendCsvField: kAlways quotes every CSV field", "[csv]") {
  CHECK(Field("plain", ',', CsvQuoting::kAlways) == "\"plain\"");
  CHECK(Field("Port=22,Action=\"x\"", ',', CsvQuoting::kAlways) ==
        "\"Port=22,Action=\"\"x\"\"\"");
}

TEST_CASE("AppendCsvField: TSV is never quoted; a tab becomes a space",
          "[csv]") {
  CHECK(Field("a,b \"c\"", '\t') == "a,b \"c\"");
  CHECK(Field("a\tb", '\t') == "a b");
  CHECK(Field("a\tb", '\t', CsvQuoting::kAlways) == "a b");
}

TEST_CASE("AppendCsvField: cells a spreadsheet would run are text (OWASP)",
          "[csv]") {
  CHECK(Field("=HYPERLINK(\"http://x\")", ',') ==
        "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(Field("+1+1", ',') == "\"'+1+1\"");
  CHECK(Field("@SUM(A1)", ',') == "\"'@SUM(A1)\"");
  CHECK(Field("-2+3", ',') == "\"'-2+3\"");
  CHECK(Field("\tx", ',') == "\"'\tx\"");
  CHECK(Field("\rx", ',') == "\"'\rx\"");
  CHECK(Field("=1", '\t') == "'=1");
  // Numbers stay numbers.
  CHECK(Field("-5", ',') == "-5");
  CHECK(Field("-1.5e3", '\t') == "-1.5e3");
  CHECK(Field("a=b", ',') == "a=b");
  CHECK(IsFormulaLike("=A1"));
  CHECK_FALSE(IsFormulaLike("-0.5"));
  CHECK_FALSE(IsFormulaLike(""));
  CHECK_FALSE(IsFormulaLike("-"));
}

TEST_CASE("AppendCsvField: TSV cells never split a row", "[csv]") {
  CHECK(Field("a\tb\nc\rd", '\t') == "a b c d");
}

}  // namespace
}  // namespace flowmon
