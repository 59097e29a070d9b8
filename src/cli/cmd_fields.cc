// flowmon fields: the flow-log fields flowmon knows, from AWS's table.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "commands.h"
#include "flowmon/core/csv_writer.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {

CLI::App* SetupFields(CLI::App* app, FieldsOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "fields", "List the VPC flow-log fields (name, version, type, meaning)");
  cmd->add_option("--version", o->version,
                  "Only fields available in this flow-log version or older");
  cmd->add_option("-o,--output", o->output, "text, json, ndjson, csv or tsv")
      ->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  flowmon fields\n"
      "  flowmon fields --version 2 -o csv\n"
      "Use the names in --format '${version} ${srcaddr} ...' and in S3 "
      "header lines.");
  return cmd;
}

int RunFields(const FieldsOptions& o, const GlobalOptions& /*global*/) {
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  const char sep = *format == OutputFormat::kTsv ? '\t' : ',';
  bool first = true;
  if (*format == OutputFormat::kText) {
    fmt::format_to(it, "{:<27} {:>7}  {:<6}  {}\n", "FIELD", "VERSION", "TYPE",
                   "DESCRIPTION");
  } else if (*format == OutputFormat::kCsv || *format == OutputFormat::kTsv) {
    fmt::format_to(it, "name{0}version{0}type{0}description\n", sep);
  } else if (*format == OutputFormat::kJson) {
    out.append(std::string_view("["));
  }
  for (const FlowField& f : AllFlowFields()) {
    if (o.version > 0 && f.version > o.version) continue;
    const std::string_view type = f.type == FieldType::kInt ? "int" : "string";
    switch (*format) {
      case OutputFormat::kText:
        fmt::format_to(it, "{:<27} {:>7}  {:<6}  {}\n", f.name, f.version, type,
                       f.description);
        break;
      case OutputFormat::kCsv:
      case OutputFormat::kTsv: {
        fmt::format_to(it, "{1}{0}{2}{0}{3}{0}", sep, f.name, f.version, type);
        AppendCsvField(&out, f.description, sep, CsvQuoting::kAlways);
        out.push_back('\n');
        break;
      }
      case OutputFormat::kJson:
      case OutputFormat::kNdjson:
        if (*format == OutputFormat::kJson)
          out.append(std::string_view(first ? "\n" : ",\n"));
        first = false;
        out.append(std::string_view("{\"name\":"));
        AppendJsonString(&out, f.name);
        fmt::format_to(it, ",\"version\":{},\"type\":\"{}\",\"description\":",
                       f.version, type);
        AppendJsonString(&out, f.description);
        out.push_back('}');
        if (*format == OutputFormat::kNdjson) out.push_back('\n');
        break;
    }
  }
  if (*format == OutputFormat::kJson) out.append(std::string_view("\n]\n"));
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace flowmon
