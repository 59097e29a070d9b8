// What `flowmon check` prints: the table, JSON or CSV on stdout, and the
// JUnit XML file.
#pragma once

#include <string>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/check/check_config.h"
#include "flowmon/check/expectation.h"

namespace flowmon {

// One checked alarm's replay. Lifetime: points into the config and the
// monitor set, which outlive the report.
struct CheckedAlarm {
  const Monitor* monitor = nullptr;
  AlarmState final_state = AlarmState::kInsufficientData;
  const std::vector<AlarmTransition>* transitions = nullptr;
  Verdict verdict;
};

// Writes the report of `checked` and `skipped` to stdout as `output` ("text",
// "json", "ndjson", "csv" or "tsv"), and to `junit` as JUnit XML unless it is
// empty. Returns false (after logging why, naming stdout or the file) when a
// write fails.
bool WriteCheckReport(const std::vector<CheckedAlarm>& checked,
                      const std::vector<SkippedAlarm>& skipped,
                      const std::string& output, const std::string& junit);

}  // namespace flowmon
