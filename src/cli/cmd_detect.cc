// flowmon detect: every detector over the records in one pass; findings as
// they are decided, in a table or GuardDuty's JSON, and to --notify.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iterator>

#include "chart.h"
#include "commands.h"
#include "flowmon/core/csv_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "flowmon/detect/detect_sink.h"
#include "flowmon/detect/finding_json.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

// The table: a line of when, how bad and what, then the title, then the
// resource and the other side.
void AppendRow(const Finding& f, bool color, fmt::memory_buffer* out) {
  auto it = std::back_inserter(*out);
  fmt::format_to(it, "{}  {} {:<3}  {}\n  {}\n", FormatIso8601(f.first_seen),
                 PaintSeverity(SeverityLabel(f.severity), 6, color), f.severity,
                 f.type, f.title);
  std::string resource = f.resource.interface_id.empty()
                             ? std::string("all ENIs")
                             : f.resource.interface_id;
  if (!f.resource.instance_id.empty()) resource += " " + f.resource.instance_id;
  if (!f.resource.address.empty()) resource += " " + f.resource.address;
  fmt::format_to(it, "  resource {} ({})", resource,
                 f.role == ResourceRole::kActor ? "actor" : "target");
  if (!f.remote.address.empty()) {
    fmt::format_to(it, "  {} {}",
                   f.role == ResourceRole::kActor ? "remote" : "actor",
                   f.remote.address);
    if (!f.remote.organization.empty()) {
      fmt::format_to(it, " ({})", f.remote.organization);
    }
  }
  out->push_back('\n');
  // What it counts, the detector's own figures first.
  std::string figures;
  for (const FindingFigure& fig : f.figures) {
    if (fig.value == 0 || figures.size() > 60) continue;
    fmt::format_to(std::back_inserter(figures), "{}{} {}{}",
                   figures.empty() ? "" : ", ", fig.name, FigureText(fig.value),
                   fig.approximate ? " (approx.)" : "");
  }
  if (!figures.empty()) fmt::format_to(it, "  {}\n", figures);
}

// CSV and TSV: one row per finding, its when, how bad, what and where;
// the GuardDuty JSON has the rest. What a finding has not (a port, one
// protocol) is an empty cell, CSV's null (docs/output.md).
constexpr std::string_view kFindingColumns[] = {
    "first_seen", "last_seen",    "severity",     "type",       "detector",
    "id",         "interface_id", "instance_id",  "address",    "role",
    "remote",     "remote_port",  "organization", "local_port", "protocol",
    "direction",  "blocked",      "count",        "title"};

void AppendFindingHeader(char sep, fmt::memory_buffer* out) {
  for (std::string_view c : kFindingColumns) {
    if (c != kFindingColumns[0]) out->push_back(sep);
    out->append(c);
  }
  out->push_back('\n');
}

void AppendFindingRow(const Finding& f, char sep, fmt::memory_buffer* out) {
  auto port = [](int p) { return p < 0 ? std::string() : std::to_string(p); };
  const std::string cells[] = {
      FormatIso8601(f.first_seen),
      FormatIso8601(f.last_seen),
      fmt::format("{}", f.severity),
      f.type,
      f.detector,
      f.id,
      f.resource.interface_id,
      f.resource.instance_id,
      f.resource.address,
      f.role == ResourceRole::kActor ? "actor" : "target",
      f.remote.address,
      port(f.remote.port),
      f.remote.organization,
      port(f.local_port),
      port(f.protocol),
      f.direction,
      f.blocked ? "true" : "false",
      std::to_string(f.count),
      f.title};
  static_assert(std::size(cells) == std::size(kFindingColumns));
  for (size_t i = 0; i < std::size(cells); ++i) {
    if (i > 0) out->push_back(sep);
    AppendCsvField(out, cells[i], sep);
  }
  out->push_back('\n');
}

}  // namespace

