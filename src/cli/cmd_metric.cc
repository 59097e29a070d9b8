// flowmon metric: a metric filter's datapoints, one per period.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "chart.h"
#include "commands.h"
#include "flowmon/core/csv_writer.h"
#include "flowmon/core/dimension_key.h"
#include "flowmon/core/human_text.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "flowmon/sinks/period_builder.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

// A dimension key ("Name=a,Other=b", flowmon/core/dimension_key.h) as a
// JSON object of its unescaped pairs.
void AppendDimensions(fmt::memory_buffer* out, std::string_view dims) {
  DimensionPairs pairs;
  // The metric sink built the key, so it always parses.
  ParseDimensionKey(dims, &pairs);
  out->push_back('{');
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(out, pairs[i].first);
    out->push_back(':');
    AppendJsonString(out, pairs[i].second);
  }
  out->push_back('}');
}

}  // namespace

CLI::App* SetupMetric(CLI::App* app, MetricCommandOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "metric",
      "Datapoints of a CloudWatch metric filter: one value per period");
  AddMetricOptions(cmd, &o->metric, /*dimensions=*/true);
  cmd->get_option("--pattern")->required();
  cmd->add_option("-o,--output", o->output,
                  "text (a table with bars), csv or tsv "
                  "(time,value,sample_count), json, ndjson")
      ->capture_default_str();
  cmd->footer(
      "A record's time is its CloudWatch event timestamp, else its start "
      "field.\n"
      "Periods with no match have no datapoint unless --default-value is given "
      "and\n"
      "they have log events. Exit status: 0 datapoints came out, 1 none, 2 "
      "usage,\n"
      "3 input error.\n\n"
      "Examples:\n"
      "  flowmon metric --pattern '[..., dstport=22, protocol, packets, bytes, "
      "start, "
      "end, action=REJECT, status]' samples/v2.log\n"
      "  flowmon metric --pattern '[v, a, e, src, dst, sp, dp, p, packets, "
      "bytes, "
      "start, end, action=REJECT, status]' --value '$bytes' --stat Maximum "
      "--period 300 "
      "samples/v2.log\n"
      "  flowmon metric --pattern '[..., action=REJECT, status]' "
      "--default-value 0 -o csv "
      "samples/v2.log | flowmon alarm --datapoints - --threshold 3 "
      "--comparison "
      "GreaterThanOrEqualToThreshold");
  return cmd;
}

int RunMetric(const MetricCommandOptions& o, const GlobalOptions& global) {
  Result<Statistic> stat = Statistic::Parse(o.metric.stat);
  if (!stat.ok()) {
    spdlog::error("{}", stat.status().message());
    return kExitUsage;
  }
  if (o.metric.period <= 0 || o.metric.period % 60 != 0) {
    spdlog::error(
        "--period must be a multiple of 60 seconds (metric filters publish "
        "one-minute data)");
    return kExitUsage;
  }
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  const bool delimited =
      *format == OutputFormat::kCsv || *format == OutputFormat::kTsv;
  const char sep = *format == OutputFormat::kTsv ? '\t' : ',';
  InstallStopHandlers();
  const bool dims = !o.metric.dimensions.empty();
  std::vector<Datapoint> table;  // text output: printed at the end
  uint64_t count = 0;
  fmt::memory_buffer out;
  auto flush = [&] {
    WriteOutput(stdout, std::string_view(out.data(), out.size()));
    FlushOutput(stdout);
    out.clear();
  };
  if (delimited) {
    fmt::format_to(std::back_inserter(out), "time{0}value{0}sample_count{1}\n",
                   sep, dims ? fmt::format("{}dimensions", sep) : "");
  }
  PeriodBuilder periods(o.metric.period, *stat, [&](const Datapoint& d) {
    ++count;
    switch (*format) {
      case OutputFormat::kCsv:
      case OutputFormat::kTsv:
        fmt::format_to(std::back_inserter(out), "{1}{0}{2}{0}{3}", sep,
                       FormatIso8601(d.time), Number(d.value),
                       Number(d.samples));
        if (dims) {
          out.push_back(sep);
          AppendCsvField(&out, d.dimensions, sep, CsvQuoting::kAlways);
        }
        out.push_back('\n');
        break;
      case OutputFormat::kJson:
      case OutputFormat::kNdjson:
        if (*format == OutputFormat::kJson) {
          out.append(std::string_view(count == 1 ? "[\n" : ",\n"));
        }
        fmt::format_to(std::back_inserter(out),
                       "{{\"time\":\"{}\",\"value\":{},\"sample_count\":{}",
                       FormatIso8601(d.time), Number(d.value),
                       Number(d.samples));
        if (dims) {
          out.append(std::string_view(",\"dimensions\":"));
          AppendDimensions(&out, d.dimensions);
        }
        out.push_back('}');
        if (*format == OutputFormat::kNdjson) out.push_back('\n');
        break;
      default:
        table.push_back(d);
        return;
    }
    flush();  // a stream sees each period as it closes
  });
  const int code =
      RunMetricFlags(o.metric, global, stat->needs_values(), /*alarm=*/nullptr,
                     [&](const ClosedMinute& m) { periods.Add(m); });
  if (code >= 0 && code != kExitInput) return code;
  periods.Finish();
  if (*format == OutputFormat::kJson)
    out.append(std::string_view(count ? "\n]\n" : "[]\n"));
  if (*format == OutputFormat::kText) {
    double scale = 0;
    size_t dim_width = 10;
    for (const Datapoint& d : table) {
      scale = std::max(scale, d.value);
      dim_width = std::max(dim_width, d.dimensions.size());
    }
    fmt::format_to(std::back_inserter(out), "{:<20}  {}{:>12}  {:>8}\n", "TIME",
                   dims ? fmt::format("{:<{}}  ", "DIMENSIONS", dim_width) : "",
                   stat->name, "SAMPLES");
    for (const Datapoint& d : table) {
      fmt::format_to(
          std::back_inserter(out), "{:<20}  {}{:>12}  {:>8}  {}\n",
          FormatIso8601(d.time),
          dims ? fmt::format("{:<{}}  ", d.dimensions, dim_width) : "",
          GroupThousands(d.value), GroupThousands(d.samples),
          Bar(d.value, scale, 40, std::nullopt, global.color));
    }
    if (table.empty()) out.append(std::string_view("(no datapoints)\n"));
  }
  flush();
  if (code == kExitInput) return kExitInput;
  return count > 0 ? kExitOk : kExitNoMatch;
}

}  // namespace flowmon
