#include <string>

#include "catch.h"
#include "flowmon/athena/athena.h"
#include "sql_text.h"

namespace flowmon {
namespace {

using testing::Has;

AthenaTable Table() {
  AthenaTable t;
  t.bucket = "my-flow-logs";
  t.accounts = {"111122223333", "444455556666"};
  t.regions = {"us-east-1"};
  return t;
}

std::string Ddl(const AthenaTable& t) {
  auto ddl = AthenaDdl(t);
  REQUIRE(ddl.ok());
  return *ddl;
}

// AWS's "Create and query a table for Amazon VPC flow logs using partition
// projection": one table over the accounts and regions of a bucket.
TEST_CASE("athena ddl: account, region and day projections", "[athena]") {
  const std::string ddl = Ddl(Table());
  CHECK(Has(ddl,
            "PARTITIONED BY (`accid` string, `region` string, `day` "
            "string)\n"));
  CHECK(Has(ddl, "LOCATION 's3://my-flow-logs/AWSLogs/'\n"));
  CHECK(Has(ddl,
            "  'projection.accid.type'='enum',\n"
            "  'projection.accid.values'='111122223333,444455556666',\n"
            "  'projection.region.type'='enum',\n"
            "  'projection.region.values'='us-east-1',\n"
            "  'projection.day.type'='date',\n"
            "  'projection.day.range'='2019/01/01,NOW',\n"
            "  'projection.day.format'='yyyy/MM/dd',\n"));
  CHECK(Has(ddl,
            "'storage.location.template'='s3://my-flow-logs/AWSLogs/${accid}/"
            "vpcflowlogs/${region}/${day}'\n"));
}

// Without a list the values come from each query's WHERE (an injected
// projection).
TEST_CASE("athena ddl: no accounts is an injected projection", "[athena]") {
  AthenaTable t = Table();
  t.accounts.clear();
  t.regions.clear();
  const std::string ddl = Ddl(t);
  CHECK(Has(ddl,
            "  'projection.accid.type'='injected',\n"
            "  'projection.region.type'='injected',\n"));
  CHECK_FALSE(Has(ddl, ".values'"));
}

TEST_CASE("athena ddl: hourly partitions", "[athena]") {
  AthenaTable t = Table();
  t.per_hour = true;
  std::string ddl = Ddl(t);
  CHECK(Has(ddl,
            "PARTITIONED BY (`accid` string, `region` string, `day` "
            "string, `hour` string)\n"));
  CHECK(Has(ddl, "/vpcflowlogs/${region}/${day}/${hour}'\n"));
  t.hive = true;
  ddl = Ddl(t);
  CHECK(Has(ddl,
            "PARTITIONED BY (`accid` string, `region` string, `year` "
            "string, `month` string, `day` string, `hour` string)\n"));
  CHECK(Has(ddl,
            "'storage.location.template'='s3://my-flow-logs/AWSLogs/"
            "aws-account-id=${accid}/aws-service=vpcflowlogs/"
            "aws-region=${region}/year=${year}/month=${month}/day=${day}/"
            "hour=${hour}'\n"));
}

// AWS's "Create tables for flow logs in Apache Parquet format" (its
// ParquetHiveSerDe and formats are what STORED AS PARQUET means).
TEST_CASE("athena ddl: Parquet", "[athena]") {
  AthenaTable t = Table();
  t.parquet = true;
  const std::string ddl = Ddl(t);
  CHECK(Has(ddl, "\nSTORED AS PARQUET\nLOCATION "));
  CHECK_FALSE(Has(ddl, "parquet.compression"));  // a property of writes
  CHECK_FALSE(Has(ddl, "skip.header.line.count"));
}

// A format with a region field (v5, Transit Gateway) names the partition
// aws_region: a partition cannot share a column's name.
TEST_CASE("athena ddl: the region partition beside a region column",
          "[athena]") {
  AthenaTable t = Table();
  auto schema = Schema::FromFormatOption("tgw");
  REQUIRE(schema.ok());
  t.schema = *schema;
  const std::string ddl = Ddl(t);
  CHECK(Has(ddl, "`region` string,\n"));
  CHECK(Has(ddl,
            "PARTITIONED BY (`accid` string, `aws_region` string, "
            "`day` string)\n"));
  CHECK(Has(ddl, "/vpcflowlogs/${aws_region}/${day}'\n"));
  AthenaTimeRange r;
  t.regions = {"us-east-1"};
  CHECK(AthenaScopeConditions(t, r)[1] == "\"aws_region\" = 'us-east-1'");
}

TEST_CASE("athena ddl: needs a bucket", "[athena]") {
  AthenaTable t = Table();
  t.bucket.clear();
  CHECK_FALSE(AthenaDdl(t).ok());
}

}  // namespace
}  // namespace flowmon
