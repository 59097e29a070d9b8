#include <string>

#include "catch.h"
#include "flowmon/athena/athena.h"
#include "flowmon/insights/query.h"

namespace flowmon {
namespace {

TEST_CASE("athena: a query error is the same caret error as flowmon query's",
          "[athena]") {
  const std::string query = "stats count(*) | sort";
  auto sql = AthenaQuerySql(AthenaTable(), query, AthenaTimeRange());
  REQUIRE_FALSE(sql.ok());
  CHECK(sql.status().message() ==
        "query:1:22: expected a field to sort by\n"
        "  stats count(*) | sort\n"
        "                       ^");
  CHECK(sql.status().message() == QuerySink::Create(query).status().message());
}

TEST_CASE("athena: a translation error has no caret", "[athena]") {
  auto sql =
      AthenaQuerySql(AthenaTable(), "stats count(*) by srcAddr | dedup srcAddr",
                     AthenaTimeRange());
  REQUIRE_FALSE(sql.ok());
  CHECK(sql.status().message() ==
        "dedup and display have no Athena translation");
}

TEST_CASE("athena: an Insights query as SQL", "[athena]") {
  auto sql = AthenaQuerySql(
      AthenaTable(),
      "filter action=\"REJECT\" | stats count(*) as n by srcAddr | sort n desc "
      "| limit 5",
      AthenaTimeRange());
  REQUIRE(sql.ok());
  CHECK(*sql ==
        "SELECT \"srcaddr\" AS \"srcAddr\",\n"
        "  count(*) AS \"n\"\n"
        "FROM \"default\".\"vpc_flow_logs\"\n"
        "WHERE \"action\" = 'REJECT'\n"
        "GROUP BY 1\n"
        "ORDER BY \"n\" DESC\n"
        "LIMIT 5;\n");
}

TEST_CASE("athena: the subnet functions", "[athena]") {
  for (const char* fn : {"isIpInSubnet", "isIpv4InSubnet", "isIpv6InSubnet"}) {
    auto sql =
        AthenaQuerySql(AthenaTable(),
                       std::string("filter ") + fn +
                           "(srcAddr, \"2001:db8::/32\") | fields srcAddr",
                       AthenaTimeRange());
    INFO(fn);
    REQUIRE(sql.ok());
    CHECK(sql->find("WHERE coalesce(contains('2001:db8::/32', "
                    "try_cast(\"srcaddr\" AS ipaddress)), false)") !=
          std::string::npos);
  }
}

}  // namespace
}  // namespace flowmon
