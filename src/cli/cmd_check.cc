// flowmon check: evaluate many alarms in one pass over captured logs, for CI.
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "check_report.h"
#include "commands.h"
#include "flowmon/alarm/monitor_set.h"
#include "flowmon/check/check_config.h"
#include "flowmon/core/time_util.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

// --alarm, --expect and -o: which alarms, what to expect of them, how to
// report.
void AddSelectionOptions(CLI::App* cmd, CheckOptions* o) {
  cmd->add_option("--alarm", o->alarms,
                  "Check only the alarms named so (shell globs: 'ssh-*'); "
                  "repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--expect", o->expect,
                  "NAME=EXPECTATION[,...]: fires, never-fires, ends-in STATE "
                  "or transitions N; NAME may be a glob; replaces what the "
                  "configs expect of the alarm; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("-o,--output", o->output,
                  "text (a table), json (an array: one object per alarm), "
                  "ndjson (one object a line), csv or tsv (one row per "
                  "alarm)")
      ->capture_default_str();
}

Result<CheckSelection> ParseSelection(const CheckOptions& o) {
  if (Result<OutputFormat> f = ParseOutputFormat(o.output); !f.ok())
    return f.status();
  CheckSelection selection;
  selection.alarms = o.alarms;
  for (const std::string& text : o.expect) {
    const size_t eq = text.rfind('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::InvalidArgument(
          fmt::format("--expect '{}': expected NAME=EXPECTATION[,...]", text));
    }
    Result<std::vector<Expectation>> expect =
        ParseExpectations(std::string_view(text).substr(eq + 1));
    if (!expect.ok()) {
      return Status::InvalidArgument(
          fmt::format("--expect '{}': {}", text, expect.status().message()));
    }
    selection.expect.push_back({text, text.substr(0, eq), *expect});
  }
  return selection;
}

}  // namespace

CLI::App* SetupCheck(CLI::App* app, CheckOptions* o) {
  CLI::App* cmd = app->add_subcommand("check",
                                      "Evaluate the alarms of AWS configs over "
                                      "captured logs in one pass (for CI)");
  cmd->add_option("--config", o->configs,
                  "JSON or YAML: describe-metric-filters / describe-alarms "
                  "output, a CloudFormation template, terraform show -json "
                  "output, or flowmon's {\"monitors\": [...]}; repeatable")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("INPUT", o->input.inputs,
                  "Files or directories (recursive); '-' or none: stdin");
  cmd->add_option("--junit", o->junit,
                  "Write JUnit XML here: one test case per alarm");
  AddSelectionOptions(cmd, o);
  cmd->add_option("--lateness", o->lateness, "See `flowmon metric --help`")
      ->capture_default_str();
  AddReplayWindowOptions(cmd, &o->window);
  AddInputOptions(cmd, &o->input);
  AddNotifyOptions(cmd, &o->notify, /*with_map=*/true);
  cmd->footer(
      "Alarms are joined to metric filters by metric name and namespace; "
      "alarms no filter\n"
      "publishes for, composite and metric-math alarms are listed as skipped. "
      "A monitor\n"
      "passes when its replay meets its expectations (`expect`, "
      "`expectations`, --expect),\n"
      "or, without any, when it does not end in ALARM. Each alarm is replayed "
      "as `flowmon alarm`\n"
      "replays it: without --until, up to the last period with data for it; "
      "with --until,\n"
      "every period up to that time. Exit status: 0 all pass, 1 some fail, 2 "
      "config or\n"
      "usage error, 3 input error.\n\n"
      "Examples:\n"
      "  flowmon check --config samples/check/metric-filters.json --config "
      "samples/check/alarms.json samples/ssh_rejects.log\n"
      "  flowmon check --config samples/check/template.yaml --junit report.xml "
      "samples/AWSLogs/\n"
      "  flowmon check --config samples/check/terraform-plan.json --expect "
      "'ssh-rejects=fires,ends-in OK' samples/ssh_rejects.log\n"
      "  flowmon check --config samples/check/metric-filters.json --config "
      "samples/check/account-alarms.json --alarm 'ssh-*' -o json "
      "samples/ssh_rejects.log\n"
      "  flowmon check --config samples/check/monitors.json samples/v2.log");
  return cmd;
}

