// flowmon check: evaluate many alarms in one pass over captured logs, for CI.
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "commands.h"
#include "flowmon/alarm/monitor_set.h"
#include "flowmon/check/check_config.h"
#include "flowmon/core/time_util.h"

namespace flowmon {
namespace {

std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Timeline(const std::vector<AlarmTransition>& transitions) {
  std::string out;
  for (const AlarmTransition& t : transitions) {
    out += fmt::format("{}  {} -> {}  {}\n", FormatIso8601(t.time),
                       AlarmStateName(t.from), AlarmStateName(t.to), t.reason);
  }
  return out;
}

}  // namespace

CLI::App* SetupCheck(CLI::App* app, CheckOptions* o) {
  CLI::App* cmd = app->add_subcommand("check",
                                      "Evaluate the alarms of AWS configs over "
                                      "captured logs in one pass (for CI)");
  cmd->add_option("--config", o->configs,
                  "JSON: describe-metric-filters / describe-alarms output, a "
                  "CloudFormation "
                  "template, or flowmon's {\"monitors\": [...]}; repeatable")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("INPUT", o->input.inputs,
                  "Files or directories (recursive); '-' or none: stdin");
  cmd->add_option("--junit", o->junit,
                  "Write JUnit XML here: one test case per alarm");
  cmd->add_option("--lateness", o->lateness, "See `flowmon metric --help`")
      ->capture_default_str();
  AddReplayWindowOptions(cmd, &o->window);
  AddInputOptions(cmd, &o->input);
  AddNotifyOptions(cmd, &o->notify);
  cmd->footer(
      "Alarms are joined to metric filters by metric name and namespace. A "
      "monitor passes\n"
      "when its final state equals its `expect` (flowmon format), or, without "
      "one, when it\n"
      "does not end in ALARM. Each alarm is replayed as `flowmon alarm` "
      "replays it: without\n"
      "--until, up to the last period with data for it; with --until, every "
      "period up to\n"
      "that time. Exit status: 0 all pass, 1 some fail, 2 config or usage "
      "error, 3 input\n"
      "error.\n\n"
      "Examples:\n"
      "  flowmon check --config samples/check/metric-filters.json --config "
      "samples/check/alarms.json samples/ssh_rejects.log\n"
      "  flowmon check --config samples/check/template.json --junit report.xml "
      "samples/AWSLogs/\n"
      "  flowmon check --config samples/check/monitors.json samples/v2.log");
  return cmd;
}

int RunCheck(const CheckOptions& o, const GlobalOptions& global) {
  CheckConfig config;
  if (Status s = LoadCheckConfig(o.configs, &config); !s.ok()) {
    spdlog::error("{}", s.message());
    return s.exit_code();
  }
  for (const std::string& w : config.warnings) spdlog::warn("{}", w);
  Result<Notifications> notifications = MakeNotifications(o.notify);
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

  size_t failures = 0;
  fmt::memory_buffer out;
  size_t width = 7;
  for (const Monitor& m : config.monitors)
    width = std::max(width, m.name.size());
  fmt::format_to(std::back_inserter(out),
                 "{:<{}}  {:<17}  {:>11}  {:<20}  {:<6}  {}\n", "MONITOR",
                 width, "FINAL STATE", "TRANSITIONS", "FIRST ALARM", "EXPECT",
                 "RESULT");
  std::string cases;
  for (size_t i = 0; i < set.size(); ++i) {
    const AlarmState final_state = set.alarm(i).state();
    const std::vector<AlarmTransition>& transitions = set.transitions(i);
    const std::optional<int64_t> first_alarm = set.first_alarm(i);
    const Monitor& m = config.monitors[i];
    const bool pass =
        m.expect ? final_state == *m.expect : final_state != AlarmState::kAlarm;
    const std::string why = m.expect ? fmt::format("ended in {}, expected {}",
                                                   AlarmStateName(final_state),
                                                   AlarmStateName(*m.expect))
                                     : std::string("ended in ALARM");
    if (!pass) ++failures;
    fmt::format_to(
        std::back_inserter(out), "{:<{}}  {:<17}  {:>11}  {:<20}  {:<6}  {}\n",
        m.name, width, AlarmStateName(final_state), transitions.size(),
        first_alarm ? FormatIso8601(*first_alarm) : "-",
        m.expect ? AlarmStateName(*m.expect) : "-", pass ? "pass" : "FAIL");
    cases += fmt::format(
        "    <testcase classname=\"flowmon.check\" name=\"{}\" time=\"0\">\n",
        Xml(m.name));
    if (!pass) {
      cases += fmt::format(
          "      <failure message=\"{}\" type=\"AlarmState\">{}</failure>\n",
          Xml(why), Xml(Timeline(transitions)));
    }
    cases +=
        fmt::format("      <system-out>{}{}</system-out>\n    </testcase>\n",
                    Xml(m.origin + "\n"), Xml(Timeline(transitions)));
  }
  fmt::format_to(std::back_inserter(out), "{} of {} monitors passed\n",
                 set.size() - failures, set.size());
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (!o.junit.empty()) {
    std::FILE* f = std::fopen(o.junit.c_str(), "w");
    if (f == nullptr) {
      spdlog::error("cannot write {}: {}", o.junit, std::strerror(errno));
      return kExitInput;
    }
    fmt::print(
        f,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"flowmon check\" tests=\"{0}\" failures=\"{1}\">\n"
        "  <testsuite name=\"flowmon check\" tests=\"{0}\" failures=\"{1}\" "
        "errors=\"0\" "
        "skipped=\"0\">\n{2}  </testsuite>\n</testsuites>\n",
        set.size(), failures, cases);
    std::fclose(f);
  }
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  return failures > 0 ? kExitNoMatch : kExitOk;
}

}  // namespace flowmon
