// flowmon gen: synthetic flow logs (a baseline plus injected scenarios) as
// text, CloudWatch JSON or the S3 layout.
#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "commands.h"
#include "flowmon/core/time_util.h"
#include "flowmon/gen/output.h"
#include "flowmon/gen/traffic.h"
#include "option_checks.h"

namespace flowmon {

CLI::App* SetupGen(CLI::App* app, GenOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "gen",
      "Synthetic flow logs: normal traffic plus injected attacks, the same "
      "for the same seed");
  cmd->add_option("--seed", o->seed, "Random seed")
      ->check(WholeAtLeast(0))
      ->capture_default_str();
  cmd->add_option("--start", o->start,
                  "First minute (now, 1h, yesterday, 2026-11-20, ISO-8601 or "
                  "epoch seconds; docs/times.md)")
      ->capture_default_str();
  cmd->add_option("--duration", o->duration,
                  "How much time to generate (90m, 6h, 1d)")
      ->capture_default_str();
  cmd->add_option("--volume", o->volume,
                  "Connections a minute at the daily peak (each writes 2 to 4 "
                  "records)")
      ->check(PositiveNumber(true))
      ->capture_default_str();
  cmd->add_option("--scenario", o->scenarios,
                  "Inject NAME[:key=value,...] (repeatable; --list-scenarios "
                  "lists them)")
      ->allow_extra_args(false);
  cmd->add_flag("--list-scenarios", o->list_scenarios,
                "List the scenarios and their keys");
  cmd->add_option("--format", o->format,
                  "Record format: 'v2' (default), 'tgw' or '${version} "
                  "${srcaddr} ...'");
  cmd->add_option(
         "-o,--output", o->output,
         "text (lines) or cloudwatch (aws logs filter-log-events JSON)")
      ->capture_default_str();
  cmd->add_option("--s3", o->s3,
                  "Write .log.gz objects in the S3 layout under DIR instead "
                  "of stdout");
  cmd->add_flag("--header", o->header,
                "Start text output with the header line (the default for "
                "formats other than v2)");
  cmd->add_flag("--no-header", o->no_header, "No header line in text output");
  cmd->add_option("--rate", o->rate,
                  "Write at most N records a second (a live pipe)")
      ->check(PositiveNumber(true));
  cmd->add_option("--account", o->account, "Account ID in the records")
      ->capture_default_str();
  cmd->add_option("--region", o->region, "Region in the records and S3 paths")
      ->capture_default_str();
  cmd->footer(
      "The model: VPC A (10.0.0.0/16: web-1, web-2, bastion, app-1, app-2, "
      "db) and VPC B\n"
      "(10.1.0.0/16: batch, api); docs/gen.md describes its traffic.\n\n"
      "Examples:\n"
      "  flowmon gen --duration 6h > day.log\n"
      "  flowmon gen --scenario ssh-brute-force:from=203.0.113.9,at=10:00,"
      "minutes=5 | flowmon detect\n"
      "  flowmon gen --s3 out/ --format '${version} ${account-id} "
      "${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} "
      "${protocol} ${packets} ${bytes} ${start} ${end} ${action} "
      "${log-status} ${vpc-id} ${flow-direction}'\n"
      "  flowmon gen --start now --rate 50 | flowmon detect -o ndjson");
  return cmd;
}

int RunGen(const GenOptions& o, const GlobalOptions& /*global*/) {
  if (o.list_scenarios) {
    for (const gen::ScenarioDoc& d : gen::ScenarioDocs()) {
      fmt::print("{}\n  {}\n  defaults: {}\n", d.kind, d.what, d.keys);
    }
    return kExitOk;
  }
  gen::GenConfig config;
  config.seed = o.seed;
  config.account = o.account;
  config.region = o.region;
  config.volume = o.volume;
  Result<int64_t> now = NowSeconds();
  Result<int64_t> start =
      now.ok() ? ParseUserTime(o.start, *now) : now.status();
  if (!start.ok()) {
    spdlog::error("--start: {}", start.status().message());
    return kExitUsage;
  }
  config.start = *start;
  config.now = *now;
  Result<int64_t> duration = ParseDuration(o.duration);
  if (!duration.ok()) {
    spdlog::error("--duration: {}", duration.status().message());
    return kExitUsage;
  }
  config.duration = *duration;
  for (const std::string& text : o.scenarios) {
    Result<gen::GenScenario> s = gen::ParseScenario(text);
    if (!s.ok()) {
      spdlog::error("{}", s.status().message());
      return kExitUsage;
    }
    config.scenarios.push_back(std::move(*s));
  }
  Result<Schema> schema = Schema::FromFormatOption(o.format);
  if (!schema.ok()) {
    spdlog::error("{}", schema.status().message());
    return kExitUsage;
  }
  if (schema->raw()) {
    spdlog::error("gen writes flow-log records: not with --format raw");
    return kExitUsage;
  }
  if (o.output != "text" && o.output != "cloudwatch") {
    spdlog::error("unknown output format '{}' (expected text or cloudwatch)",
                  o.output);
    return kExitUsage;
  }
  if (o.rate < 0) {
    spdlog::error("--rate must be 0 or more");
    return kExitUsage;
  }
  Result<gen::TrafficGenerator> generator =
      gen::TrafficGenerator::Create(config);
  if (!generator.ok()) {
    spdlog::error("{}", generator.status().message());
    return kExitUsage;
  }
  gen::RecordFormatter formatter(*schema, generator->hosts(),
                                 generator->config());
  std::unique_ptr<gen::RecordWriter> writer;
  if (!o.s3.empty()) {
    writer = gen::NewS3Writer(o.s3, std::move(formatter), generator->config());
  } else if (o.output == "cloudwatch") {
    writer = gen::NewCloudWatchWriter(stdout, std::move(formatter),
                                      generator->hosts());
  } else {
    const bool header =
        !o.no_header && (o.header || !(*schema == Schema::DefaultV2()));
    writer = gen::NewTextWriter(stdout, std::move(formatter), header);
  }
  InstallStopHandlers();
  Status status;
  uint64_t written = 0;
  const auto began = std::chrono::steady_clock::now();
  generator->Run([&](std::span<const gen::GenRecord> records) {
    // With --rate, write in small steps and wait for the clock between them.
    const size_t step =
        o.rate > 0 ? std::max<size_t>(1, static_cast<size_t>(o.rate / 10))
                   : records.size();
    for (size_t i = 0; i < records.size() && status.ok(); i += step) {
      const auto part = records.subspan(i, std::min(step, records.size() - i));
      status = writer->Write(part);
      written += part.size();
      if (o.rate > 0) {
        std::this_thread::sleep_until(
            began + std::chrono::microseconds(static_cast<int64_t>(
                        static_cast<double>(written) * 1e6 / o.rate)));
      }
    }
    return status.ok() && !InputStopRequested();
  });
  if (status.ok()) status = writer->Finish();
  if (!status.ok()) {
    spdlog::error("{}", status.message());
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace flowmon
