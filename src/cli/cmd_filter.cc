// flowmon filter: print (or count) the records a filter pattern matches.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

#include "commands.h"
#include "flowmon/core/time_util.h"
#include "flowmon/sinks/printer.h"
#include "option_checks.h"

namespace flowmon {

CLI::App* SetupFilter(CLI::App* app, FilterOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "filter",
      "Print the records that match a CloudWatch Logs filter pattern");
  cmd->add_option("PATTERN", o->pattern,
                  "CloudWatch Logs filter pattern: terms (REJECT -NODATA), "
                  "space-delimited ('[..., action=REJECT, status]'), JSON "
                  "('{ $.level = \"ERROR\" }') or %regex%")
      ->required();
  cmd->add_option("INPUT", o->input.inputs,
                  "Files or directories (recursive); '-' or none: stdin");
  cmd->add_flag("-c,--count", o->count, "Print only the number of matches");
  cmd->add_flag("-v,--invert", o->invert,
                "Select the records that do not match (grep's -v)");
  cmd->add_option("--limit", o->limit, "Stop after N matches (0: no limit)")
      ->check(WholeAtLeast(0));
  AddTimeRangeOptions(cmd, &o->range);
  cmd->add_option("-o,--output", o->output,
                  "text (records unchanged), json, ndjson, csv or tsv")
      ->capture_default_str();
  cmd->add_flag("--no-header", o->no_header,
                "text: do not repeat the inputs' S3 header lines");
  AddInputOptions(cmd, &o->input);
  cmd->footer(
      "Exit status: 0 something matched, 1 nothing matched, 2 usage or "
      "pattern error,\n3 input error (unreadable file, corrupt gzip).\n\n"
      "Examples:\n"
      "  # SSH attempts that were rejected (the default v2 format)\n"
      "  flowmon filter '[version, account, eni, source, destination, "
      "srcport, destport=\"22\", protocol=\"6\", packets, bytes, "
      "windowstart, windowend, action=\"REJECT\", flowlogstatus]' "
      "samples/ssh_rejects.log\n"
      "  # count rejected records in an S3 download, gzip and all\n"
      "  flowmon filter -c '[..., action=REJECT, status]' AWSLogs/\n"
      "  # large transfers as JSON lines\n"
      "  flowmon filter -o ndjson '[v, acct, eni, src, dst, sport, dport, "
      "proto, packets, bytes > 1000000, ...]' flows.log\n"
      "  # terms and regex work on any line; JSON patterns on JSON events\n"
      "  flowmon filter 'REJECT -NODATA' flows.log\n"
      "  flowmon filter '{ $.eventName = \"ConsoleLogin\" }' events.json\n"
      "  # from a pipe, as records arrive\n"
      "  tail -f flows.log | flowmon filter '[..., dstport=3389 || "
      "dstport=22, protocol, packets, bytes, start, end, action, status]'");
  return cmd;
}

int RunFilter(const FilterOptions& o, const GlobalOptions& global) {
  Result<CompiledPattern> pattern = CompiledPattern::Compile(o.pattern);
  if (!pattern.ok()) {
    spdlog::error("{}", pattern.status().message());
    return kExitUsage;
  }
  PipelineOptions options;
  if (Status s = BuildPipelineOptions(o.input, &options); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  if (Status s = ParseTimeRange(o.range, &options.since, &options.until);
      !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  if ((options.since || options.until) && options.schema.raw()) {
    spdlog::error(
        "--since/--until need flow-log records: not with --format raw");
    return kExitUsage;
  }
  // JSON patterns select JSON events, which are not flow-log records.
  if (pattern->wants_json() && o.input.format.empty()) {
    options.schema = Schema::Raw();
  }
  options.pattern = &*pattern;
  options.invert = o.invert;
  // A log group filters on CloudWatch's side first (flowmon checks again).
  if (!o.invert) options.source.remote.filter_pattern = o.pattern;
  // Typed output never writes a string for an integer field; text prints
  // records as they are and does not look.
  options.check_values = !o.count && *format != OutputFormat::kText;
  if (o.limit > 0) options.threads = 1;  // stop exactly at the limit

  PrinterOptions printer;
  printer.format = *format;
  printer.count_only = o.count;
  printer.limit = o.limit;
  printer.print_header = !o.no_header;
  printer.pattern = &*pattern;
  printer.escape_controls = ::isatty(::fileno(stdout)) != 0;
  PrinterSink sink(printer, stdout);

  Diagnostics diag = MakeDiagnostics(o.input);
  // Ctrl-C ends the input as at its end, so that the output is finished
  // (a JSON array closed) rather than cut off.
  InstallStopHandlers();
  const PipelineStats stats =
      RunInputs(o.input, global, /*progress=*/true, &options, &sink, &diag);
  if (Status s = sink.Finish(); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitInput;
  }
  if (global.verbosity >= 1) LogStats(stats);
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  return sink.count() > 0 ? kExitOk : kExitNoMatch;
}

}  // namespace flowmon
