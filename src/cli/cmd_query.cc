// flowmon query: a CloudWatch Logs Insights subset, run locally.
#include <spdlog/spdlog.h>

#include "chart.h"
#include "commands.h"
#include "flowmon/core/output.h"
#include "flowmon/insights/query.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {

CLI::App* SetupQuery(CLI::App* app, QueryOptions* o) {
  CLI::App* cmd = app->add_subcommand("query",
                                      "Run a CloudWatch Logs Insights query (a "
                                      "subset) over flow logs, locally");
  cmd->add_option(
         "QUERY", o->query,
         "fields | filter | parse | stats ... by | sort | limit | dedup | "
         "display")
      ->required();
  cmd->add_option("INPUT", o->input.inputs,
                  "Files or directories (recursive); '-' or none: stdin");
  cmd->add_option("-o,--output", o->output, "text, csv, tsv, json or ndjson")
      ->capture_default_str();
  AddTimeRangeOptions(cmd, &o->range);
  AddInputOptions(cmd, &o->input);
  cmd->footer(
      "Fields have their Insights names: srcAddr, dstAddr, srcPort, dstPort, "
      "protocol,\n"
      "packets, bytes, startTime, endTime, action, logStatus, interfaceId, "
      "accountId,\n"
      "version, @timestamp (the record's start) and @message; a name with a "
      "'-' needs\n"
      "backticks (`log-status`). What flowmon does not support is an error. "
      "See\n"
      "docs/query.md.\n\n"
      "Examples:\n"
      "  flowmon query 'filter action=\"REJECT\" | stats count(*) as "
      "numRejections by srcAddr "
      "| sort numRejections desc | limit 20' samples/v2.log\n"
      "  flowmon query 'stats sum(bytes) as bytesTransferred by srcAddr, "
      "dstAddr | sort "
      "bytesTransferred desc | limit 10' -o json samples/AWSLogs/\n"
      "  flowmon query 'filter logStatus=\"SKIPDATA\" | stats count(*) by "
      "bin(1h) as t | sort t' "
      "samples/v2.log\n"
      "  flowmon query 'parse @message /(?<eni>eni-\\S+)/ | stats "
      "sum(bytes) / 1024 as kb by eni' samples/v2.log");
  return cmd;
}

int RunQuery(const QueryOptions& o, const GlobalOptions& global) {
  Result<std::unique_ptr<QuerySink>> sink = QuerySink::Create(o.query);
  if (!sink.ok()) {
    spdlog::error("invalid query: {}", sink.status().message());
    return kExitUsage;
  }
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  PipelineOptions options;
  if (Status s = BuildPipelineOptions(o.input, &options); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  if (Status s = ParseTimeRange(o.range, &options.since, &options.until);
      !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  options.pattern = (*sink)->prefilter();
  Diagnostics diag = MakeDiagnostics(o.input);
  RunInputs(o.input, global, /*progress=*/false, &options, sink->get(), &diag);
  const size_t rows = (*sink)->Write(*format, stdout);
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  return rows == 0 ? kExitNoMatch : kExitOk;
}

}  // namespace flowmon