CLI::App* SetupDetect(CLI::App* app, DetectOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "detect",
      "Suspected security events (GuardDuty's flow-log findings): port "
      "scans, brute force, probed ports, spikes, blocklisted addresses, "
      "exfiltration, logging gaps");
  cmd->add_option("--config", o->configs,
                  "Settings from a JSON file (repeatable; later files win)")
      ->allow_extra_args(false);
  cmd->add_option("--set", o->settings,
                  "NAME=VALUE: one setting, after the config files "
                  "(repeatable; --list-settings names them)")
      ->allow_extra_args(false);
  cmd->add_option("--only", o->only,
                  "Run only these detectors (comma-separated: port-scan, "
                  "brute-force, port-probe, spike, blocklist, "
                  "unusual-protocol, exfil, gap)");
  cmd->add_option("--blocklist", o->blocklists,
                  "IP/CIDR list (# comments) or AWS's ip-ranges.json whose "
                  "addresses are suspicious (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--aws-ranges", o->aws_ranges,
                  "AWS's ip-ranges.json: names AWS-owned addresses; exfil "
                  "leaves them out");
  cmd->add_flag("--list-settings", o->list_settings,
                "Print every setting with its value and meaning, and exit");
  AddTimeRangeOptions(cmd, &o->range);
  cmd->add_option("-o,--output", o->output,
                  "text (a table, as findings are decided), json (an array "
                  "at the end), ndjson (one finding a line, as decided), csv "
                  "or tsv (one row per finding, as decided)")
      ->capture_default_str();
  cmd->add_option("--fail-on", o->fail_on,
                  "Exit 1 when a finding is at least this severe (low, "
                  "medium, high or 1 to 8.9)");
  AddNotifyOptions(cmd, &o->notify);
  // The alarm-only notify flags say nothing about findings.
  for (const char* alarm_only :
       {"--metric-name", "--namespace", "--description"}) {
    cmd->remove_option(cmd->get_option(alarm_only));
  }
  cmd->get_option("--notify")
      ->description(
          "Deliver each new finding (the event EventBridge hands SNS for a "
          "GuardDuty finding): stdout, file:PATH (JSON lines), exec:COMMAND "
          "(on its stdin), webhook:URL (HTTP POST) or sns:ARN; email: and "
          "pagerduty: are made from alarm state changes and refuse "
          "findings; repeatable");
  cmd->get_option("--notify-format")
      ->description(
          "sns (the event JSON) or slack (webhooks: {\"text\": ...})");
  cmd->get_option("--account-id")
      ->description("Account ID of findings whose records name none");
  cmd->add_option("INPUT", o->input.inputs,
                  "Files or directories (recursive); '-' or none: stdin");
  AddInputOptions(cmd, &o->input);
  cmd->get_option("--region")
      ->description("Region of findings whose records name none");
  cmd->footer(
      "Findings follow GuardDuty's finding types and JSON; docs/detect.md "
      "describes each\n"
      "detector, its defaults and its false-positive traps. Exit status: 0, "
      "or 1 with\n"
      "--fail-on when a finding reached it; 2 usage, 3 input error.\n\n"
      "Examples:\n"
      "  flowmon detect samples/AWSLogs/\n"
      "  flowmon gen --scenario port-scan | flowmon detect -o ndjson\n"
      "  flowmon detect --set port-scan.min-ports=50 --blocklist "
      "firehol_level1.netset --fail-on medium logs/");
  return cmd;
}

