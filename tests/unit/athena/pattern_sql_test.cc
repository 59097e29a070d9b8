#include <string>

#include "catch.h"
#include "flowmon/athena/athena.h"
#include "sql_text.h"

namespace flowmon {
namespace {

using testing::Has;

CompiledPattern Pattern(const std::string& text) {
  auto p = CompiledPattern::Compile(text);
  REQUIRE(p.ok());
  return std::move(*p);
}

// count(*) * 1.0 is a DECIMAL(…, 1) in Trino: the share came out as 0.1
// for 0.1288.
TEST_CASE("athena top: the share is a double", "[athena]") {
  AthenaTop top;
  top.fields = {"srcaddr"};
  auto sql = AthenaTopSql(AthenaTable(), nullptr, top, AthenaTimeRange());
  REQUIRE(sql.ok());
  CHECK(Has(*sql,
            "CAST(count(*) AS double) / sum(count(*)) OVER () AS \"share\""));
  top.sum = "bytes";
  sql = AthenaTopSql(AthenaTable(), nullptr, top, AthenaTimeRange());
  REQUIRE(sql.ok());
  // A key of only records without bytes (NODATA) sums to 0, as in top.
  CHECK(Has(*sql, "sum(coalesce(\"bytes\", 0)) AS \"sum_bytes\""));
  CHECK(Has(*sql,
            "CAST(sum(coalesce(\"bytes\", 0)) AS double) / "
            "sum(sum(coalesce(\"bytes\", 0))) OVER () AS \"share\""));
}

TEST_CASE("athena top: limit 0 is every key", "[athena]") {
  AthenaTop top;
  top.fields = {"srcaddr"};
  top.limit = 0;
  auto sql = AthenaTopSql(AthenaTable(), nullptr, top, AthenaTimeRange());
  REQUIRE(sql.ok());
  CHECK_FALSE(Has(*sql, "LIMIT"));
}

// A record whose $field is not a number publishes nothing (flowmon metric
// says so): it is no sample, and a period of only such records no datapoint.
TEST_CASE("athena metric: samples are the records with a value", "[athena]") {
  const CompiledPattern p =
      Pattern("[v, a, e, s, d, sp, dp, p, pk, bytes, start, end, action, st]");
  auto sql = AthenaMetricSql(AthenaTable(), p, "$bytes", 60, AthenaTimeRange());
  REQUIRE(sql.ok());
  CHECK(Has(*sql, "sum(\"bytes\") AS \"value\""));
  CHECK(Has(*sql, "count(\"bytes\") AS \"sample_count\""));
  CHECK(Has(*sql, "HAVING count(\"bytes\") > 0"));
  // A text field's value is its number.
  sql = AthenaMetricSql(AthenaTable(), p, "$action", 60, AthenaTimeRange());
  REQUIRE(sql.ok());
  CHECK(Has(*sql, "sum(try_cast(\"action\" AS double)) AS \"value\""));
  // Value 1: every matching record is a sample.
  sql = AthenaMetricSql(AthenaTable(), p, "1", 60, AthenaTimeRange());
  REQUIRE(sql.ok());
  CHECK(Has(*sql, "count(*) AS \"sample_count\""));
  CHECK_FALSE(Has(*sql, "HAVING"));
}

// Partition predicates: the day folder, and on hourly tables the hour.
TEST_CASE("athena: time ranges select day and hour folders", "[athena]") {
  AthenaTable t;
  AthenaTimeRange r;
  r.since = 1563105600;  // 2019-07-14T12:00:00Z
  r.until = 1563114600;  // 2019-07-14T14:30:00Z
  CHECK(AthenaScopeConditions(t, r) ==
        std::vector<std::string>{
            "\"day\" >= '2019/07/14'", "\"start\" >= 1563105600",
            "\"day\" <= '2019/07/15'", "\"start\" < 1563114600"});
  t.per_hour = true;
  // Records are in the folder of their delivery, after their start: the
  // upper bound is an hour later.
  CHECK(AthenaScopeConditions(t, r) ==
        std::vector<std::string>{"\"day\" >= '2019/07/14'",
                                 "(\"day\" > '2019/07/14' OR \"hour\" >= '12')",
                                 "\"start\" >= 1563105600",
                                 "\"day\" <= '2019/07/14'",
                                 "(\"day\" < '2019/07/14' OR \"hour\" <= '15')",
                                 "\"start\" < 1563114600"});
  t.hive = true;
  CHECK(AthenaScopeConditions(t, r) ==
        std::vector<std::string>{
            "concat(year, '/', month, '/', day, '/', hour) >= '2019/07/14/12'",
            "\"start\" >= 1563105600",
            "concat(year, '/', month, '/', day, '/', hour) <= '2019/07/14/15'",
            "\"start\" < 1563114600"});
}

// The accounts and regions given to athena sql select their folders (an
// injected projection needs them).
TEST_CASE("athena: accounts and regions select their folders", "[athena]") {
  AthenaTable t;
  t.accounts = {"111122223333"};
  t.regions = {"us-east-1", "eu-west-1"};
  CHECK(AthenaScopeConditions(t, AthenaTimeRange()) ==
        std::vector<std::string>{"\"accid\" = '111122223333'",
                                 "\"region\" IN ('us-east-1', 'eu-west-1')"});
}

}  // namespace
}  // namespace flowmon
