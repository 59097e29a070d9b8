// flowmon fields: the flow-log fields flowmon knows, from AWS's tables.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "commands.h"
#include "flowmon/core/csv_writer.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/sinks/printer.h"
#include "option_checks.h"

namespace flowmon {
namespace {

// "vpc tgw": which flow logs write the field; "-" for one flowmon does not
// know.
std::string LogsText(const FlowField& f) {
  std::string out;
  if (f.logs & kVpcFlowLogs) out = "vpc";
  if (f.logs & kTgwFlowLogs) out += out.empty() ? "tgw" : " tgw";
  return out.empty() ? "-" : out;
}

std::string VersionText(const FlowField& f) {
  return IsUnknownField(f) ? "-" : fmt::format("{}", f.version);
}

}  // namespace

CLI::App* SetupFields(CLI::App* app, FieldsOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "fields",
      "List the VPC and Transit Gateway flow-log fields (name, version, "
      "type, Insights name, meaning)");
  cmd->add_option("--version", o->version,
                  "Only fields available in this flow-log version or older")
      ->check(WholeAtLeast(2));
  cmd->add_option("--logs", o->logs,
                  "Only the fields of vpc (VPC) or tgw (Transit Gateway) "
                  "flow logs");
  cmd->add_option("--format", o->format,
                  "Only the fields of this format, in its order: v2, tgw or "
                  "'${version} ${srcaddr} ...'");
  cmd->add_option("-o,--output", o->output, "text, json, ndjson, csv or tsv")
      ->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  flowmon fields\n"
      "  flowmon fields --version 2 -o csv\n"
      "  flowmon fields --format tgw\n"
      "Use the names in --format '${version} ${srcaddr} ...' and in S3 "
      "header lines, the Insights names in flowmon query.");
  return cmd;
}

int RunFields(const FieldsOptions& o, const GlobalOptions& /*global*/) {
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  unsigned char logs = kVpcFlowLogs | kTgwFlowLogs;
  if (o.logs == "vpc") {
    logs = kVpcFlowLogs;
  } else if (o.logs == "tgw") {
    logs = kTgwFlowLogs;
  } else if (!o.logs.empty()) {
    spdlog::error("--logs must be vpc or tgw");
    return kExitUsage;
  }
  std::vector<const FlowField*> fields;
  if (o.format.empty()) {
    for (const FlowField& f : AllFlowFields()) fields.push_back(&f);
  } else {
    Result<Schema> schema = Schema::FromFormatOption(o.format);
    if (!schema.ok() || schema->raw()) {
      spdlog::error("{}", schema.ok() ? "--format raw has no fields"
                                      : schema.status().message());
      return kExitUsage;
    }
    for (size_t i = 0; i < schema->size(); ++i) {
      fields.push_back(&schema->column(i));
    }
  }
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  const char sep = *format == OutputFormat::kTsv ? '\t' : ',';
  bool first = true;
  if (*format == OutputFormat::kText) {
    fmt::format_to(it, "{:<27} {:>7}  {:<6}  {:<7}  {:<23}  {}\n", "FIELD",
                   "VERSION", "TYPE", "LOGS", "INSIGHTS", "DESCRIPTION");
  } else if (*format == OutputFormat::kCsv || *format == OutputFormat::kTsv) {
    fmt::format_to(
        it, "name{0}version{0}type{0}logs{0}insights{0}description\n", sep);
  } else if (*format == OutputFormat::kJson) {
    out.append(std::string_view("["));
  }
  for (const FlowField* field : fields) {
    const FlowField& f = *field;
    if (o.version > 0 && f.version > o.version) continue;
    if (!IsUnknownField(f) && (f.logs & logs) == 0) continue;
    const std::string_view type = f.type == FieldType::kInt ? "int" : "string";
    switch (*format) {
      case OutputFormat::kText:
        fmt::format_to(it, "{:<27} {:>7}  {:<6}  {:<7}  {:<23}  {}\n", f.name,
                       VersionText(f), type, LogsText(f), f.insights,
                       f.description);
        break;
      case OutputFormat::kCsv:
      case OutputFormat::kTsv: {
        fmt::format_to(it, "{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}", sep, f.name,
                       IsUnknownField(f) ? "" : VersionText(f), type,
                       LogsText(f), f.insights);
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
        fmt::format_to(it, ",\"version\":{},\"type\":\"{}\",\"logs\":[",
                       IsUnknownField(f) ? "null" : VersionText(f), type);
        if (f.logs & kVpcFlowLogs) out.append(std::string_view("\"vpc\""));
        if (f.logs & kTgwFlowLogs) {
          out.append(
              std::string_view(f.logs & kVpcFlowLogs ? ",\"tgw\"" : "\"tgw\""));
        }
        out.append(std::string_view("],\"insights\":"));
        AppendJsonString(&out, f.insights);
        out.append(std::string_view(",\"description\":"));
        AppendJsonString(&out, f.description);
        out.push_back('}');
        if (*format == OutputFormat::kNdjson) out.push_back('\n');
        break;
    }
  }
  if (*format == OutputFormat::kJson) out.append(std::string_view("\n]\n"));
  WriteOutput(stdout, std::string_view(out.data(), out.size()));
  return kExitOk;
}

}  // namespace flowmon
