// The metric-filter options and run shared by `metric` and `alarm`.
#include <spdlog/spdlog.h>

#include <csignal>

#include "commands.h"
#include "flowmon/alarm/metric_filter.h"
#include "flowmon/core/time_util.h"
#include "option_checks.h"

namespace flowmon {

void AddMetricOptions(CLI::App* app, MetricOptions* o, bool dimensions) {
  app->add_option(
      "--pattern", o->pattern,
      "The metric filter's pattern (any CloudWatch filter pattern)");
  app->add_option(
         "--value", o->value,
         "Metric value per match: a number (default 1), $field (a name in "
         "the pattern) or $.json.path")
      ->capture_default_str();
  app->add_option("--default-value", o->default_value,
                  "Published for minutes that have log events but no match");
  if (dimensions) {
    app->add_option(
           "--dimension", o->dimensions,
           "Name=$field or Name=$.json.path: one series per value (up to 3)")
        ->allow_extra_args(false);
  }
  app->add_option("--period", o->period,
                  "Seconds per datapoint, a multiple of 60")
      ->check(MetricPeriod())
      ->capture_default_str();
  app->add_option("--stat", o->stat,
                  "SampleCount, Sum, Average, Minimum, Maximum, pNN or pNN.N")
      ->capture_default_str();
  app->add_option(
         "--lateness", o->lateness,
         "How long after a minute ends (in event time) records may still "
         "arrive for it on a stream")
      ->capture_default_str();
  app->add_option("INPUT", o->input.inputs,
                  "Files or directories (recursive); '-' or none: stdin");
  AddInputOptions(app, &o->input);
}

namespace {

void OnStopSignal(int signo) { RequestInputStop(signo); }

}  // namespace

void InstallStopHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocked read() returns EINTR
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

void AddReplayWindowOptions(CLI::App* app, TimeRangeText* text) {
  app->add_option("--since", text->since,
                  "Evaluate from this time on (1h, yesterday, 2026-11-20, "
                  "ISO-8601, epoch seconds; docs/times.md), "
                  "with or without data; earlier records only fill the "
                  "evaluation range (default: from the first datapoint)")
      ->type_name("TIME");
  app->add_option("--until", text->until,
                  "Evaluate every period up to and including this time, "
                  "with or without data (default: up to the last period "
                  "with data)")
      ->type_name("TIME");
}

Result<ReplayWindow> ParseReplayWindow(const TimeRangeText& text) {
  ReplayWindow window;
  if (Status s = ParseTimeRange(text, &window.since, &window.until); !s.ok()) {
    return s;
  }
  return window;
}

std::string DescribeReplayWindow(const ReplayWindow& window) {
  std::string out;
  if (window.since) out += " from " + FormatIso8601(*window.since);
  if (window.until) out += " until " + FormatIso8601(*window.until);
  return out.empty() ? out : "; evaluated" + out;
}

int RunMetricFlags(const MetricOptions& o, const GlobalOptions& /*global*/,
                   bool keep_values, AlarmEvaluator* alarm,
                   const std::function<void(const ClosedMinute&)>& on_minute) {
  Result<CompiledPattern> pattern = CompiledPattern::Compile(o.pattern);
  if (!pattern.ok()) {
    spdlog::error("{}", pattern.status().message());
    return kExitUsage;
  }
  PipelineOptions options;
  InputOptions input = o.input;
  if (pattern->wants_json() && input.format.empty()) input.format = "raw";
  if (Status s = BuildPipelineOptions(input, &options); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  Result<int64_t> lateness = ParseDuration(o.lateness);
  if (!lateness.ok()) {
    spdlog::error("{}", lateness.status().message());
    return kExitUsage;
  }
  MetricFilterConfig config;
  config.pattern = &*pattern;
  options.source.remote.filter_pattern = o.pattern;
  config.metric.value = o.value;
  config.metric.default_value = o.default_value;
  config.metric.dimensions = o.dimensions;
  config.keep_values = keep_values;
  config.lateness = *lateness;
  config.alarm = alarm;
  config.on_minute = on_minute;
  Diagnostics diag = MakeDiagnostics(o.input);
  Result<MetricFilterResult> run =
      RunMetricFilter(config, std::move(options), o.input.inputs, &diag);
  if (!run.ok()) {
    spdlog::error("{}", run.status().message());
    return kExitUsage;
  }
  const MetricCounters& c = run->counters;
  if (c.non_numeric > 0) {
    spdlog::warn(
        "{} matching events had a non-numeric value for {} (published nothing)",
        c.non_numeric, o.value);
  }
  if (c.untimed > 0) {
    spdlog::warn(
        "{} matching events had no time (no CloudWatch timestamp and no "
        "start field) and were skipped",
        c.untimed);
  }
  if (c.late > 0) {
    spdlog::warn(
        "{} events arrived after their minute was published (more than "
        "--lateness {} late) and were dropped",
        c.late, o.lateness);
  }
  if (c.no_dimension > 0) {
    spdlog::warn(
        "{} matching events lacked a dimension's value and were skipped",
        c.no_dimension);
  }
  const int code = InputExitCode(o.input, diag);
  return code >= 0 ? code : -1;
}

}  // namespace flowmon
