// Value text as group keys use it: AppendText writes what fmt's "{}" does,
// through its fast path for whole numbers too.
#include "insights/values.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "catch.h"
#include "insights/query_test_util.h"

namespace flowmon::insights {
namespace {

TEST_CASE("values: AppendText of a number is fmt's text", "[query]") {
  for (const double d : {0.0,
                         -0.0,
                         1.0,
                         -1.0,
                         7.0,
                         300.0,
                         1563108000000.0,
                         999999999999999.0,
                         1e15,
                         -1e15,
                         1e16,
                         123456789012345678.0,
                         0.5,
                         -2.25,
                         1.0 / 3,
                         1e-300,
                         1e300,
                         std::numeric_limits<double>::infinity(),
                         -std::numeric_limits<double>::infinity(),
                         std::nan(""),
                         9007199254740993.0,
                         4503599627370497.0}) {
    std::string text;
    AppendText(QueryValue(d), &text);
    INFO(d);
    CHECK(text == fmt::format("{}", d));
  }
  std::string text = "k=";
  AppendText(QueryValue(std::string("x")), &text);
  AppendText(QueryValue(), &text);
  CHECK(text == "k=x");
}

TEST_CASE("values: stats groups come in the bytewise order of their keys",
          "[query]") {
  // Keys that tie on 8 and on 16 bytes, prefixes of each other, and "-".
  const std::vector<std::string> addrs = {"10.0.0.1",
                                          "10.0.0.10",
                                          "10.0.0.1",
                                          "2001:db8:0:0:0:0:0:2",
                                          "2001:db8:0:0:0:0:0:10",
                                          "2001:db8:0:0:0:0:0:1",
                                          "2001:db8:0:0:0:0:0",
                                          "-",
                                          "9.9.9.9",
                                          "10.0.0.100",
                                          "2001:db8:0:0:0:0:0:1"};
  std::string records;
  for (const std::string& a : addrs) {
    records += "2 1 e " + a +
               " 10.0.1.25 40000 22 6 1 40 1563108000 1563108010 REJECT OK\n";
  }
  const QueryResult r =
      testing::Query("stats count(*) by srcAddr, dstAddr", records);
  std::vector<std::string> keys = testing::Column(r, "srcAddr");
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) {
              // "-" is null: its key sorts before the printable ones.
              const bool an = a == "null", bn = b == "null";
              if (an != bn) return an;
              return a + "\x1f"
                         "10.0.1.25" <
                     b + "\x1f"
                         "10.0.1.25";
            });
  CHECK(keys == sorted);
  CHECK(keys.size() == 9);
}

}  // namespace
}  // namespace flowmon::insights

TEST_CASE("query numbers: a width is the length of the text written",
          "[query]") {
  for (const double d : {0.0,
                         -0.0,
                         1.0,
                         9.0,
                         10.0,
                         99.0,
                         100.0,
                         -1.0,
                         -9.0,
                         -10.0,
                         12345.0,
                         999999999999999.0,
                         -999999999999999.0,
                         1e15,
                         -1e15,
                         1e20,
                         0.5,
                         -2.25,
                         1.0 / 3,
                         4503599627370496.5,
                         1e-7}) {
    INFO(d);
    char buf[flowmon::insights::kNumberChars];
    CHECK(flowmon::insights::InsightsNumberWidth(d) ==
          flowmon::insights::FormatInsightsNumber(d, buf));
  }
}
