// flowmon check: evaluate many alarms in one pass over captured logs, for CI.
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "commands.h"
#include "flowmon/check/check_config.h"
#include "flowmon/core/time_util.h"

namespace flowmon {
namespace {

// Hands every record to each monitor's metric filter: matched records to
// OnRecord, the others to OnRejected (default values, stream clocks).
class FanOutSink : public RecordSink {
 public:
  struct Entry {
    const CompiledPattern* pattern;
    MetricAggregator* aggregator;
  };
  explicit FanOutSink(std::vector<Entry> entries)
      : entries_(std::move(entries)) {}

  std::unique_ptr<RecordSink> NewWorker() const override {
    auto worker = std::make_unique<FanOutSink>(entries_);
    for (Entry& e : worker->entries_) {
      worker->owned_.push_back(e.aggregator->NewWorker());
      e.aggregator =
          static_cast<MetricAggregator*>(worker->owned_.back().get());
    }
    return worker;
  }
  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    for (Entry& e : entries_) {
      if (e.pattern->Matches(rec)) {
        e.aggregator->OnRecord(rec, ctx);
      } else {
        e.aggregator->OnRejected(rec, ctx);
      }
    }
    return true;
  }
  void Absorb(RecordSink& worker) override {
    auto& w = static_cast<FanOutSink&>(worker);
    for (size_t i = 0; i < entries_.size(); ++i) {
      entries_[i].aggregator->Absorb(*w.entries_[i].aggregator);
    }
  }
  void OnLiveChunkEnd() override {
    for (Entry& e : entries_) e.aggregator->OnLiveChunkEnd();
  }
  Status Finish() override {
    for (Entry& e : entries_) e.aggregator->Finish();
    return Status::Ok();
  }

