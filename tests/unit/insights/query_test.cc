#include "flowmon/insights/query.h"

#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/sinks/top.h"
#include "insights/query_test_util.h"

namespace flowmon {
namespace {

using testing::Query;

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

TEST_CASE("query: Insights' discovered names and flow-log names", "[query]") {
  // Logs Insights discovers startTime and endTime; flow-log names work too.
  const QueryResult r = Query(
      "stats min(startTime) as a, min(start) as b, max(endTime) as c, "
      "count(interfaceId) as d");
  REQUIRE(r.rows.size() == 1);
  CHECK(std::get<double>(r.rows[0][0]) == 1563108000);
  CHECK(std::get<double>(r.rows[0][1]) == 1563108000);
  CHECK(std::get<double>(r.rows[0][2]) == 1563108310);
  CHECK(std::get<double>(r.rows[0][3]) == 5);
  // A field the format lacks is null in every record: Transit Gateway flow
  // logs have no action, so no record's action is "REJECT".
  std::string record = "6";
  for (size_t i = 1; i < Schema::DefaultTgw().size(); ++i) record += " 1";
  const std::string text =
      testing::HeaderLine(Schema::DefaultTgw()) + record + "\n";
  CHECK(Query("filter action = \"REJECT\" | stats count(*) as n", text)
            .rows.empty());
  const QueryResult nulls = Query(
      "stats count(action) as a, count(*) as n, sum(tgwSrcEni) as s", text);
  REQUIRE(nulls.rows.size() == 1);
  CHECK(std::get<double>(nulls.rows[0][0]) == 0);
  CHECK(std::get<double>(nulls.rows[0][1]) == 1);
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

TEST_CASE("query: subnet functions, IPv4 and IPv6", "[query]") {
  const char* const records =
      "2 1 e 10.0.1.25 10.0.2.1 1 2 6 1 40 1563108000 1563108010 ACCEPT OK\n"
      "2 1 e 2001:db8::25 2001:db8::1 1 2 6 1 40 1563108000 1563108010 "
      "ACCEPT OK\n"
      "2 1 e - - - - - - - 1563108250 1563108310 - NODATA\n";
  auto count = [&](const std::string& filter) {
    INFO(filter);
    return Query("filter " + filter + " | fields srcAddr", records).rows.size();
  };
  // AWS: isIpInSubnet takes either family, isIpv4InSubnet and
  // isIpv6InSubnet their own; an address and a block of different
  // families never match.
  CHECK(count("isIpInSubnet(srcAddr, \"10.0.0.0/16\")") == 1);
  CHECK(count("isIpInSubnet(srcAddr, \"2001:db8::/32\")") == 1);
  CHECK(count("isIpInSubnet(srcAddr, \"::/0\")") == 1);
  CHECK(count("isIpv4InSubnet(srcAddr, \"0.0.0.0/0\")") == 1);
  CHECK(count("isIpv4InSubnet(srcAddr, \"2001:db8::/32\")") == 0);
  CHECK(count("isIpv6InSubnet(srcAddr, \"2001:db8::/32\")") == 1);
  CHECK(count("isIpv6InSubnet(srcAddr, \"2001:db8::25\")") == 1);
  CHECK(count("isIpv6InSubnet(srcAddr, \"10.0.0.0/8\")") == 0);
  CHECK(count("not isIpInSubnet(srcAddr, \"10.0.0.0/8\")") == 2);
  // An invalid block contains nothing (the prefix was read with atoi:
  // "/x" was /0 and matched every IPv4 address, "/33" was /32).
  CHECK(count("isIpv4InSubnet(srcAddr, \"10.0.0.0/x\")") == 0);
  CHECK(count("isIpv4InSubnet(srcAddr, \"10.0.1.25/33\")") == 0);
  CHECK(count("isIpInSubnet(srcAddr, \"10.0.0.0/\")") == 0);
  CHECK(count("isIpInSubnet(srcAddr, \"10.0.0.0/-8\")") == 0);
  CHECK(count("isIpInSubnet(srcAddr, \"2001:db8::/129\")") == 0);
}

TEST_CASE("query: pct is the nearest rank", "[query]") {
  // bytes of the sample: 40, 44, 60, 4000 and one '-'.
  const QueryResult r = Query(
      "stats pct(bytes, 50) as p50, pct(bytes, 75) as p75, pct(bytes, 76) as "
      "p76, pct(bytes, 0) as p0");
  REQUIRE(r.rows.size() == 1);
  CHECK(std::get<double>(r.rows[0][0]) == 44);
  CHECK(std::get<double>(r.rows[0][1]) == 60);
  CHECK(std::get<double>(r.rows[0][2]) == 4000);
  CHECK(std::get<double>(r.rows[0][3]) == 40);
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
