// CREATE EXTERNAL TABLE for the flow logs, with partition projection.
#include "athena/ddl.h"

#include <fmt/format.h>

#include "flowmon/athena/athena.h"

namespace flowmon {
namespace athena {

// Athena's types for the flow-log fields (the AWS "Query flow logs using
// Amazon Athena" table, plain text and Parquet alike). The fields that
// table predates take the type of their Parquet column: INT_64 is bigint,
// INT_32 int. Fields flowmon does not know are strings.
std::string_view AthenaType(const FlowField& f) {
  if (f.type != FieldType::kInt) return "string";
  const std::string_view n = f.name;
  if (n == "protocol" || n == "packets" || n == "bytes" || n == "start" ||
      n == "end" || n.starts_with("packets-lost-")) {
    return "bigint";
  }
  return "int";
}

}  // namespace athena

std::string AthenaColumn(std::string_view field) {
  std::string out(field);
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

std::string AthenaTable::Location() const {
  std::string base = "s3://" + bucket + "/";
  if (!prefix.empty()) base += prefix + "/";
  if (hive) {
    return base + fmt::format(
                      "AWSLogs/aws-account-id={}/aws-service=vpcflowlogs/"
                      "aws-region={}/",
                      account, region);
  }
  return base + fmt::format("AWSLogs/{}/vpcflowlogs/{}/", account, region);
}

Result<std::string> AthenaDdl(const AthenaTable& t) {
  if (t.bucket.empty() || t.account.empty() || t.region.empty()) {
    return Status::InvalidArgument(
        "athena ddl needs --bucket, --account and --region");
  }
  std::string columns;
  for (size_t i = 0; i < t.schema.size(); ++i) {
    const FlowField& f = t.schema.column(i);
    columns +=
        fmt::format("  `{}` {}{}\n", AthenaColumn(f.name),
                    athena::AthenaType(f), i + 1 < t.schema.size() ? "," : "");
  }
  std::string partitions, projection, template_path;
  const std::string loc = t.Location();
  if (t.hive) {
    partitions = "`year` string, `month` string, `day` string";
    projection =
        "  'projection.year.type'='integer',\n  "
        "'projection.year.range'='2015,2100',\n"
        "  'projection.month.type'='integer',\n  "
        "'projection.month.range'='1,12',\n"
        "  'projection.month.digits'='2',\n  'projection.day.type'='integer',\n"
        "  'projection.day.range'='1,31',\n  'projection.day.digits'='2',\n";
    template_path = loc + "year=${year}/month=${month}/day=${day}";
  } else {
    partitions = "`date` string";
    projection = fmt::format(
        "  'projection.date.type'='date',\n  "
        "'projection.date.range'='{},NOW',\n"
        "  'projection.date.format'='yyyy/MM/dd',\n  "
        "'projection.date.interval'='1',\n"
        "  'projection.date.interval.unit'='DAYS',\n",
        t.start_date);
    template_path = loc + "${date}";
  }
  if (t.per_hour) {
    partitions += ", `hour` string";
    projection +=
        "  'projection.hour.type'='integer',\n  "
        "'projection.hour.range'='0,23',\n"
        "  'projection.hour.digits'='2',\n";
    template_path += t.hive ? "/hour=${hour}" : "/${hour}";
  }
  const std::string storage =
      t.parquet ? "STORED AS PARQUET\n"
                : "ROW FORMAT DELIMITED\nFIELDS TERMINATED BY ' '\n";
  return fmt::format(
      "CREATE EXTERNAL TABLE IF NOT EXISTS `{}`.`{}` (\n{})\nPARTITIONED BY "
      "({})\n{}"
      "LOCATION '{}'\nTBLPROPERTIES (\n{}  'projection.enabled'='true',\n{}"
      "  'storage.location.template'='{}'\n);\n",
      t.database, t.table, columns, partitions, storage, loc,
      t.parquet ? "  'parquet.compression'='SNAPPY',\n"
                : "  'skip.header.line.count'='1',\n",
      projection, template_path);
}

}  // namespace flowmon
