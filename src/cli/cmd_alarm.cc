// flowmon alarm: replay a CloudWatch metric alarm over log records or
// datapoints and report its state changes.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "chart.h"
#include "commands.h"
#include "flowmon/alarm/alarm.h"
#include "flowmon/core/csv_writer.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/number.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "flowmon/sinks/printer.h"
#include "option_checks.h"

namespace flowmon {
namespace {

// Reads `time,value[,sample_count]` lines (header optional) and feeds
// each datapoint as it arrives; a line with an empty value is a period
// without data. Returns -1 or an exit code.
int ReadDatapoints(const std::string& path, AlarmEvaluator* alarm) {
  SourceOptions options;
  options.input_format = InputFormat::kText;
  Result<std::unique_ptr<Source>> source = OpenSource(path, options);
  if (!source.ok()) {
    spdlog::error("{}", source.status().message());
    return kExitInput;
  }
  uint64_t line_no = 0;
  int64_t last = INT64_MIN;
  while (true) {
    Chunk chunk;
    if (Status s = (*source)->Next(&chunk); !s.ok()) {
      spdlog::error("{}", s.message());
      return kExitInput;
    }
    if (chunk.data.empty()) break;
    size_t pos = 0;
    while (pos < chunk.data.size()) {
      size_t nl = chunk.data.find('\n', pos);
      if (nl == std::string_view::npos) nl = chunk.data.size();
      std::string_view line = chunk.data.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      const size_t c1 = line.find(',');
      const std::string_view time_text = line.substr(0, c1);
      Result<int64_t> t = ParseTimeArg(time_text);
      if (!t.ok()) {
        if (line_no == 1) continue;  // a header
        spdlog::error("{}:{}: expected time,value[,sample_count]: {}",
                      (*source)->name(), line_no, t.status().message());
        return kExitInput;
      }
      std::string_view rest = c1 == std::string_view::npos
                                  ? std::string_view()
                                  : line.substr(c1 + 1);
      const size_t c2 = rest.find(',');
      const std::string_view value_text = rest.substr(0, c2);
      std::string_view samples_text = c2 == std::string_view::npos
                                          ? std::string_view()
                                          : rest.substr(c2 + 1);
      samples_text = samples_text.substr(0, samples_text.find(','));
      std::optional<double> value, samples;
      struct Field {
        std::string_view text, what;
        std::optional<double>* out;
      };
      for (const Field& f : {Field{value_text, "a number", &value},
                             Field{samples_text, "a sample count", &samples}}) {
        if (f.text.empty()) continue;  // no datapoint, or no sample count
        double v;
        if (!ParseNumber(f.text, &v)) {
          spdlog::error("{}:{}: '{}' is not {}", (*source)->name(), line_no,
                        f.text, f.what);
          return kExitInput;
        }
        *f.out = v;
      }
      if (*t <= last) {
        spdlog::error("{}:{}: datapoints must be in increasing time order",
                      (*source)->name(), line_no);
        return kExitInput;
      }
      last = *t;
      alarm->AddDatapoint(*t, value, samples);
    }
  }
  return -1;
}

}  // namespace

CLI::App* SetupAlarm(CLI::App* app, AlarmOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "alarm",
      "Replay a CloudWatch metric alarm over log records or datapoints");
  AddMetricOptions(cmd, &o->metric, /*dimensions=*/false);
  AddNotifyOptions(cmd, &o->notify);
  cmd->add_option(
      "--datapoints", o->datapoints,
      "Read datapoints (time,value[,sample_count] CSV, as `flowmon metric -o "
      "csv` writes) from FILE or '-' instead of matching records");
  cmd->add_option("--threshold", o->threshold, "The alarm threshold")
      ->required();
  cmd->add_option("--comparison", o->comparison,
                  "GreaterThanOrEqualToThreshold, GreaterThanThreshold, "
                  "LessThanThreshold "
                  "or LessThanOrEqualToThreshold")
      ->required();
  cmd->add_option("--evaluation-periods", o->evaluation_periods,
                  "N: datapoints evaluated")
      ->check(WholeAtLeast(1))
      ->capture_default_str();
  cmd->add_option("--datapoints-to-alarm", o->datapoints_to_alarm,
                  "M: breaching datapoints (of N) that make ALARM (default N)")
      ->check(WholeAtLeast(1));
  cmd->add_option("--treat-missing-data", o->treat_missing,
                  "missing, notBreaching, breaching or ignore")
      ->capture_default_str();
  cmd->add_option(
      "--evaluate-low-sample-count-percentile", o->low_sample_count,
      "Percentile statistics: evaluate (the default) or ignore, which keeps "
      "the state while a period has too few samples (under 10/(1-p), or 10/p "
      "below p50)");
  AddReplayWindowOptions(cmd, &o->window);
  cmd->add_option("--initial-state", o->initial_state,
                  "OK, ALARM or INSUFFICIENT_DATA")
      ->capture_default_str();
  cmd->add_option("--name", o->name, "Alarm name in the output")
      ->capture_default_str();
  cmd->add_option("--fail-on", o->fail_on,
                  "final: exit 1 if the alarm ends in ALARM; ever: if it was "
                  "ever in ALARM")
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output,
                  "text, json (one object), ndjson (transitions as they "
                  "happen, then the final object), csv or tsv (one row per "
                  "transition, as it happens)")
      ->capture_default_str();
  cmd->footer(
      "The alarm is evaluated every minute (a period longer than a minute "
      "slides minute\n"
      "by minute; with --datapoints, once per period) over an evaluation range "
      "of N+2\n"
      "datapoints, with CloudWatch's rules for missing data. Without --until "
      "the replay\n"
      "ends with the last period that has data (the last --datapoints line); "
      "with it,\n"
      "evaluations go on to --until, and the missing data after the end is "
      "treated as\n"
      "--treat-missing-data says. Exit status: 0 the final state is not ALARM, "
      "1 it is\n"
      "(or, with --fail-on ever, ALARM was reached), 2 usage, 3 input "
      "error.\n\n"
      "Examples:\n"
      "  flowmon alarm --pattern '[version, account, eni, source, destination, "
      "srcport, "
      "destport=\"22\", protocol=\"6\", packets, bytes, windowstart, "
      "windowend, "
      "action=\"REJECT\", flowlogstatus]' --threshold 1 --comparison "
      "GreaterThanOrEqualToThreshold samples/ssh_rejects.log\n"
      "  flowmon alarm --pattern '[..., action=REJECT, status]' --threshold 3 "
      "--comparison "
      "GreaterThanOrEqualToThreshold --evaluation-periods 3 "
      "--datapoints-to-alarm 2 "
      "--treat-missing-data notBreaching samples/v2.log\n"
      "  flowmon metric --pattern '[..., action=REJECT, status]' -o csv "
      "samples/v2.log | "
      "flowmon alarm --datapoints - --threshold 2 --comparison "
      "GreaterThanThreshold");
  return cmd;
}

