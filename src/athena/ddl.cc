// CREATE EXTERNAL TABLE for the flow logs, with partition projection.
#include "athena/ddl.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <utility>

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

namespace {

bool AllOf(std::string_view s, bool (*ok)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), ok);
}
bool IsLowerOrDigit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameChar(char c) {
  return IsLowerOrDigit(c) || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsBucketChar(char c) { return IsLowerOrDigit(c) || c == '.' || c == '-'; }
bool IsRegionChar(char c) { return IsLowerOrDigit(c) || c == '-'; }
bool IsPrefixChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u != 0x7f && c != '\'' && c != '\\';
}

Status Bad(std::string_view option, std::string_view value,
           std::string_view rule) {
  return Status::InvalidArgument(
      fmt::format("{} '{}': {}", option, value, rule));
}

}  // namespace

// S3's bucket naming rules ("General purpose bucket naming rules") and
// Athena's for databases and tables ("Name databases, tables, and
// columns").
Status CheckAthenaTable(const AthenaTable& t) {
  const std::string_view b = t.bucket;
  if (!b.empty() && (b.size() < 3 || b.size() > 63 || !AllOf(b, IsBucketChar) ||
                     !IsLowerOrDigit(b.front()) || !IsLowerOrDigit(b.back()) ||
                     b.find("..") != std::string_view::npos)) {
    return Bad("--bucket", b,
               "an S3 bucket name is 3 to 63 lowercase letters, digits, '.' "
               "and '-', starting and ending with a letter or digit");
  }
  if (!t.prefix.empty() && !AllOf(t.prefix, IsPrefixChar)) {
    return Bad("--prefix", t.prefix,
               "flowmon does not write a prefix with a quote, a backslash or "
               "a control character into SQL");
  }
  for (const auto& [option, name] :
       {std::pair{"--database", &t.database}, std::pair{"--table", &t.table}}) {
    if (name->size() > 255 || !AllOf(*name, IsNameChar)) {
      return Bad(option, *name,
                 "an Athena name is letters, digits and '_' (at most 255)");
    }
  }
  for (const std::string& a : t.accounts) {
    if (a.size() != 12 || !AllOf(a, IsDigit)) {
      return Bad("--account", a, "an AWS account ID is 12 digits");
    }
  }
  for (const std::string& r : t.regions) {
    if (!AllOf(r, IsRegionChar)) {
      return Bad("--region", r,
                 "a region is lowercase letters, digits and '-' (us-east-1)");
    }
  }
  const std::string_view d = t.start_date;
  if (d.size() != 10 || d[4] != '/' || d[7] != '/' ||
      !AllOf(d.substr(0, 4), IsDigit) || !AllOf(d.substr(5, 2), IsDigit) ||
      !AllOf(d.substr(8, 2), IsDigit)) {
    return Bad("--start-date", d, "expected yyyy/MM/dd");
  }
  return Status::Ok();
}

std::string AthenaTable::Location() const {
  return "s3://" + bucket + "/" + (prefix.empty() ? "" : prefix + "/") +
         "AWSLogs/";
}

std::string AthenaTable::RegionPartition() const {
  return schema.IndexOf("region") >= 0 ? "aws_region" : "region";
}

namespace {

// 'projection.NAME.type'='enum' with the values, or 'injected' without.
std::string ListProjection(const std::string& name,
                           const std::vector<std::string>& values) {
  if (values.empty())
    return fmt::format("  'projection.{}.type'='injected',\n", name);
  return fmt::format(
      "  'projection.{0}.type'='enum',\n  'projection.{0}.values'='{1}',\n",
      name, fmt::join(values, ","));
}

// 'projection.NAME.type'='integer' over [low, high], `digits` wide.
std::string IntegerProjection(const std::string& name, int low, int high,
                              int digits) {
  std::string out = fmt::format(
      "  'projection.{0}.type'='integer',\n  'projection.{0}.range'='{1},{2}',"
      "\n",
      name, low, high);
  if (digits > 0)
    out += fmt::format("  'projection.{}.digits'='{}',\n", name, digits);
  return out;
}

}  // namespace

// AWS's tables ("Create and query a table for Amazon VPC flow logs using
// partition projection", "Create tables for flow logs in Apache Parquet
// format"): account, region and day partitions projected onto the S3
// layout, so one table spans a bucket's accounts and regions.
Result<std::string> AthenaDdl(const AthenaTable& t) {
  if (t.bucket.empty()) {
    return Status::InvalidArgument("athena ddl needs --bucket");
  }
  std::string columns;
  for (size_t i = 0; i < t.schema.size(); ++i) {
    const FlowField& f = t.schema.column(i);
    columns +=
        fmt::format("  `{}` {}{}\n", AthenaColumn(f.name),
                    athena::AthenaType(f), i + 1 < t.schema.size() ? "," : "");
  }
  const std::string region = t.RegionPartition();
  std::vector<std::string> partitions = {"accid", region};
  std::string projection =
      ListProjection("accid", t.accounts) + ListProjection(region, t.regions);
  std::string folders;
  if (t.hive) {
    partitions.insert(partitions.end(), {"year", "month", "day"});
    projection += IntegerProjection("year", 2015, 2100, 0) +
                  IntegerProjection("month", 1, 12, 2) +
                  IntegerProjection("day", 1, 31, 2);
    folders = fmt::format(
        "aws-account-id=${{accid}}/aws-service=vpcflowlogs/"
        "aws-region=${{{}}}/year=${{year}}/month=${{month}}/day=${{day}}",
        region);
  } else {
    partitions.push_back("day");
    projection += fmt::format(
        "  'projection.day.type'='date',\n"
        "  'projection.day.range'='{},NOW',\n"
        "  'projection.day.format'='yyyy/MM/dd',\n"
        "  'projection.day.interval'='1',\n"
        "  'projection.day.interval.unit'='DAYS',\n",
        t.start_date);
    folders = fmt::format("${{accid}}/vpcflowlogs/${{{}}}/${{day}}", region);
  }
  if (t.per_hour) {
    partitions.push_back("hour");
    projection += IntegerProjection("hour", 0, 23, 2);
    folders += t.hive ? "/hour=${hour}" : "/${hour}";
  }
  std::string partition_list;
  for (const std::string& p : partitions)
    partition_list += (partition_list.empty() ? "`" : ", `") + p + "` string";
  // STORED AS PARQUET is AWS's ParquetHiveSerDe with its input and output
  // formats, in the short form Hive's grammar has. Parquet files have no
  // header line to skip.
  const std::string storage =
      t.parquet ? "STORED AS PARQUET\n"
                : "ROW FORMAT DELIMITED\nFIELDS TERMINATED BY ' '\n";
  return fmt::format(
      "CREATE EXTERNAL TABLE IF NOT EXISTS `{}`.`{}` (\n{})\nPARTITIONED BY "
      "({})\n{}LOCATION '{}'\nTBLPROPERTIES (\n{}  "
      "'projection.enabled'='true',\n{}  'storage.location.template'='{}{}'\n"
      ");\n",
      t.database, t.table, columns, partition_list, storage, t.Location(),
      t.parquet ? "" : "  'skip.header.line.count'='1',\n", projection,
      t.Location(), folders);
}

}  // namespace flowmon