 private:
  std::vector<Entry> entries_;
  std::vector<std::unique_ptr<RecordSink>> owned_;
};

struct MonitorRun {
  const Monitor* monitor;
  CompiledPattern pattern;
  std::unique_ptr<MetricAggregator> aggregator;
  std::unique_ptr<AlarmEvaluator> alarm;
  std::vector<AlarmTransition> transitions;
  std::optional<int64_t> first_alarm;
};

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

std::string Timeline(const MonitorRun& r) {
  std::string out;
  for (const AlarmTransition& t : r.transitions) {
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
  AddInputOptions(cmd, &o->input);
  AddNotifyOptions(cmd, &o->notify);
  cmd->footer(
      "Alarms are joined to metric filters by metric name and namespace. A "
      "monitor passes\n"
      "when its final state equals its `expect` (flowmon format), or, without "
      "one, when it\n"
      "does not end in ALARM. Exit status: 0 all pass, 1 some fail, 2 config "
      "or usage\n"
      "error, 3 input error.\n\n"
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
  Result<Notifications> notifications = Notifications::Create(o.notify);
  if (!notifications.ok()) {
    spdlog::error("{}", notifications.status().message());
    return kExitUsage;
  }
  Result<int64_t> lateness = ParseDuration(o.lateness);
  if (!lateness.ok()) {
    spdlog::error("{}", lateness.status().message());
    return kExitUsage;
  }
  std::vector<std::unique_ptr<MonitorRun>> runs;
  std::vector<FanOutSink::Entry> entries;
  bool all_json = true;
  for (const Monitor& m : config.monitors) {
    auto run = std::make_unique<MonitorRun>();
    run->monitor = &m;
    Result<CompiledPattern> pattern = CompiledPattern::Compile(m.pattern);
    if (!pattern.ok()) {
      spdlog::error("{}: {}", m.origin, pattern.status().message());
      return kExitUsage;
    }
    run->pattern = std::move(*pattern);
    all_json = all_json && run->pattern.wants_json();
    MonitorRun* r = run.get();
    AlarmSpec spec = m.alarm;
    const AlarmIdentity id = [&] {
      AlarmIdentity identity = notifications->Identity(spec);
      identity.metric_name = m.metric_name;
      identity.namespace_name = m.namespace_name;
      return identity;
    }();
    run->alarm = std::make_unique<AlarmEvaluator>(
        spec, [r, id, &notifications](const AlarmTransition& t) {
          r->transitions.push_back(t);
          if (t.to == AlarmState::kAlarm && !r->first_alarm)
            r->first_alarm = t.time;
          notifications->Deliver(r->alarm->spec(), id, t);
        });
    Result<std::unique_ptr<MetricAggregator>> aggregator =
        MetricAggregator::Create(
            m.metric, run->pattern, m.alarm.stat.needs_values(), *lateness,
            [r](const ClosedMinute& minute) {
              if (minute.dimensions == r->monitor->dimension_key) {
                r->alarm->AddMinute(minute.minute, minute.samples);
              }
            });
    if (!aggregator.ok()) {
      spdlog::error("{}: {}", m.origin, aggregator.status().message());
      return kExitUsage;
    }
    run->aggregator = std::move(*aggregator);
    run->aggregator->set_on_advance([r](int64_t t) { r->alarm->AdvanceTo(t); });
    entries.push_back({&run->pattern, run->aggregator.get()});
    runs.push_back(std::move(run));
  }
  PipelineOptions options;
  InputOptions input = o.input;
  if (all_json && input.format.empty()) input.format = "raw";
  if (Status s = BuildPipelineOptions(input, &options); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  InstallStopHandlers();
  FanOutSink sink(std::move(entries));
  Diagnostics diag = MakeDiagnostics(o.input);
  RunInputs(o.input, global, /*progress=*/false, &options, &sink, &diag);
  sink.Finish();

  size_t failures = 0;
  fmt::memory_buffer out;
  size_t width = 7;
  for (const auto& r : runs) width = std::max(width, r->monitor->name.size());
  fmt::format_to(std::back_inserter(out),
                 "{:<{}}  {:<17}  {:>11}  {:<20}  {:<6}  {}\n", "MONITOR",
                 width, "FINAL STATE", "TRANSITIONS", "FIRST ALARM", "EXPECT",
                 "RESULT");
  std::string cases;
  for (const auto& r : runs) {
    r->alarm->Finish();
    const AlarmState final_state = r->alarm->state();
    const Monitor& m = *r->monitor;
    const bool pass =
        m.expect ? final_state == *m.expect : final_state != AlarmState::kAlarm;
    const std::string why = m.expect ? fmt::format("ended in {}, expected {}",
                                                   AlarmStateName(final_state),
                                                   AlarmStateName(*m.expect))
                                     : std::string("ended in ALARM");
    if (!pass) ++failures;
    fmt::format_to(
        std::back_inserter(out), "{:<{}}  {:<17}  {:>11}  {:<20}  {:<6}  {}\n",
        m.name, width, AlarmStateName(final_state), r->transitions.size(),
        r->first_alarm ? FormatIso8601(*r->first_alarm) : "-",
        m.expect ? AlarmStateName(*m.expect) : "-", pass ? "pass" : "FAIL");
    cases += fmt::format(
        "    <testcase classname=\"flowmon.check\" name=\"{}\" time=\"0\">\n",
        Xml(m.name));
    if (!pass) {
      cases += fmt::format(
          "      <failure message=\"{}\" type=\"AlarmState\">{}</failure>\n",
          Xml(why), Xml(Timeline(*r)));
    }
    cases +=
        fmt::format("      <system-out>{}{}</system-out>\n    </testcase>\n",
                    Xml(m.origin + "\n"), Xml(Timeline(*r)));
  }
  fmt::format_to(std::back_inserter(out), "{} of {} monitors passed\n",
                 runs.size() - failures, runs.size());
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
        runs.size(), failures, cases);
    std::fclose(f);
  }
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  return failures > 0 ? kExitNoMatch : kExitOk;
}

}  // namespace flowmon