int RunDetect(const DetectOptions& o, const GlobalOptions& global) {
  DetectConfig config;
  for (const std::string& path : o.configs) {
    if (Status s = LoadDetectConfig(path, &config); !s.ok()) {
      spdlog::error("{}", s.message());
      return s.exit_code();
    }
  }
  for (const std::string& setting : o.settings) {
    const size_t eq = setting.find('=');
    if (eq == std::string::npos) {
      spdlog::error("--set {}: expected NAME=VALUE", setting);
      return kExitUsage;
    }
    if (Status s = ApplySetting(&config, setting.substr(0, eq),
                                setting.substr(eq + 1));
        !s.ok()) {
      spdlog::error("--set: {}", s.message());
      return kExitUsage;
    }
  }
  if (!o.only.empty()) {
    if (Status s = OnlyDetectors(&config, o.only); !s.ok()) {
      spdlog::error("--only: {}", s.message());
      return kExitUsage;
    }
  }
  for (const std::string& b : o.blocklists) config.blocklist.files.push_back(b);
  if (!o.aws_ranges.empty()) config.aws_ranges = o.aws_ranges;
  if (o.list_settings) {
    size_t width = 0;
    for (const DetectSetting& s : DetectSettings())
      width = std::max(width, s.name.size());
    for (const DetectSetting& s : DetectSettings()) {
      const std::string value = SettingValue(config, s.name);
      fmt::print("{:<{}}  {:<10} {}\n    {}\n", s.name, width, s.kind,
                 value.empty() ? "-" : value, s.description);
    }
    return kExitOk;
  }
  std::optional<double> fail_on;
  if (!o.fail_on.empty()) {
    Result<double> s = ParseSeverity(o.fail_on);
    if (!s.ok()) {
      spdlog::error("--fail-on: {}", s.status().message());
      return kExitUsage;
    }
    fail_on = *s;
  }
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  const bool delimited =
      *format == OutputFormat::kCsv || *format == OutputFormat::kTsv;
  const char sep = *format == OutputFormat::kTsv ? '\t' : ',';
  PipelineOptions options;
  if (Status s = BuildPipelineOptions(o.input, &options); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  if (options.schema.raw()) {
    spdlog::error("detect needs flow-log records: not with --format raw");
    return kExitUsage;
  }
  if (Status s = ParseTimeRange(o.range, &options.since, &options.until);
      !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  Result<Notifications> notifications =
      MakeNotifications(o.notify, o.input.aws);
  if (!notifications.ok()) {
    spdlog::error("{}", notifications.status().message());
    return kExitUsage;
  }
  FindingIdentity identity;
  identity.account_id = o.notify.account_id;
  identity.region = MessageRegion(o.input.aws);
  InstallStopHandlers();
  double worst = 0;
  size_t count = 0;
  fmt::memory_buffer out;
  auto flush = [&] {
    WriteOutput(stdout, std::string_view(out.data(), out.size()));
    FlushOutput(stdout);
    out.clear();
  };
  if (delimited) AppendFindingHeader(sep, &out);
  auto emit = [&](const Finding& f) {
    worst = std::max(worst, f.severity);
    ++count;
    if (o.output == "text") {
      AppendRow(f, global.color, &out);
      flush();
    } else if (o.output == "ndjson") {
      AppendFindingJson(&out, f, identity);
      out.push_back('\n');
      flush();
    } else if (delimited) {
      AppendFindingRow(f, sep, &out);
      flush();
    }
    if (!notifications->empty()) {
      notifications->DeliverMessage(
          FindingEventJson(f, identity), FindingSlackJson(f),
          fmt::format("the finding {} {}", f.type, f.id));
    }
  };
  Result<std::unique_ptr<DetectSink>> sink =
      DetectSink::Create(config, emit, /*keep_findings=*/o.output == "json");
  if (!sink.ok()) {
    spdlog::error("{}", sink.status().message());
    return sink.status().exit_code();
  }
  Diagnostics diag = MakeDiagnostics(o.input);
  const PipelineStats stats = RunInputs(o.input, global, /*progress=*/true,
                                        &options, sink->get(), &diag);
  (void)(*sink)->Finish();
  LogStats(stats);
  if (o.output == "json") {
    const std::vector<Finding> all = (*sink)->findings();
    out.push_back('[');
    for (size_t i = 0; i < all.size(); ++i) {
      out.append(std::string_view(i == 0 ? "\n" : ",\n"));
      AppendFindingJson(&out, all[i], identity);
    }
    out.append(std::string_view(all.empty() ? "]\n" : "\n]\n"));
  } else if (o.output == "text") {
    fmt::format_to(std::back_inserter(out), "{} finding{} in {} records\n",
                   count, count == 1 ? "" : "s", (*sink)->counters().records);
  }
  flush();
  for (const std::string& note : (*sink)->notes()) spdlog::warn("{}", note);
  const DetectCounters& c = (*sink)->counters();
  if (c.late > 0) {
    spdlog::warn(
        "{} records arrived more than lateness ({}) after their minute was "
        "final and were not counted (--set lateness=...)",
        c.late, SettingValue(config, "lateness"));
  }
  if (c.dropped > 0) {
    spdlog::warn(
        "{} keys were dropped from full tables (max-keys {}): counts near "
        "them may be low",
        c.dropped, config.max_keys);
  }
  if (c.untimed > 0) {
    spdlog::info("{} records had no time and were skipped", c.untimed);
  }
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  return fail_on && count > 0 && worst >= *fail_on ? kExitNoMatch : kExitOk;
}

}  // namespace flowmon
