// flowmon athena: the table DDL and flowmon questions as Athena SQL.
#include <spdlog/spdlog.h>

#include "commands.h"
#include "flowmon/athena/athena.h"
#include "flowmon/athena/detect_sql.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "option_checks.h"

namespace flowmon {
namespace {

void AddTableOptions(CLI::App* cmd, AthenaOptions* o, const char* accounts_help,
                     const char* regions_help) {
  cmd->add_option(
      "--format", o->format,
      "The flow log's format: 'v2' (default), 'tgw' (the Transit Gateway "
      "default format) or '${version} ${srcaddr} ...'");
  cmd->add_option("--database", o->database, "Athena database")
      ->capture_default_str();
  cmd->add_option("--table", o->table, "Table name")->capture_default_str();
  cmd->add_flag("--hive", o->hive,
                "Hive-compatible S3 prefixes (year=/month=/day=)");
  cmd->add_flag("--per-hour", o->per_hour, "Hourly partitions");
  cmd->add_option("--account", o->accounts, accounts_help)->delimiter(',');
  cmd->add_option("--region", o->regions, regions_help)->delimiter(',');
}

// --detect NAME with the settings of --detect-config.
Result<std::string> DetectSql(const AthenaTable& t, const AthenaOptions& o,
                              const AthenaTimeRange& range) {
  DetectConfig config;
  if (!o.detect_config.empty()) {
    if (Status s = LoadDetectConfig(o.detect_config, &config); !s.ok())
      return s;
  }
  return AthenaDetectSql(t, o.detect, config, range);
}

}  // namespace

CLI::App* SetupAthena(CLI::App* app, AthenaOptions* o) {
  CLI::App* cmd =
      app->add_subcommand("athena",
                          "Athena (Trino) for data past one machine: table DDL "
                          "and questions as SQL");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  # the table, once, in the Athena console or aws athena\n"
      "  flowmon athena ddl --bucket my-flow-logs --account 123456789012 "
      "--region us-east-1\n"
      "  # then the questions flowmon answers locally, as SQL\n"
      "  flowmon athena sql --top srcaddr --where '[..., action=REJECT, "
      "status]' --limit 20\n"
      "  flowmon athena sql --metric '[..., action=REJECT, status]' --period "
      "300\n"
      "Run 'flowmon athena ddl --help' and 'flowmon athena sql --help' for "
      "their options.");
  o->ddl = cmd->add_subcommand("ddl",
                               "CREATE EXTERNAL TABLE with partition "
                               "projection over the S3 flow-log layout");
  o->ddl->add_option("--bucket", o->bucket, "S3 bucket of the flow logs")
      ->required();
  o->ddl->add_option("--prefix", o->prefix, "Folder before AWSLogs/, if any");
  o->ddl
      ->add_option("--start-date", o->start_date,
                   "First day of the projection (yyyy/MM/dd)")
      ->capture_default_str();
  o->ddl->add_flag("--parquet", o->parquet, "The flow log writes Parquet");
  AddTableOptions(o->ddl, o,
                  "The accounts in the S3 paths, comma-separated (none: "
                  "each query names its account)",
                  "The regions in the S3 paths, comma-separated (none: each "
                  "query names its region)");
  o->ddl->footer(
      "Example:\n  flowmon athena ddl --bucket my-flow-logs --account "
      "123456789012 --region "
      "us-east-1");
  o->sql = cmd->add_subcommand(
      "sql", "Translate a filter pattern, top or metric to Athena SQL");
  o->sql->add_option("--filter", o->filter,
                     "SELECT the records a filter pattern matches");
  o->sql->add_option("--top", o->top,
                     "Top keys like `flowmon top --by` (fields, field/NN)");
  o->sql->add_option("--where", o->where,
                     "--top: only records matching this pattern");
  o->sql->add_option("--sum", o->sum, "--top: rank by bytes or packets");
  o->sql->add_option("--metric", o->metric,
                     "Per-period datapoints of a metric filter");
  o->sql->add_option("--value", o->value, "--metric: 1 or $field")
      ->capture_default_str();
  o->sql
      ->add_option("--period", o->period, "--metric: seconds, a multiple of 60")
      ->check(MetricPeriod())
      ->capture_default_str();
  o->sql->add_option("--query", o->query,
                     "A Logs Insights query (flowmon query's subset)");
  o->sql
      ->add_option("--limit", o->limit,
                   "LIMIT (--top: 20 by default, 0: every key)")
      ->check(WholeAtLeast(0));
  o->sql->add_option(
      "--detect", o->detect,
      "A `flowmon detect` detector (port-scan, brute-force, ...) "
      "as one query");
  o->sql->add_option("--detect-config", o->detect_config,
                     "--detect: its settings, as `flowmon detect --config` "
                     "takes them");
  AddTimeRangeOptions(o->sql, &o->range);
  AddTableOptions(o->sql, o, "Only these accounts (comma-separated)",
                  "Only these regions (comma-separated)");
  o->sql->footer(
      "Examples:\n"
      "  flowmon athena sql --filter '[..., dstport=22, protocol=6, packets, "
      "bytes, start, end, "
      "action=REJECT, status]' --since 2019-07-14 --until 2019-07-15\n"
      "  flowmon athena sql --top srcaddr --where '[..., action=REJECT, "
      "status]' --limit 20\n"
      "  flowmon athena sql --metric '[..., action=REJECT, status]' --period "
      "60\n"
      "  flowmon athena sql --query 'filter action=\"REJECT\" | stats count(*) "
      "as n by srcAddr "
      "| sort n desc | limit 20'");
  return cmd;
}

