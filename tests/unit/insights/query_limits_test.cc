// What bounds a query's cost whatever its text: AWS's 10,000-character
// limit, the nesting and height limits of expressions, and text that is
// built once (a long chain is linear, not quadratic).
#include <string>

#include "catch.h"
#include "flowmon/insights/query.h"
#include "insights/parser.h"
#include "insights/query_test_util.h"

namespace flowmon {
namespace {

using testing::Column;
using testing::Query;
using testing::QueryError;

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The first line of an error: the rest is the query and the caret.
std::string FirstLine(const std::string& error) {
  return error.substr(0, error.find('\n'));
}

TEST_CASE("query limits: a query over 10,000 characters is an error",
          "[query]") {
  const std::string head = "fields srcAddr | limit 1 ";
  std::string at_limit = head + std::string(10000 - head.size(), '#');
  CHECK(QuerySink::Create(at_limit).ok());
  CHECK(FirstLine(QueryError(at_limit + "#")) ==
        "query:1:10001: the query is longer than 10000 characters, Insights' "
        "limit (Member must have length less than or equal to 10000)");
  // Characters, not bytes: 10,000 two-byte characters are within it.
  std::string wide = "fields srcAddr | limit 1 #";
  while (wide.size() < 10000) wide += "é";
  CHECK(QuerySink::Create(wide).ok());
}

TEST_CASE("query limits: nesting deeper than 100 levels is a caret error",
          "[query]") {
  const auto nested = [](size_t n) {
    return "fields " + Repeat("(", n) + "1" + Repeat(")", n) + " as x";
  };
  CHECK(testing::Column(Query(nested(99) + " | limit 1"), "x") ==
        std::vector<std::string>{"1"});
  const std::string error = QueryError(nested(4000));
  CHECK(FirstLine(error) ==
        "query:1:108: the expression nests deeper than 100 levels "
        "(parentheses, not, -, ^ and function arguments)");
  CHECK(error.ends_with(std::string(107 + 2, ' ') + "^"));
  // The other rules that nest.
  CHECK(FirstLine(QueryError("filter " + Repeat("not ", 5000) + "1"))
            .starts_with("query:1:"));
  CHECK(FirstLine(QueryError("fields " + Repeat("-", 5000) + "1"))
            .ends_with("deeper than 100 levels (parentheses, not, -, ^ and "
                       "function arguments)"));
  CHECK(FirstLine(QueryError("fields 1" + Repeat("^1", 4000)))
            .ends_with("deeper than 100 levels (parentheses, not, -, ^ and "
                       "function arguments)"));
  CHECK(FirstLine(QueryError("fields " + Repeat("abs(", 1000) + "1" +
                             Repeat(")", 1000)))
            .ends_with("deeper than 100 levels (parentheses, not, -, ^ and "
                       "function arguments)"));
}

TEST_CASE("query limits: a chain of more than 1000 operators is an error",
          "[query]") {
  // 1 + 1 + ... of 1000 terms: 999 operators, evaluated.
  std::string sum = "fields 1" + Repeat("+1", 999) + " as n | limit 1";
  CHECK(Column(Query(sum), "n") == std::vector<std::string>{"1000"});
  const std::string chain = "fields 1" + Repeat("+1", 4990);
  CHECK(FirstLine(QueryError(chain)) ==
        "query:1:2009: the expression is more than 1000 operators deep (each "
        "operator of a chain such as a + b + c counts)");
}

TEST_CASE("query limits: a long chain's column name is its text, built once",
          "[query]") {
  // Within the limits: 999 operators of `or` over comparisons.
  std::string filter = "srcAddr = \"x\"" + Repeat(" or srcAddr = \"x\"", 300);
  const QueryResult r = Query("fields " + filter + " | limit 1");
  REQUIRE(r.columns.size() == 1);
  CHECK(r.columns[0] == filter);
  CHECK(Query("fields (bytes + 1) * 2, not (bytes > 1), -bytes, srcAddr in "
              "[\"a\"], srcAddr not like \"x\" | limit 1")
            .columns ==
        std::vector<std::string>{"bytes + 1 * 2", "not bytes > 1", "-bytes",
                                 "srcAddr in [...]", "srcAddr not like x"});
}

}  // namespace
}  // namespace flowmon
