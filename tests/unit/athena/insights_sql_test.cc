#include <string>

#include "catch.h"
#include "flowmon/athena/athena.h"
#include "flowmon/insights/query.h"
#include "sql_text.h"

namespace flowmon {
namespace {

using testing::Has;

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

std::string QuerySql(const std::string& query) {
  auto sql = AthenaQuerySql(AthenaTable(), query, AthenaTimeRange());
  INFO(query);
  REQUIRE(sql.ok());
  return *sql;
}

// Insights divides in floating point; Trino divides bigints as integers
// (7 / 2 = 3) and decimals at their scale: the dividend is a double.
TEST_CASE("athena: / divides in double, as Insights does", "[athena]") {
  const std::string sql = QuerySql("fields bytes / packets as per_packet");
  CHECK(Has(sql,
            "(CAST(\"bytes\" AS double) / nullif(\"packets\", 0)) AS "
            "\"per_packet\""));
  // A divisor that cannot be 0 needs no nullif.
  CHECK(Has(QuerySql("fields bytes / 2 as half"),
            "(CAST(\"bytes\" AS double) / 2) AS \"half\""));
  // x % 0 is null in Insights, an error in Trino.
  CHECK(Has(QuerySql("fields bytes % packets as rest"),
            "(\"bytes\" % nullif(\"packets\", 0)) AS \"rest\""));
}

// Athena cannot see a SELECT alias in WHERE or GROUP BY: the expression
// stands where the alias is used, and an alias hides the field it names.
TEST_CASE("athena: a fields alias is inlined where it is used", "[athena]") {
  const std::string sql = QuerySql(
      "fields bytes * 2 as doubled | filter doubled > 100 | stats "
      "sum(doubled) as total by srcAddr");
  CHECK(Has(sql, "WHERE (\"bytes\" * 2) > 100"));
  CHECK(Has(sql, "sum((\"bytes\" * 2)) AS \"total\""));
  CHECK_FALSE(Has(sql, "\"doubled\""));
  CHECK(Has(QuerySql("fields packets as bytes | filter bytes > 3"),
            "WHERE \"packets\" > 3"));
}

// NODATA records have no ports: x NOT IN (...) is NULL for them in SQL,
// true in Insights; not (...) of a NULL test likewise.
TEST_CASE("athena: negations keep records whose field is null", "[athena]") {
  CHECK(Has(QuerySql("filter dstPort not in [22, 3389]"),
            "WHERE (\"dstport\" IS NULL OR \"dstport\" NOT IN (22, 3389))"));
  CHECK(Has(QuerySql("filter not dstPort = 22"),
            "WHERE NOT coalesce(\"dstport\" = 22, false)"));
  CHECK(Has(QuerySql("filter dstPort in [22, 3389]"),
            "WHERE \"dstport\" IN (22, 3389)"));
}

// Trino orders varchar by its bytes; Insights compares numbers as numbers
// and digit runs in text by value ("10.0.0.9" before "10.0.0.10").
TEST_CASE("athena: text sorts in Insights' order", "[athena]") {
  const std::string sql =
      QuerySql("stats count(*) as n by srcAddr | sort srcAddr asc");
  CHECK(Has(sql,
            "ORDER BY regexp_like(\"srcaddr\", "
            "'^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$') ASC, "
            "try_cast(\"srcaddr\" AS double) ASC, "
            "regexp_replace(\"srcaddr\", '([0-9]+)', d -> lpad(d[1], 20, "
            "'0')) ASC"));
  // Numbers sort as numbers already.
  CHECK(Has(QuerySql("stats count(*) as n by srcAddr | sort n desc"),
            "ORDER BY \"n\" DESC"));
  CHECK(Has(QuerySql("fields srcAddr, dstPort | sort dstPort"),
            "ORDER BY \"dstport\" ASC"));
}

// Insights' sum/avg/pct skip values that are not numbers.
TEST_CASE("athena: aggregates of text take its numbers", "[athena]") {
  CHECK(Has(QuerySql("stats sum(srcAddr) as s"),
            "sum(try_cast(\"srcaddr\" AS double)) AS \"s\""));
  CHECK(Has(QuerySql("stats max(bytes) as m"), "max(\"bytes\") AS \"m\""));
}

// Insights' min/max of text is text, the first or last in its text order.
TEST_CASE("athena: min and max of text in Insights' order", "[athena]") {
  const std::string sql =
      QuerySql("stats max(srcAddr) as m, min(srcAddr) as l");
  CHECK(Has(sql, "(array_agg(\"srcaddr\" ORDER BY regexp_like(\"srcaddr\", "));
  CHECK(Has(sql,
            "lpad(d[1], 20, '0')) DESC) FILTER (WHERE \"srcaddr\" IS "
            "NOT NULL))[1] AS \"m\""));
  CHECK(Has(sql,
            "lpad(d[1], 20, '0')) ASC) FILTER (WHERE \"srcaddr\" IS "
            "NOT NULL))[1] AS \"l\""));
}

// Arithmetic over aggregates divides in double as any other.
TEST_CASE("athena: an item over aggregates divides in double", "[athena]") {
  CHECK(Has(QuerySql("stats sum(bytes) / 1024 as kb"),
            "(CAST(sum(\"bytes\") AS double) / 1024) AS \"kb\""));
  CHECK(Has(QuerySql("stats sum(bytes) / count(*) as b"),
            "(CAST(sum(\"bytes\") AS double) / nullif(count(*), 0)) AS "
            "\"b\""));
}

}  // namespace
}  // namespace flowmon
