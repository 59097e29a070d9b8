// flowmon test-pattern: the offline twin of `aws logs test-metric-filter`.
#include <spdlog/spdlog.h>

#include "commands.h"
#include "flowmon/core/csv_writer.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

// Prints each matching event with its number and extracted values, as it
// comes: text; json, the TestMetricFilter response shape; ndjson, one
// element of its `matches` a line; csv and tsv, one row per extracted
// value (an event without any: one row with empty, null, cells), as the
// names differ from event to event (`...`).
class TestPatternSink : public RecordSink {
 public:
  TestPatternSink(const CompiledPattern& pattern, OutputFormat format)
      : pattern_(pattern), format_(format) {}

  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<TestPatternSink>(pattern_, format_);
  }
  void Absorb(RecordSink& /*worker*/) override {}  // always one thread

  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    ++matches_;
    switch (format_) {
      case OutputFormat::kJson:
        out_.append(
            std::string_view(matches_ == 1 ? "{\"matches\":[\n" : ",\n"));
        AppendMatch(rec, ctx);
        break;
      case OutputFormat::kNdjson:
        AppendMatch(rec, ctx);
        out_.push_back('\n');
        break;
      case OutputFormat::kCsv:
      case OutputFormat::kTsv:
        AppendRows(rec, ctx, format_ == OutputFormat::kCsv ? ',' : '\t');
        break;
      case OutputFormat::kText:
        AppendText(rec, ctx);
        break;
    }
    Flush();
    return true;
  }

  Status Finish() override {
    if (format_ == OutputFormat::kJson) {
      out_.append(
          std::string_view(matches_ == 0 ? "{\"matches\":[]}\n" : "\n]}\n"));
    }
    // CSV headers are always printed, even with no match.
    if ((format_ == OutputFormat::kCsv || format_ == OutputFormat::kTsv) &&
        matches_ == 0)
      AppendHeader(format_ == OutputFormat::kCsv ? ',' : '\t');
    Flush();
    return FinishOutput(stdout, "stdout");
  }
  uint64_t matches() const { return matches_; }

 private:
  void AppendMatch(const Record& rec, const RecordContext& ctx) {
    fmt::format_to(std::back_inserter(out_),
                   "{{\"eventNumber\":{},\"eventMessage\":", ctx.line_no);
    AppendJsonString(&out_, rec.line);
    out_.append(std::string_view(",\"extractedValues\":{"));
    bool first = true;
    pattern_.ForEachExtracted(rec, [&](std::string_view k, std::string_view v) {
      if (!first) out_.push_back(',');
      first = false;
      AppendJsonString(&out_, k);
      out_.push_back(':');
      AppendJsonString(&out_, v);
    });
    out_.append(std::string_view("}}"));
  }

  void AppendHeader(char sep) {
    for (std::string_view h : {"event_number", "event_message", "field"}) {
      out_.append(h);
      out_.push_back(sep);
    }
    out_.append(std::string_view("value\n"));
  }

  void AppendRows(const Record& rec, const RecordContext& ctx, char sep) {
    if (matches_ == 1) AppendHeader(sep);
    const std::string number = std::to_string(ctx.line_no);
    auto row = [&](std::string_view k, std::string_view v) {
      out_.append(number);
      out_.push_back(sep);
      AppendCsvField(&out_, rec.line, sep);
      out_.push_back(sep);
      AppendCsvField(&out_, k, sep);
      out_.push_back(sep);
      AppendCsvField(&out_, v, sep);
      out_.push_back('\n');
    };
    bool any = false;
    pattern_.ForEachExtracted(rec, [&](std::string_view k, std::string_view v) {
      any = true;
      row(k, v);
    });
    if (!any) row({}, {});
  }

  void AppendText(const Record& rec, const RecordContext& ctx) {
    fmt::format_to(std::back_inserter(out_), "event {}: {}\n", ctx.line_no,
                   rec.line);
    size_t width = 0;
    pattern_.ForEachExtracted(rec, [&](std::string_view k, std::string_view) {
      width = std::max(width, k.size());
    });
    pattern_.ForEachExtracted(rec, [&](std::string_view k, std::string_view v) {
      fmt::format_to(std::back_inserter(out_), "  {:<{}} = {}\n", k, width, v);
    });
  }

  void Flush() {
    WriteOutput(stdout, std::string_view(out_.data(), out_.size()));
    FlushOutput(stdout);
    out_.clear();
  }

  const CompiledPattern& pattern_;
  OutputFormat format_;
  uint64_t matches_ = 0;
  fmt::memory_buffer out_;
};

}  // namespace

CLI::App* SetupTestPattern(CLI::App* app, TestPatternOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "test-pattern",
      "Show which events a filter pattern matches and what it extracts "
      "(offline `aws logs test-metric-filter`)");
  cmd->add_option("PATTERN", o->pattern, "CloudWatch Logs filter pattern")
      ->required();
  cmd->add_option(
      "INPUT", o->input.inputs,
      "Log events: text lines or any CloudWatch input; '-' or none: stdin");
  cmd->add_option("-o,--output", o->output,
                  "text; json (the TestMetricFilter response shape); ndjson "
                  "(one match a line); csv or tsv (one row per extracted "
                  "value)")
      ->capture_default_str();
  AddInputOptions(cmd, &o->input);
  cmd->footer(
      "Events are numbered from 1 in each input: the line number for text, "
      "the\n"
      "event's position for CloudWatch JSON. Extracted values are $name for\n"
      "named fields and $1, $2, ... for the others (space-delimited patterns\n"
      "only, as in the API). Exit status: 0 some event matched, 1 none, 2\n"
      "usage or pattern error, 3 input error.\n\n"
      "Examples:\n"
      "  flowmon test-pattern '[..., request=*.html*, status_code=4*,]' "
      "samples/apache.log\n"
      "  flowmon test-pattern -o json '[..., dstport=22, protocol, packets, "
      "bytes, "
      "start, end, action=REJECT, status]' samples/ssh_rejects.log\n"
      "  aws logs filter-log-events --log-group-name vpc-flow-logs | flowmon "
      "test-pattern '[..., action=REJECT, status]'");
  return cmd;
}

int RunTestPattern(const TestPatternOptions& o, const GlobalOptions& global) {
  Result<CompiledPattern> pattern = CompiledPattern::Compile(o.pattern);
  if (!pattern.ok()) {
    spdlog::error("{}", pattern.status().message());
    return kExitUsage;
  }
  if (pattern->ignores_optional_terms()) {
    spdlog::warn(
        "the '?' terms of this pattern are ignored: CloudWatch ignores '?' "
        "terms beside other terms (for any of several terms, give only '?' "
        "terms)");
  }
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  PipelineOptions options;
  InputOptions input = o.input;
  // Like the API, any log event may be tested: no flow-log format unless
  // one is asked for.
  if (input.format.empty()) input.format = "raw";
  if (Status s = BuildPipelineOptions(input, &options); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  options.pattern = &*pattern;
  options.threads = 1;  // event numbers come from one ordered scan
  TestPatternSink sink(*pattern, *format);
  Diagnostics diag = MakeDiagnostics(o.input);
  RunInputs(o.input, global, /*progress=*/false, &options, &sink, &diag);
  if (Status s = sink.Finish(); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitInput;
  }
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  return sink.matches() > 0 ? kExitOk : kExitNoMatch;
}

}  // namespace flowmon
