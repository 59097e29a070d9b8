// flowmon query: a CloudWatch Logs Insights subset, run locally.
#include <spdlog/spdlog.h>

#include "chart.h"
#include "commands.h"
#include "flowmon/core/csv_writer.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "flowmon/insights/query.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

// Times as the Insights console shows them in the text table, and in the
// one time format of machine outputs (ISO-8601 UTC, docs/output.md) in the
// others.
enum class TimeStyle { kInsights, kIso8601 };

// A cell as the Insights console writes it, appended to *out.
void AppendCell(const QueryValue& v, bool time, std::string* out) {
  if (const std::string* s = std::get_if<std::string>(&v)) {
    out->append(*s);
  } else if (const double* d = std::get_if<double>(&v)) {
    if (time) {
      out->append(InsightsTime(static_cast<int64_t>(*d)));
    } else {
      AppendInsightsNumber(*d, out);
    }
  }
}

std::string Cell(const QueryValue& v, bool time,
                 TimeStyle style = TimeStyle::kInsights) {
  const double* d = std::get_if<double>(&v);
  if (d != nullptr && time && style == TimeStyle::kIso8601) {
    return FormatIso8601Ms(static_cast<int64_t>(*d));
  }
  std::string s;
  AppendCell(v, time, &s);
  return s;
}

bool IsAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// `n` spaces (fmt's fill for a cell narrower than its column).
std::string_view Spaces(size_t n) {
  static const std::string kSpaces(256, ' ');
  if (n <= kSpaces.size()) return std::string_view(kSpaces).substr(0, n);
  static thread_local std::string wide;
  wide.assign(n, ' ');
  return wide;
}

}  // namespace

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
  const QueryResult r = (*sink)->Output();
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  switch (*format) {
    case OutputFormat::kText: {
      // Each cell is rendered once, and padded by hand when it is ASCII
      // (its width is its size): with a row per group, the table is much
      // of a query's time.
      std::string cells;
      std::vector<size_t> ends;
      ends.reserve(r.rows.size() * r.columns.size());
      std::vector<size_t> widths;
      for (const std::string& c : r.columns) widths.push_back(c.size());
      for (const auto& row : r.rows) {
        for (size_t i = 0; i < row.size(); ++i) {
          const size_t begin = cells.size();
          AppendCell(row[i], r.time_columns[i], &cells);
          ends.push_back(cells.size());
          widths[i] = std::max(widths[i], cells.size() - begin);
        }
      }
      for (size_t i = 0; i < r.columns.size(); ++i) {
        fmt::format_to(it, "{:<{}}{}", r.columns[i], widths[i],
                       i + 1 < r.columns.size() ? "  " : "\n");
      }
      size_t n = 0, begin = 0;
      for (const auto& row : r.rows) {
        for (size_t i = 0; i < row.size(); ++i, ++n) {
          const bool number =
              std::holds_alternative<double>(row[i]) && !r.time_columns[i];
          const std::string_view cell(cells.data() + begin, ends[n] - begin);
          begin = ends[n];
          const size_t width = number || i + 1 < row.size() ? widths[i] : 0;
          if (!IsAscii(cell)) {
            if (number) {
              fmt::format_to(it, "{:>{}}", cell, width);
            } else {
              fmt::format_to(it, "{:<{}}", cell, width);
            }
          } else {
            const size_t pad = width > cell.size() ? width - cell.size() : 0;
            if (number) out.append(Spaces(pad));
            out.append(cell);
            if (!number) out.append(Spaces(pad));
          }
          out.append(std::string_view(i + 1 < row.size() ? "  " : "\n"));
        }
      }
      fmt::format_to(it, "({} row{})\n", r.rows.size(),
                     r.rows.size() == 1 ? "" : "s");
      break;
    }
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      const char sep = *format == OutputFormat::kCsv ? ',' : '\t';
      auto cell = [&](std::string_view v) { AppendCsvField(&out, v, sep); };
      for (size_t i = 0; i < r.columns.size(); ++i) {
        if (i > 0) out.push_back(sep);
        cell(r.columns[i]);
      }
      out.push_back('\n');
      for (const auto& row : r.rows) {
        for (size_t i = 0; i < row.size(); ++i) {
          if (i > 0) out.push_back(sep);
          cell(Cell(row[i], r.time_columns[i], TimeStyle::kIso8601));
        }
        out.push_back('\n');
      }
      break;
    }
    case OutputFormat::kJson:
    case OutputFormat::kNdjson: {
      const bool array = *format == OutputFormat::kJson;
      if (array) out.push_back('[');
      for (size_t n = 0; n < r.rows.size(); ++n) {
        if (array) out.append(std::string_view(n == 0 ? "\n" : ",\n"));
        out.push_back('{');
        for (size_t i = 0; i < r.columns.size(); ++i) {
          if (i > 0) out.push_back(',');
          AppendJsonString(&out, r.columns[i]);
          out.push_back(':');
          const QueryValue& v = r.rows[n][i];
          if (std::holds_alternative<std::monostate>(v)) {
            out.append(std::string_view("null"));
          } else if (std::holds_alternative<double>(v) && !r.time_columns[i]) {
            out.append(Cell(v, false));
          } else {
            AppendJsonString(&out,
                             Cell(v, r.time_columns[i], TimeStyle::kIso8601));
          }
        }
        out.push_back('}');
        if (!array) out.push_back('\n');
      }
      if (array) out.append(std::string_view(r.rows.empty() ? "]\n" : "\n]\n"));
      break;
    }
  }
  WriteOutput(stdout, std::string_view(out.data(), out.size()));
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  return r.rows.empty() ? kExitNoMatch : kExitOk;
}

}  // namespace flowmon