int RunAlarm(const AlarmOptions& o, const GlobalOptions& global) {
  AlarmSpec spec;
  spec.name = o.name;
  spec.threshold = o.threshold;
  spec.evaluation_periods = o.evaluation_periods;
  spec.datapoints_to_alarm = o.datapoints_to_alarm;
  spec.period = o.metric.period;
  Result<ComparisonOperator> cmp = ParseComparison(o.comparison);
  Result<TreatMissingData> treat = ParseTreatMissingData(o.treat_missing);
  Result<AlarmState> initial = ParseAlarmState(o.initial_state);
  Result<Statistic> stat = Statistic::Parse(o.metric.stat);
  for (const Status* s :
       {&cmp.status(), &treat.status(), &initial.status(), &stat.status()}) {
    if (!s->ok()) {
      spdlog::error("{}", s->message());
      return kExitUsage;
    }
  }
  spec.comparison = *cmp;
  spec.treat_missing = *treat;
  spec.initial_state = *initial;
  spec.stat = *stat;
  if (!o.low_sample_count.empty()) {
    Result<LowSampleCount> low = ParseLowSampleCount(o.low_sample_count);
    if (!low.ok()) {
      spdlog::error("{}", low.status().message());
      return kExitUsage;
    }
    spec.low_sample_count = *low;
  }
  if (Status s = spec.Validate(); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  Result<ReplayWindow> window = ParseReplayWindow(o.window);
  if (!window.ok()) {
    spdlog::error("{}", window.status().message());
    return kExitUsage;
  }
  if (o.fail_on != "final" && o.fail_on != "ever") {
    spdlog::error("--fail-on must be final or ever");
    return kExitUsage;
  }
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  if (o.datapoints.empty() == o.metric.pattern.empty()) {
    spdlog::error("give either --pattern (and inputs) or --datapoints");
    return kExitUsage;
  }
  Result<Notifications> notifications =
      MakeNotifications(o.notify, o.metric.input.aws);
  if (!notifications.ok()) {
    spdlog::error("{}", notifications.status().message());
    return kExitUsage;
  }
  const AlarmIdentity identity = notifications->Identity(spec);
  InstallStopHandlers();
  const bool text = *format == OutputFormat::kText;
  // CSV and TSV are the alarm's history: one row per transition.
  const bool delimited =
      *format == OutputFormat::kCsv || *format == OutputFormat::kTsv;
  const char sep = *format == OutputFormat::kTsv ? '\t' : ',';
  // JSON and NDJSON end with a document of every transition. The other
  // formats write each as it happens (the evaluator counts them), so that
  // an endless stream's memory stays flat.
  const bool json = !text && !delimited;
  std::vector<AlarmTransition> transitions;
  fmt::memory_buffer out;
  auto flush = [&] {
    WriteOutput(stdout, std::string_view(out.data(), out.size()));
    FlushOutput(stdout);
    out.clear();
  };
  auto append_transition_json = [&](const AlarmTransition& t) {
    fmt::format_to(
        std::back_inserter(out),
        "{{\"time\":\"{}\",\"from\":\"{}\",\"to\":\"{}\",\"reason\":",
        FormatIso8601(t.time), AlarmStateName(t.from), AlarmStateName(t.to));
    AppendJsonString(&out, t.reason);
    out.push_back('}');
  };
  if (delimited) {
    fmt::format_to(std::back_inserter(out), "time{0}from{0}to{0}reason\n", sep);
    flush();
  }
  if (text) {
    fmt::format_to(std::back_inserter(out),
                   "alarm {}: {} {} {} for {} of {} datapoints of {} s; "
                   "missing data: {}{}{}\n",
                   spec.name, spec.stat.name, ComparisonName(spec.comparison),
                   ReasonNumber(spec.threshold), spec.m(),
                   spec.evaluation_periods, spec.period,
                   TreatMissingDataName(spec.treat_missing),
                   spec.low_sample_count && spec.stat.needs_values()
                       ? fmt::format("; low sample counts: {}",
                                     LowSampleCountName(*spec.low_sample_count))
                       : "",
                   DescribeReplayWindow(*window));
    flush();
  }
  AlarmEvaluator alarm(
      spec,
      [&](const AlarmTransition& t) {
        if (json) transitions.push_back(t);
        notifications->Deliver(spec, identity, t);
        if (text) {
          fmt::format_to(std::back_inserter(out), "{}  {} -> {}  {}\n",
                         FormatIso8601(t.time),
                         PaintState(AlarmStateName(t.from), global.color),
                         PaintState(AlarmStateName(t.to), global.color),
                         t.reason);
        } else if (*format == OutputFormat::kNdjson) {
          append_transition_json(t);
          out.push_back('\n');
        } else if (delimited) {
          fmt::format_to(std::back_inserter(out), "{1}{0}{2}{0}{3}{0}", sep,
                         FormatIso8601(t.time), AlarmStateName(t.from),
                         AlarmStateName(t.to));
          AppendCsvField(&out, t.reason, sep);
          out.push_back('\n');
        } else {
          return;
        }
        flush();  // each transition as it happens
      },
      *window);
  // The text chart shows the newest periods only (JSON keeps them all).
  constexpr size_t kChartPeriods = 10000;
  if (text) alarm.KeepDatapoints(kChartPeriods);
  int code;
  if (!o.datapoints.empty()) {
    code = ReadDatapoints(o.datapoints, &alarm);
  } else {
    code = RunMetricFlags(o.metric, global, stat->needs_values(), &alarm,
                          /*on_minute=*/nullptr);
  }
  if (code >= 0 && code != kExitInput) return code;
  alarm.Finish();
  const AlarmState final_state = alarm.state();
  if (text) {
    fmt::format_to(std::back_inserter(out),
                   "final state: {} ({} transition{})\n",
                   PaintState(AlarmStateName(final_state), global.color),
                   alarm.transitions(), alarm.transitions() == 1 ? "" : "s");
    double scale = spec.threshold;
    for (const auto& [t, v] : alarm.datapoints()) scale = std::max(scale, v);
    if (!alarm.datapoints().empty()) {
      fmt::format_to(
          std::back_inserter(out),
          "\n{:<20}  {:>10}   datapoints against the threshold (|){}\n",
          "PERIOD", spec.stat.name,
          alarm.dropped_datapoints() == 0
              ? std::string()
              : fmt::format(
                    ", the newest {} periods ({} before them not shown)",
                    kChartPeriods, alarm.dropped_datapoints()));
    }
    std::optional<int64_t> previous;
    for (const auto& [t, v] : alarm.datapoints()) {
      // A missing period is a row of its own, so the chart shows the gap.
      if (previous && t - *previous > spec.period) {
        const int64_t missing = (t - *previous) / spec.period - 1;
        fmt::format_to(std::back_inserter(out), "{:<20}  {:>10}   {}\n",
                       FormatIso8601(*previous + spec.period), "-",
                       missing == 1
                           ? std::string("(no data)")
                           : fmt::format("(no data for {} periods)", missing));
      }
      previous = t;
      fmt::format_to(std::back_inserter(out), "{:<20}  {:>10} {} {}\n",
                     FormatIso8601(t), Number(v), spec.Breaches(v) ? "!" : " ",
                     Bar(v, scale * 1.05, 40, spec.threshold, global.color));
    }
  } else if (!delimited) {
    fmt::format_to(std::back_inserter(out), "{{\"name\":");
    AppendJsonString(&out, spec.name);
    fmt::format_to(std::back_inserter(out),
                   ",\"final_state\":\"{}\",\"transitions\":[",
                   AlarmStateName(final_state));
    for (size_t i = 0; i < transitions.size(); ++i) {
      if (i > 0) out.push_back(',');
      append_transition_json(transitions[i]);
    }
    out.append(std::string_view("],\"datapoints\":["));
    bool first = true;
    for (const auto& [t, v] : alarm.datapoints()) {
      if (!first) out.push_back(',');
      first = false;
      fmt::format_to(std::back_inserter(out),
                     "{{\"time\":\"{}\",\"value\":{}}}", FormatIso8601(t),
                     Number(v));
    }
    out.append(std::string_view("]}\n"));
  }
  flush();
  if (code == kExitInput) return kExitInput;
  const bool failed = o.fail_on == "ever" ? alarm.ever_in_alarm()
                                          : final_state == AlarmState::kAlarm;
  return failed ? kExitNoMatch : kExitOk;
}

}  // namespace flowmon
