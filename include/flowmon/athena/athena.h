// Athena (Trino) for data past one machine: the flow-log table DDL with
// partition projection over the S3 layout, and flowmon questions (filter
// patterns, top, per-minute metrics) translated to SQL over that table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "flowmon/core/schema.h"
#include "flowmon/core/status.h"
#include "flowmon/pattern/pattern.h"

namespace flowmon {

struct AthenaTable {
  std::string database = "default";
  std::string table = "vpc_flow_logs";
  std::string bucket;
  std::string prefix;  // optional folder before AWSLogs/
  // The accounts and regions the table spans (AWS's multi-account table):
  // an enum projection of these values, or with none an injected one, whose
  // every query names its values. In queries, predicates on them.
  std::vector<std::string> accounts;
  std::vector<std::string> regions;
  Schema schema = Schema::DefaultV2();
  bool parquet = false;
  bool hive = false;  // Hive-compatible prefixes (aws-account-id=.../year=...)
  bool per_hour = false;                  // hourly partitions
  std::string start_date = "2019/01/01";  // projection range start (yyyy/MM/dd)

  // s3://bucket/[prefix/]AWSLogs/, above the account folders.
  std::string Location() const;
  // The region partition: "region", or "aws_region" when the flow log has a
  // region field (a partition cannot share a column's name).
  std::string RegionPartition() const;
};

// OK, or an InvalidArgument naming the option whose value AWS does not
// allow: a bucket that is not an S3 bucket name, a database or table that
// is not letters, digits and '_', an account that is not 12 digits, a
// region that is not lowercase letters, digits and '-', a start date that
// is not yyyy/MM/dd, a prefix with a quote, a backslash or a control byte.
// These go into the SQL as they are, so none may break out of its quotes.
Status CheckAthenaTable(const AthenaTable& t);

// The column name Athena uses for a flow-log field ("log-status" ->
// log_status).
std::string AthenaColumn(std::string_view field);

// CREATE EXTERNAL TABLE ... with partition projection.
Result<std::string> AthenaDdl(const AthenaTable& t);

// The time range of a question: records with since <= start < until.
struct AthenaTimeRange {
  std::optional<int64_t> since, until;  // epoch seconds
};

// What a question covers as WHERE conditions: the table's accounts and
// regions, the partition folders of the time range, and `start` bounds.
std::vector<std::string> AthenaScopeConditions(const AthenaTable& t,
                                               const AthenaTimeRange& r);

// A Logs Insights query (flowmon query's subset) as Athena SQL. dedup and
// display have no translation and are errors; errors in the query text are
// QuerySink::Create's caret errors.
Result<std::string> AthenaQuerySql(const AthenaTable& t, std::string_view query,
                                   const AthenaTimeRange& r);

// SELECT * WHERE <pattern> ...
Result<std::string> AthenaFilterSql(const AthenaTable& t,
                                    const CompiledPattern& p,
                                    const AthenaTimeRange& r, uint64_t limit);
// Top N keys by count or sum. `by`: fields, field/NN (CIDR) or a time
// bucket in seconds (by_seconds > 0).
struct AthenaTop {
  std::vector<std::string> fields;  // "srcaddr", "srcaddr/24"
  int64_t bucket_seconds = 0;       // with fields empty: a time bucket
  std::string sum;                  // bytes, packets or empty
  uint64_t limit = 20;              // 0: every key
};
Result<std::string> AthenaTopSql(const AthenaTable& t,
                                 const CompiledPattern* where,
                                 const AthenaTop& top,
                                 const AthenaTimeRange& r);
// Per-period datapoints of a metric filter: value 1 (count) or $field (sum).
Result<std::string> AthenaMetricSql(const AthenaTable& t,
                                    const CompiledPattern& p,
                                    const std::string& value, int64_t period,
                                    const AthenaTimeRange& r);

}  // namespace flowmon