int RunCheck(const CheckOptions& o, const GlobalOptions& global) {
  Result<CheckSelection> selection = ParseSelection(o);
  if (!selection.ok()) {
    spdlog::error("{}", selection.status().message());
    return kExitUsage;
  }
  CheckConfig config;
  if (Status s = LoadCheckConfig(o.configs, &config, *selection); !s.ok()) {
    spdlog::error("{}", s.message());
    return s.exit_code();
  }
  for (const std::string& w : config.warnings) spdlog::warn("{}", w);
  if (config.monitors.empty()) {
    // Nothing to replay: the skipped alarms are the whole report.
    WriteCheckReport({}, config.skipped, o.output, o.junit);
    spdlog::error("nothing to check: every alarm {} is skipped",
                  o.alarms.empty() ? "of the configs" : "selected");
    return kExitUsage;
  }
  Result<Notifications> notifications =
      MakeNotifications(o.notify, o.input.aws);
  if (!notifications.ok()) {
    spdlog::error("{}", notifications.status().message());
    return kExitUsage;
  }
  Result<int64_t> lateness = ParseDuration(o.lateness);
  if (!lateness.ok()) {
    spdlog::error("{}", lateness.status().message());
    return kExitUsage;
  }
  Result<ReplayWindow> window = ParseReplayWindow(o.window);
  if (!window.ok()) {
    spdlog::error("{}", window.status().message());
    return kExitUsage;
  }
  std::vector<MonitorSpec> specs;
  std::vector<AlarmIdentity> identities;
  for (const Monitor& m : config.monitors) {
    MonitorSpec spec;
    spec.origin = m.origin;
    spec.pattern = m.pattern;
    spec.metric = m.metric;
    spec.dimension_key = m.dimension_key;
    spec.alarm = m.alarm;
    specs.push_back(std::move(spec));
    AlarmIdentity id = notifications->Identity(m.alarm);
    id.metric_name = m.metric_name;
    id.namespace_name = m.namespace_name;
    id.actions = {m.actions.alarm, m.actions.ok, m.actions.insufficient_data};
    identities.push_back(std::move(id));
  }
  Result<std::unique_ptr<MonitorSet>> created = MonitorSet::Create(
      specs, *lateness,
      [&](size_t i, const AlarmTransition& t) {
        notifications->Deliver(config.monitors[i].alarm, identities[i], t);
      },
      *window);
  if (!created.ok()) {
    spdlog::error("{}", created.status().message());
    return kExitUsage;
  }
  MonitorSet& set = **created;
  PipelineOptions options;
  InputOptions input = o.input;
  if (set.all_json() && input.format.empty()) input.format = "raw";
  if (Status s = BuildPipelineOptions(input, &options); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  set.ConfigurePipeline(&options);
  InstallStopHandlers();
  Diagnostics diag = MakeDiagnostics(o.input);
  RunInputs(o.input, global, /*progress=*/false, &options, &set, &diag);
  set.Finish();

  std::vector<CheckedAlarm> checked;
  size_t failures = 0;
  for (size_t i = 0; i < set.size(); ++i) {
    CheckedAlarm& c = checked.emplace_back();
    c.monitor = &config.monitors[i];
    c.final_state = set.alarm(i).state();
    c.transitions = &set.transitions(i);
    c.verdict = Judge(c.monitor->expect, c.final_state, *c.transitions);
    if (!c.verdict.pass) ++failures;
  }
  if (!WriteCheckReport(checked, config.skipped, o.output, o.junit))
    return kExitInput;
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  return failures > 0 ? kExitNoMatch : kExitOk;
}

}  // namespace flowmon
