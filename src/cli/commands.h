// The subcommands: option structs, CLI11 set-up and run functions.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/aws/credentials.h"
#include "flowmon/notify/notifications.h"
#include "flowmon/pipeline/diagnostics.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/sinks/metric.h"

namespace flowmon {

struct GlobalOptions {
  int verbosity = 0;   // -q: -1, --verbose: 1, twice: 2
  bool color = false;  // --color, NO_COLOR and whether stdout is a terminal
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
  AwsSettings aws;       // --profile, --region, --endpoint-url
};

void AddInputOptions(CLI::App* app, InputOptions* options);
// Registers the s3:// and cwlogs:// inputs with the engine for `in`'s AWS
// settings (main calls it for the command that runs).
void InstallAwsInputs(const InputOptions& in);
// Fills the input side of *out from the flags; usage errors come back.
Status BuildPipelineOptions(const InputOptions& in, PipelineOptions* out);
// A Diagnostics that logs to stderr with the global verbosity.
Diagnostics MakeDiagnostics(const InputOptions& in);
// True (after printing usage) when input would come from a terminal.
bool StdinIsTerminal(const InputOptions& in, const CLI::App& app);
// The exit code for input problems after a run, or -1 when there were none.
int InputExitCode(const InputOptions& in, const Diagnostics& diag);
// Expands in.inputs (S3 folders outside options->since/until are skipped),
// reports paths that cannot be read, and runs the pipeline into `sink`,
// with a progress bar when `progress` and stderr is a terminal.
PipelineStats RunInputs(const InputOptions& in, const GlobalOptions& global,
                        bool progress, PipelineOptions* options,
                        RecordSink* sink, Diagnostics* diag);
// --since/--until as typed: epoch seconds or ISO-8601.
struct TimeRangeText {
  std::string since, until;
};
void AddTimeRangeOptions(CLI::App* app, TimeRangeText* text);
// The typed range into *since/*until (left unset where not given); an
// InvalidArgument when a time is not one, or --since is after --until.
Status ParseTimeRange(const TimeRangeText& text, std::optional<int64_t>* since,
                      std::optional<int64_t>* until);
// With -v: "read N lines: ..." on stderr.
void LogStats(const PipelineStats& stats);

struct FilterOptions {
  InputOptions input;
  std::string pattern;
  bool count = false;
  bool invert = false;
  uint64_t limit = 0;
  TimeRangeText range;
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
// Runs the flags' metric filter over the inputs (RunMetricFilter): each
// closed minute goes to `alarm` (may be null) and `on_minute` (may be
// empty), in time order. Returns -1 on success or an exit code; prints
// what it skipped.
int RunMetricFlags(const MetricOptions& options, const GlobalOptions& global,
                   bool keep_values, AlarmEvaluator* alarm,
                   const std::function<void(const ClosedMinute&)>& on_minute);
// SIGINT/SIGTERM end the input cleanly, so summaries still come out.
void InstallStopHandlers();
// --since/--until of `alarm` and `check`: the ReplayWindow, as typed.
void AddReplayWindowOptions(CLI::App* app, TimeRangeText* text);
// The typed window; usage errors (a bad time, since after until) come back.
Result<ReplayWindow> ParseReplayWindow(const TimeRangeText& text);
// "; evaluated from X until Y" (the parts given), or "" without a window.
std::string DescribeReplayWindow(const ReplayWindow& window);

struct MetricCommandOptions {
  MetricOptions metric;
  std::string output = "text";
};
CLI::App* SetupMetric(CLI::App* app, MetricCommandOptions* options);
int RunMetric(const MetricCommandOptions& options, const GlobalOptions& global);

// --notify and what the SNS-shaped message says about the alarm.
struct NotifyCliOptions {
  std::vector<std::string> targets;
  std::string format = "sns";
  double timeout = 5;
  int retries = 2;
  double budget = 60;                // --notify-budget
  std::string on;                    // --notify-on ALARM,OK,...
  std::vector<std::string> headers;  // --notify-header
  std::vector<std::string> map;      // --notify-map ARN=TARGET (check)
  std::string dead_letter;
  std::string smtp_url, smtp_from, smtp_starttls;
  std::string account_id = "000000000000";
  std::string metric_name;  // default: the alarm's name
  std::string namespace_name = "flowmon";
  std::string description;
};
// `with_map`: also --notify-map (check, whose configs name actions).
void AddNotifyOptions(CLI::App* app, NotifyCliOptions* options,
                      bool with_map = false);
// The --notify targets from the flags; failed deliveries are logged. The
// alarm's region (messages, ARN) is aws.region, else us-east-1; sns:
// targets use `aws` for credentials and --endpoint-url. Errors are usage
// errors (bad flag values, unknown targets).
// The region messages name: --region (or the profile's), else us-east-1.
std::string MessageRegion(const AwsSettings& aws);
Result<Notifications> MakeNotifications(const NotifyCliOptions& options,
                                        const AwsSettings& aws);

struct AlarmOptions {
  MetricOptions metric;
  NotifyCliOptions notify;
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
  TimeRangeText window;          // --since, --until
  std::string low_sample_count;  // --evaluate-low-sample-count-percentile
};
CLI::App* SetupAlarm(CLI::App* app, AlarmOptions* options);
int RunAlarm(const AlarmOptions& options, const GlobalOptions& global);

struct CheckOptions {
  std::vector<std::string> configs;
  InputOptions input;
  NotifyCliOptions notify;
  std::string junit;
  std::vector<std::string> alarms;  // --alarm globs
  std::vector<std::string> expect;  // --expect NAME=EXPECTATION[,...]
  std::string output = "text";      // -o text|json
  std::string lateness = "10m";
  TimeRangeText window;  // --since, --until
};
CLI::App* SetupCheck(CLI::App* app, CheckOptions* options);
int RunCheck(const CheckOptions& options, const GlobalOptions& global);

struct TopOptions {
  InputOptions input;
  std::string by;
  std::string where;
  std::string order;
  std::string sum;  // the older name of --order (bytes, packets)
  size_t limit = 20;
  TimeRangeText range;
  std::string output = "text";
};
CLI::App* SetupTop(CLI::App* app, TopOptions* options);
int RunTop(const TopOptions& options, const GlobalOptions& global);

struct QueryOptions {
  InputOptions input;
  std::string query;
  std::string output = "text";
  TimeRangeText range;
};
CLI::App* SetupQuery(CLI::App* app, QueryOptions* options);
int RunQuery(const QueryOptions& options, const GlobalOptions& global);

struct AthenaOptions {
  CLI::App* ddl = nullptr;
  CLI::App* sql = nullptr;
  std::string bucket, prefix, format, database = "default",
                                      table = "vpc_flow_logs";
  std::vector<std::string> accounts, regions;
  std::string start_date = "2019/01/01";
  bool parquet = false, hive = false, per_hour = false;
  std::string filter, top, where, sum, metric, query, value = "1";
  TimeRangeText range;
  uint64_t limit = 0;
  int64_t period = 60;
  std::string detect, detect_config;  // --detect NAME, --detect-config FILE
};
CLI::App* SetupAthena(CLI::App* app, AthenaOptions* options);
int RunAthena(const AthenaOptions& options, const GlobalOptions& global);

// flowmon detect (cmd_detect.cc).
struct DetectOptions {
  InputOptions input;
  NotifyCliOptions notify;
  std::vector<std::string> configs;     // --config FILE (JSON)
  std::vector<std::string> settings;    // --set NAME=VALUE
  std::string only;                     // --only DETECTOR,...
  std::vector<std::string> blocklists;  // --blocklist FILE
  std::string aws_ranges;               // --aws-ranges FILE
  TimeRangeText range;
  std::string output = "text";
  std::string fail_on;
  bool list_settings = false;
};
CLI::App* SetupDetect(CLI::App* app, DetectOptions* options);
int RunDetect(const DetectOptions& options, const GlobalOptions& global);

// flowmon gen (cmd_gen.cc).
struct GenOptions {
  uint64_t seed = 1;
  std::string start = "2024-03-04";  // or "now"
  std::string duration = "1d";
  double volume = 60;
  std::vector<std::string> scenarios;
  std::string format;           // --format: v2 (default), tgw or '${field} ...'
  std::string output = "text";  // text or cloudwatch
  std::string s3;               // --s3 DIR
  bool header = false, no_header = false;
  double rate = 0;  // records a second; 0: as fast as it goes
  std::string account = "123456789012";
  std::string region = "us-east-1";
  bool list_scenarios = false;
};
CLI::App* SetupGen(CLI::App* app, GenOptions* options);
int RunGen(const GenOptions& options, const GlobalOptions& global);

struct FieldsOptions {
  std::string output = "text";
  int version = 0;
  std::string logs;    // vpc or tgw: only the fields those flow logs have
  std::string format;  // only the fields of this --format, in its order
};
CLI::App* SetupFields(CLI::App* app, FieldsOptions* options);
int RunFields(const FieldsOptions& options, const GlobalOptions& global);

}  // namespace flowmon
