// Input flags shared by the subcommands that read flow logs.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <iostream>
#include <thread>
#include <tuple>

#include "commands.h"
#include "flowmon/aws/aws_client.h"
#include "flowmon/aws/remote_inputs.h"
#include "flowmon/core/time_util.h"
#include "flowmon/ingest/input_files.h"
#include "option_checks.h"
#include "progress.h"

namespace flowmon {

void AddInputOptions(CLI::App* app, InputOptions* options) {
  app->add_option("--format", options->format,
                  "Fields of headerless input: 'v2' (default), 'tgw' (the "
                  "Transit Gateway default format), 'raw' (any "
                  "space-delimited text, no field count) or "
                  "'${version} ${srcaddr} ...'. An S3 header line wins.");
  app->add_option("--input-format", options->input_format,
                  "How inputs are encoded: auto (detect), text, cloudwatch "
                  "(aws logs JSON, subscription payloads, Firehose objects), "
                  "subscription (base64 payloads), csv (console download), "
                  "export (CreateExportTask files), tail (aws logs tail)")
      ->capture_default_str();
  app->add_flag("--no-mmap", options->no_mmap,
                "Read files with read() instead of mapping them");
  app->add_option("--max-report", options->max_report,
                  "Malformed lines reported in full (the rest are counted)")
      ->check(WholeAtLeast(0))
      ->capture_default_str();
  app->add_option("--max-errors", options->max_errors,
                  "Exit 3 when more than N lines are malformed")
      ->check(WholeAtLeast(0));
  app->add_option("--threads", options->threads,
                  "Worker threads for files (default: one per core)")
      ->check(WholeAtLeast(1));
  app->add_option("--profile", options->aws.profile,
                  "AWS profile for s3:// and cwlogs:// inputs (and sns: "
                  "targets) (default: AWS_PROFILE, else default)");
  app->add_option("--region", options->aws.region,
                  "AWS region of s3:// buckets and cwlogs:// log groups "
                  "(default: AWS_REGION, the profile's, else us-east-1); for "
                  "alarms also their region, in messages and the alarm ARN "
                  "(default: us-east-1)");
  app->add_option("--endpoint-url", options->aws.endpoint_url,
                  "Send AWS requests to this URL instead (S3 path-style: "
                  "URL/BUCKET/KEY), as the AWS CLI's --endpoint-url");
}

void InstallAwsInputs(const InputOptions& in) {
  RegisterAwsInputs(std::make_shared<AwsClient>(in.aws, ProcessEnvironment()));
}

Status BuildPipelineOptions(const InputOptions& in, PipelineOptions* out) {
  Result<Schema> schema = Schema::FromFormatOption(in.format);
  if (!schema.ok()) return schema.status();
  out->schema = std::move(*schema);
  out->source.use_mmap = !in.no_mmap;
  Result<InputFormat> input_format = ParseInputFormat(in.input_format);
  if (!input_format.ok()) return input_format.status();
  out->source.input_format = *input_format;
  out->max_report = in.max_report;
  unsigned threads = in.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  out->threads = std::min(threads, 64u);
  return Status::Ok();
}

Diagnostics MakeDiagnostics(const InputOptions& in) {
  return Diagnostics(in.max_report, [](bool is_error, std::string_view msg) {
    if (is_error) {
      spdlog::error("{}", msg);
    } else {
      spdlog::warn("{}", msg);
    }
  });
}

bool StdinIsTerminal(const InputOptions& in, const CLI::App& app) {
  const bool reads_stdin =
      in.inputs.empty() ||
      std::find(in.inputs.begin(), in.inputs.end(), "-") != in.inputs.end();
  if (!reads_stdin || !::isatty(0)) return false;
  std::cerr << app.help() << "\nflowmon: records would come from stdin, "
            << "which is a terminal: give files, or pipe records in\n";
  return true;
}

int InputExitCode(const InputOptions& in, const Diagnostics& diag) {
  if (diag.input_errors() > 0) return kExitInput;
  if (in.max_errors && diag.malformed() > *in.max_errors) {
    spdlog::error("{} malformed lines, more than --max-errors={}",
                  diag.malformed(), *in.max_errors);
    return kExitInput;
  }
  return -1;
}

PipelineStats RunInputs(const InputOptions& in, const GlobalOptions& global,
                        bool progress, PipelineOptions* options,
                        RecordSink* sink, Diagnostics* diag) {
  size_t pruned = 0;
  ExpandedInputs inputs =
      ExpandInputs(in.inputs, options->since, options->until, &pruned);
  if (pruned > 0) {
    spdlog::info("skipped {} files outside --since/--until by their S3 path",
                 pruned);
  }
  for (const Status& s : inputs.errors) diag->InputError(s);
  ProgressBar bar(progress && global.verbosity >= 0,
                  TotalFileBytes(inputs.files));
  options->progress = [&bar](const PipelineProgress& p) { bar.Update(p); };
  PipelineStats stats = RunPipeline(inputs.files, *options, sink, diag);
  options->progress = nullptr;
  return stats;
}

void AddTimeRangeOptions(CLI::App* app, TimeRangeText* text) {
  app->add_option("--since", text->since,
                  "Only records at or after this time (1h, 30m, 2d, "
                  "yesterday, today, now, 2026-11-20, ISO-8601 or epoch "
                  "seconds; docs/times.md); a record's time is its "
                  "CloudWatch event time, else its start")
      ->type_name("TIME");
  app->add_option("--until", text->until,
                  "Only records before this time (as --since)")
      ->type_name("TIME");
}

Status ParseTimeRange(const TimeRangeText& text, std::optional<int64_t>* since,
                      std::optional<int64_t>* until) {
  for (const auto& [name, typed, slot] :
       {std::tuple{"--since", &text.since, since},
        std::tuple{"--until", &text.until, until}}) {
    if (typed->empty()) continue;
    Result<int64_t> now = NowSeconds();
    if (!now.ok()) return now.status();
    Result<int64_t> t = ParseUserTime(*typed, *now);
    if (!t.ok()) {
      return Status::InvalidArgument(
          fmt::format("{}: {}", name, t.status().message()));
    }
    *slot = *t;
  }
  // A range that ends before it starts selects nothing whatever the input
  // (AWS rejects an end time before the start time too).
  if (*since && *until && **since > **until) {
    return Status::InvalidArgument("--since must not be after --until");
  }
  return Status::Ok();
}

void LogStats(const PipelineStats& s) {
  spdlog::info(
      "read {} lines, {} bytes: {} selected, {} not selected, {} malformed, "
      "{} header, {} blank",
      s.lines, s.bytes, s.selected, s.rejected, s.malformed, s.headers,
      s.blank);
}

}  // namespace flowmon
