// flowmon test-pattern: the offline twin of `aws logs test-metric-filter`.
#include <spdlog/spdlog.h>

#include "commands.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"

namespace flowmon {
namespace {

// Prints each matching event with its number and extracted values, as it
// comes (text), or the TestMetricFilter response shape (json).
class TestPatternSink : public RecordSink {
 public:
  TestPatternSink(const CompiledPattern& pattern, bool json)
      : pattern_(pattern), json_(json) {}

  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<TestPatternSink>(pattern_, json_);
  }
  void Absorb(RecordSink& /*worker*/) override {}  // always one thread

  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    ++matches_;
    if (json_) {
      out_.append(std::string_view(matches_ == 1 ? "{\"matches\":[\n" : ",\n"));
      fmt::format_to(std::back_inserter(out_),
                     "{{\"eventNumber\":{},\"eventMessage\":", ctx.line_no);
      AppendJsonString(&out_, rec.line);
      out_.append(std::string_view(",\"extractedValues\":{"));
      bool first = true;
      pattern_.ForEachExtracted(rec,
                                [&](std::string_view k, std::string_view v) {
                                  if (!first) out_.push_back(',');
                                  first = false;
                                  AppendJsonString(&out_, k);
                                  out_.push_back(':');
                                  AppendJsonString(&out_, v);
                                });
      out_.append(std::string_view("}}"));
    } else {
      fmt::format_to(std::back_inserter(out_), "event {}: {}\n", ctx.line_no,
                     rec.line);
      size_t width = 0;
      pattern_.ForEachExtracted(rec, [&](std::string_view k, std::string_view) {
        width = std::max(width, k.size());
      });
      pattern_.ForEachExtracted(
          rec, [&](std::string_view k, std::string_view v) {
            fmt::format_to(std::back_inserter(out_), "  {:<{}} = {}\n", k,
                           width, v);
          });
    }
    Flush();
    return true;
  }

  Status Finish() override {
    if (json_) {
      out_.append(
          std::string_view(matches_ == 0 ? "{\"matches\":[]}\n" : "\n]}\n"));
    }
    Flush();
    return FinishOutput(stdout, "stdout");
  }
  uint64_t matches() const { return matches_; }

 private:
  void Flush() {
    WriteOutput(stdout, std::string_view(out_.data(), out_.size()));
    FlushOutput(stdout);
    out_.clear();
  }

  const CompiledPattern& pattern_;
  bool json_;
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
                  "text, or json (the TestMetricFilter response shape)")
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
  if (o.output != "text" && o.output != "json") {
    spdlog::error("unknown output format '{}' (expected text or json)",
                  o.output);
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
  TestPatternSink sink(*pattern, o.output == "json");
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
