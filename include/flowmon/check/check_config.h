// Monitor definitions for `flowmon check`, read from the files users already
// keep: describe-metric-filters / describe-alarms output, CloudFormation
// templates (JSON or YAML), `terraform show -json` output, and flowmon's own
// format.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/check/expectation.h"
#include "flowmon/core/status.h"
#include "flowmon/sinks/metric.h"

namespace flowmon {

// An alarm's AlarmActions, OKActions and InsufficientDataActions: the ARNs
// written as literal strings (`check --notify-map` maps them to targets).
struct MonitorActions {
  std::vector<std::string> alarm, ok, insufficient_data;
};

// One alarm joined to the metric filter that publishes its metric.
struct Monitor {
  std::string name;     // the alarm name
  std::string origin;   // "alarms.json: MetricAlarms[0]"
  std::string pattern;  // the metric filter's pattern
  MetricSpec metric;    // value, default value, filter dimensions
  // The alarm's dimension values, in the filter's dimension order, as the
  // metric's "Name=value,..." key; empty when the alarm has none.
  std::string dimension_key;
  std::string metric_name;
  std::string namespace_name;
  AlarmSpec alarm;
  MonitorActions actions;
  // What the replay must show; empty: the default, that it does not end in
  // ALARM.
  std::vector<Expectation> expect;
};

// An alarm of the configs that flowmon cannot replay: listed, not checked.
struct SkippedAlarm {
  std::string name;
  std::string origin;
  std::string reason;  // "not a log-metric alarm", "composite alarm", ...
};

struct CheckConfig {
  std::vector<Monitor> monitors;
  std::vector<SkippedAlarm> skipped;
  // Unknown keys, filters without alarms, intrinsic functions ignored.
  std::vector<std::string> warnings;
};

// Expectations given on the command line for the alarms a glob names.
struct ExpectationOverride {
  std::string text;  // as given, for messages: "ssh-*=fires"
  std::string glob;  // fnmatch(3) pattern on the alarm name
  std::vector<Expectation> expect;
};

// Which alarms of the configs to check, and what to expect of them.
struct CheckSelection {
  // fnmatch(3) patterns on alarm names (--alarm); empty: every alarm. Each
  // must select an alarm.
  std::vector<std::string> alarms;
  // Replace the configs' expectations of the alarms they name (--expect);
  // every override that names an alarm applies. Each must name a selected
  // alarm that is checked.
  std::vector<ExpectationOverride> expect;
};

// Reads every file, detects its shape, joins alarms to metric filters by
// metric name and namespace, selects. An alarm whose metric no filter
// publishes, a composite alarm and a metric-math alarm are skipped; an
// error or warning about an alarm is reported only when it is checked.
// Errors (unreadable files, invalid JSON or YAML, a value of the wrong
// type, an intrinsic function where a literal value matters, dimensions
// that do not line up) name the file, the line when it is known, and the
// object.
Status LoadCheckConfig(const std::vector<std::string>& files, CheckConfig* out,
                       const CheckSelection& selection = {});

}  // namespace flowmon