int RunAthena(const AthenaOptions& o, const GlobalOptions& /*global*/) {
  AthenaTable t;
  t.database = o.database;
  t.table = o.table;
  t.bucket = o.bucket;
  t.prefix = o.prefix;
  t.accounts = o.accounts;
  t.regions = o.regions;
  t.parquet = o.parquet;
  t.hive = o.hive;
  t.per_hour = o.per_hour;
  t.start_date = o.start_date;
  if (Status s = CheckAthenaTable(t); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  if (!o.format.empty()) {
    // raw has no columns to make a table of: it gets the format string's
    // error, as before there were named formats.
    Result<Schema> schema = o.format == "raw"
                                ? Schema::FromFormat(o.format)
                                : Schema::FromFormatOption(o.format);
    if (!schema.ok()) {
      spdlog::error("{}", schema.status().message());
      return kExitUsage;
    }
    t.schema = std::move(*schema);
  }
  Result<std::string> sql = Status::InvalidArgument("");
  if (o.ddl->parsed()) {
    sql = AthenaDdl(t);
  } else {
    AthenaTimeRange range;
    if (Status s = ParseTimeRange(o.range, &range.since, &range.until);
        !s.ok()) {
      spdlog::error("{}", s.message());
      return kExitUsage;
    }
    const int chosen = !o.filter.empty() + !o.top.empty() + !o.metric.empty() +
                       !o.query.empty();
    if (!o.detect.empty() && chosen > 0) {
      spdlog::error(
          "--detect goes without --filter, --top, --metric and --query");
      return kExitUsage;
    }
    if (chosen != 1 && o.detect.empty()) {
      spdlog::error("give one of --filter, --top, --metric and --query");
      return kExitUsage;
    }
    auto compile = [](const std::string& text) {
      return CompiledPattern::Compile(text);
    };
    if (!o.detect.empty()) {
      sql = DetectSql(t, o, range);
    } else if (!o.query.empty()) {
      sql = AthenaQuerySql(t, o.query, range);
    } else if (!o.filter.empty() || !o.metric.empty()) {
      Result<CompiledPattern> p =
          compile(o.filter.empty() ? o.metric : o.filter);
      if (!p.ok()) {
        spdlog::error("{}", p.status().message());
        return kExitUsage;
      }
      sql = o.filter.empty() ? AthenaMetricSql(t, *p, o.value, o.period, range)
                             : AthenaFilterSql(t, *p, range, o.limit);
    } else {
      AthenaTop top;
      top.sum = o.sum;
      if (o.sql->count("--limit")) top.limit = o.limit;  // 0: every key
      size_t pos = 0;
      while (pos <= o.top.size()) {
        size_t comma = o.top.find(',', pos);
        if (comma == std::string::npos) comma = o.top.size();
        const std::string part = o.top.substr(pos, comma - pos);
        Result<int64_t> bucket =
            !part.empty() && std::isdigit(static_cast<unsigned char>(part[0]))
                ? ParseDuration(part)
                : Result<int64_t>(int64_t{0});
        if (!bucket.ok()) {
          spdlog::error("{}", bucket.status().message());
          return kExitUsage;
        }
        if (*bucket > 0) {
          top.bucket_seconds = *bucket;
        } else {
          top.fields.push_back(part);
        }
        pos = comma + 1;
      }
      std::optional<CompiledPattern> where;
      if (!o.where.empty()) {
        Result<CompiledPattern> p = compile(o.where);
        if (!p.ok()) {
          spdlog::error("{}", p.status().message());
          return kExitUsage;
        }
        where = std::move(*p);
      }
      sql = AthenaTopSql(t, where ? &*where : nullptr, top, range);
    }
  }
  if (!sql.ok()) {
    spdlog::error("{}", sql.status().message());
    return kExitUsage;
  }
  WriteOutput(stdout, std::string_view(sql->data(), sql->size()));
  return kExitOk;
}

}  // namespace flowmon
