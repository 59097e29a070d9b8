// The subcommands: option structs, CLI11 set-up and run functions.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "flowmon/diagnostics.h"
#include "flowmon/metric.h"
#include "flowmon/pipeline.h"

namespace flowmon {

struct GlobalOptions {
  int verbosity = 0;  // -q: -1, -v: 1, -vv: 2
};

// Options every subcommand that reads flow logs shares.
struct InputOptions {
  std::vector<std::string> inputs;
  std::string format;                 // --format: v2, raw or '${field} ...'
  std::string input_format = "auto";  // --input-format
  bool no_mmap = false;
  size_t max_report = 10;
  std::optional<uint64_t> max_errors;
  unsigned threads = 0;  // 0: one per core
};

void AddInputOptions(CLI::App* app, InputOptions* options);
// Fills the input side of *out from the flags; usage errors come back.
Status BuildPipelineOptions(const InputOptions& in, PipelineOptions* out);
// A Diagnostics that logs to stderr with the global verbosity.
Diagnostics MakeDiagnostics(const InputOptions& in);
// True (after printing usage) when input would come from a terminal.
bool StdinIsTerminal(const InputOptions& in, const CLI::App& app);
// The exit code for input problems after a run, or -1 when there were none.
int InputExitCode(const InputOptions& in, const Diagnostics& diag);
// With -v: "read N lines: ..." on stderr.
void LogStats(const PipelineStats& stats);

struct FilterOptions {
  InputOptions input;
  std::string pattern;
  bool count = false;
  bool invert = false;
  uint64_t limit = 0;
  std::string since, until;
  std::string output = "text";
  bool no_header = false;
};
CLI::App* SetupFilter(CLI::App* app, FilterOptions* options);
int RunFilter(const FilterOptions& options, const GlobalOptions& global);

struct TestPatternOptions {
  InputOptions input;
  std::string pattern;
  std::string output = "text";
};
CLI::App* SetupTestPattern(CLI::App* app, TestPatternOptions* options);
int RunTestPattern(const TestPatternOptions& options,
                   const GlobalOptions& global);

// Options of the metric filter behind `metric` and `alarm --pattern`.
struct MetricOptions {
  InputOptions input;
  std::string pattern;
  std::string value = "1";
  std::optional<double> default_value;
  std::vector<std::string> dimensions;
  int64_t period = 60;
  std::string stat = "Sum";
  std::string lateness = "10m";
};
void AddMetricOptions(CLI::App* app, MetricOptions* options, bool dimensions);
// Runs the metric filter over the inputs and hands each closed minute to
// `on_minute`, in time order. Returns -1 on success or an exit code; prints
// what it skipped. On a stream, `on_advance` learns the time before which
// every minute is final.
int RunMetricFilter(const MetricOptions& options, const GlobalOptions& global,
                    bool keep_values,
                    const std::function<void(const ClosedMinute&)>& on_minute,
                    const std::function<void(int64_t)>& on_advance = nullptr);
// SIGINT/SIGTERM end the input cleanly, so summaries still come out.
void InstallStopHandlers();

struct MetricCommandOptions {
  MetricOptions metric;
  std::string output = "text";
};
CLI::App* SetupMetric(CLI::App* app, MetricCommandOptions* options);
int RunMetric(const MetricCommandOptions& options, const GlobalOptions& global);

struct AlarmOptions {
  MetricOptions metric;
  std::string datapoints;  // --datapoints FILE|-
  double threshold = 0;
  std::string comparison;
  int evaluation_periods = 1;
  int datapoints_to_alarm = 0;
  std::string treat_missing = "missing";
  std::string initial_state = "INSUFFICIENT_DATA";
  std::string name = "flowmon-alarm";
  std::string fail_on = "final";
  std::string output = "text";
};
CLI::App* SetupAlarm(CLI::App* app, AlarmOptions* options);
int RunAlarm(const AlarmOptions& options, const GlobalOptions& global);

struct FieldsOptions {
  std::string output = "text";
  int version = 0;
};
CLI::App* SetupFields(CLI::App* app, FieldsOptions* options);
int RunFields(const FieldsOptions& options, const GlobalOptions& global);

}  // namespace flowmon
