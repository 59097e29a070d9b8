// Monitor definitions for `flowmon check`, read from the JSON users already
// keep: describe-metric-filters / describe-alarms output, CloudFormation
// templates, and flowmon's own format.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/core/status.h"
#include "flowmon/sinks/metric.h"

namespace flowmon {

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
  std::optional<AlarmState> expect;  // flowmon format: the asserted final state
};

struct CheckConfig {
  std::vector<Monitor> monitors;
  std::vector<std::string> warnings;  // unknown keys, filters without alarms
};

// Reads every file, detects its shape, joins alarms to metric filters by
// metric name and namespace. Errors (unreadable or invalid JSON, a value of
// the wrong type, an unsupported feature such as metric math, an alarm
// whose metric no filter publishes) name the file and the object.
Status LoadCheckConfig(const std::vector<std::string>& files, CheckConfig* out);

}  // namespace flowmon
