#include "flowmon/insights/query.h"

#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/sinks/top.h"
#include "test_util.h"

namespace flowmon {
namespace {

QueryResult Query(std::string_view text) {
  auto sink = QuerySink::Create(text);
  INFO(sink.status().message());
  REQUIRE(sink.ok());
  testing::RunOnText(sink->get(), testing::kSampleRecords);
  return (*sink)->Output();
}

TEST_CASE("query: the rejected-sources sample query", "[query]") {
  const QueryResult r = Query(
      "filter action=\"REJECT\" | stats count(*) as numRejections by srcAddr | "
      "sort "
      "numRejections desc | limit 20");
  REQUIRE(r.columns == std::vector<std::string>{"srcAddr", "numRejections"});
  REQUIRE(r.rows.size() == 2);
  CHECK(std::get<std::string>(r.rows[0][0]) == "61.177.172.1");
  CHECK(std::get<double>(r.rows[0][1]) == 2);
}

TEST_CASE("query: aggregates, bins, subnets, nulls", "[query]") {
  const QueryResult r =
      Query("stats sum(bytes), avg(bytes), count(bytes), count(*) by bin(5m)");
  REQUIRE(r.rows.size() == 1);  // 12:40-12:45
  CHECK(r.columns[0] == "bin(5m)");
  CHECK(std::get<double>(r.rows[0][1]) == 4144);
  CHECK(std::get<double>(r.rows[0][3]) == 4);  // '-' bytes are null
  CHECK(std::get<double>(r.rows[0][4]) == 5);
  CHECK(InsightsTime(static_cast<int64_t>(std::get<double>(r.rows[0][0]))) ==
        "2019-07-14 12:40:00.000");
  const QueryResult subnet = Query(
      "filter isIpv4InSubnet(srcAddr, \"61.177.0.0/16\") | stats count(*) as "
      "n");
  CHECK(std::get<double>(subnet.rows[0][0]) == 2);
  const QueryResult in = Query(
      "filter dstPort in [22, 3389] and not srcAddr like /^185/ | "
      "fields srcAddr, dstPort | display dstPort");
  CHECK(in.columns == std::vector<std::string>{"dstPort"});
  CHECK(in.rows.size() == 2);
}

TEST_CASE("query: Insights' natural sort order", "[query]") {
  const QueryResult r = Query("stats count(*) by srcAddr | sort srcAddr");
  std::vector<std::string> order;
  for (const auto& row : r.rows) order.push_back(std::get<std::string>(row[0]));
  // Non-number values ascending, digit runs by length then value.
  CHECK(order == std::vector<std::string>{"-", "10.0.1.25", "61.177.172.1",
                                          "185.220.101.9"});
}

TEST_CASE("query: arithmetic operators and their precedence", "[query]") {
  // AWS's operator table: + - * / ^ %, with 2 ^ 3 = 8 and 10 % 3 = 1.
  const QueryResult r = Query(
      "filter srcAddr = \"10.0.1.25\" | fields 2 ^ 3 as p, 10 % 3 as m, "
      "packets + bytes * 2 as a, (packets + bytes) * 2 as b, "
      "bytes - packets - 1 as c, 2 ^ 3 ^ 2 as d, 1 + 2 ^ 2 * 3 as e");
  REQUIRE(r.rows.size() == 1);
  const std::vector<double> expected{8, 1, 8010, 8020, 3989, 512, 13};
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO(r.columns[i]);
    CHECK(std::get<double>(r.rows[0][i]) == expected[i]);
  }
}

}  // namespace
}  // namespace flowmon
