// Query errors are caret errors, in the layout of filter-pattern errors:
// "query:LINE:COL: message", the query's line, and a caret under COL.
#include <string>
#include <string_view>

#include "catch.h"
#include "flowmon/core/caret.h"
#include "flowmon/insights/query.h"
#include "flowmon/pattern/pattern.h"
#include "insights/query_test_util.h"

namespace flowmon {
namespace {

using testing::QueryError;

TEST_CASE("query errors: column, the query and a caret under the column",
          "[query]") {
  CHECK(QueryError("stast count(*)") ==
        "query:1:1: unsupported command 'stast' (supported: fields, filter, "
        "stats, sort, limit, dedup, display, parse, where)\n"
        "  stast count(*)\n"
        "  ^");
  CHECK(QueryError("filter a = | limit 1") ==
        "query:1:12: unexpected '|'\n"
        "  filter a = | limit 1\n"
        "             ^");
  // Two stats are Insights' limit.
  CHECK(QueryError("stats count(*) | stats count(*) | stats count(*)") ==
        "query:1:35: at most two stats commands (as in Insights), the second "
        "over the first one's rows\n"
        "  stats count(*) | stats count(*) | stats count(*)\n"
        "                                    ^");
  CHECK(QueryError("limit x") ==
        "query:1:7: expected a number after limit\n"
        "  limit x\n"
        "        ^");
}

TEST_CASE("query errors: the same layout as filter-pattern errors", "[query]") {
  // Both go through FormatCaretError: header, "  text", "  pad^".
  const std::string q = QueryError("filter a = | limit 1");
  CHECK(q == FormatCaretError("query:1:12: unexpected '|'",
                              "filter a = | limit 1", 12));
  const std::string pattern = "[a, b c]";
  auto p = CompiledPattern::Compile(pattern);
  REQUIRE_FALSE(p.ok());
  CHECK(p.status().message() ==
        FormatCaretError("invalid filter pattern at column 7: expected ',' or "
                         "']'",
                         pattern, 7));
}

TEST_CASE("query errors: the caret keeps the query's tabs", "[query]") {
  CHECK(QueryError("filter\taction = | limit 1") ==
        "query:1:17: unexpected '|'\n"
        "  filter\taction = | limit 1\n"
        "        \t         ^");
}

TEST_CASE("query errors: an unexpected end points past the last character",
          "[query]") {
  CHECK(QueryError("filter bytes >") ==
        "query:1:15: unexpected end of query\n"
        "  filter bytes >\n"
        "                ^");
  CHECK(QueryError("") ==
        "query:1:1: empty query\n"
        "  \n"
        "  ^");
}

TEST_CASE("query errors: a multi-line query reports the line and its column",
          "[query]") {
  CHECK(QueryError("filter action=\"REJECT\"\n| stast count(*)") ==
        "query:2:3: unsupported command 'stast' (supported: fields, filter, "
        "stats, sort, limit, dedup, display, parse, where)\n"
        "  | stast count(*)\n"
        "    ^");
  // A CRLF line break is not part of the line shown.
  CHECK(QueryError("fields srcAddr\r\n| limit 0\r\n") ==
        "query:2:9: expected a number after limit\n"
        "  | limit 0\n"
        "          ^");
}

TEST_CASE("caret: position of an offset in a multi-line text", "[query]") {
  const std::string_view text = "ab\ncd\r\nef";
  TextPosition p = PositionInText(text, 1);
  CHECK(p.line == 1);
  CHECK(p.column == 1);
  CHECK(p.line_text == "ab");
  p = PositionInText(text, 5);  // 'd'
  CHECK(p.line == 2);
  CHECK(p.column == 2);
  CHECK(p.line_text == "cd");
  p = PositionInText(text, 11);  // one past the end
  CHECK(p.line == 3);
  CHECK(p.column == 3);
  CHECK(p.line_text == "ef");
}

}  // namespace
}  // namespace flowmon
