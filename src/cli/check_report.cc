// The check report: one row, JSON object or JUnit test case per alarm.
#include "check_report.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "flowmon/core/csv_writer.h"
#include "flowmon/core/human_text.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/core/terminal_text.h"
#include "flowmon/core/time_util.h"
#include "flowmon/core/xml_writer.h"

namespace flowmon {
namespace {

std::string Timeline(const std::vector<AlarmTransition>& transitions) {
  std::string out;
  for (const AlarmTransition& t : transitions) {
    out += fmt::format("{}  {} -> {}  {}\n", FormatIso8601(t.time),
                       AlarmStateName(t.from), AlarmStateName(t.to), t.reason);
  }
  return out;
}

std::optional<int64_t> FirstAlarm(const CheckedAlarm& c) {
  for (const AlarmTransition& t : *c.transitions)
    if (t.to == AlarmState::kAlarm) return t.time;
  return std::nullopt;
}

// The EXPECT column: "-" for the default, a lone ends-in as its state.
std::string ExpectColumn(const std::vector<Expectation>& expect) {
  if (expect.empty()) return "-";
  if (expect.size() == 1 && expect[0].kind == Expectation::Kind::kEndsIn)
    return std::string(AlarmStateName(expect[0].state));
  std::string out;
  for (const Expectation& e : expect) {
    if (!out.empty()) out += ", ";
    out += e.Text();
  }
  return out;
}

std::string Failures(const Verdict& v) {
  std::string out;
  for (const std::string& f : v.failures) {
    if (!out.empty()) out += "; ";
    out += f;
  }
  return out;
}

void Table(const std::vector<CheckedAlarm>& checked,
           const std::vector<SkippedAlarm>& skipped, fmt::memory_buffer* out) {
  size_t width = 7, expect_width = 6, failures = 0;
  for (const CheckedAlarm& c : checked) {
    width = std::max(width, c.monitor->name.size());
    expect_width =
        std::max(expect_width, ExpectColumn(c.monitor->expect).size());
  }
  for (const SkippedAlarm& s : skipped) width = std::max(width, s.name.size());
  auto row = [&](std::string_view name, std::string_view state,
                 std::string_view transitions, std::string_view first_alarm,
                 std::string_view expect, std::string_view result) {
    fmt::format_to(std::back_inserter(*out),
                   "{:<{}}  {:<17}  {:>11}  {:<20}  {:<{}}  {}\n", name, width,
                   state, transitions, first_alarm, expect, expect_width,
                   result);
  };
  row("MONITOR", "FINAL STATE", "TRANSITIONS", "FIRST ALARM", "EXPECT",
      "RESULT");
  for (const CheckedAlarm& c : checked) {
    const std::optional<int64_t> first = FirstAlarm(c);
    if (!c.verdict.pass) ++failures;
    row(c.monitor->name, AlarmStateName(c.final_state),
        GroupThousands(static_cast<double>(c.transitions->size())),
        first ? FormatIso8601(*first) : "-", ExpectColumn(c.monitor->expect),
        c.verdict.pass ? "pass" : "FAIL");
  }
  for (const SkippedAlarm& s : skipped)
    row(s.name, "-", "-", "-", "-", "skipped: " + s.reason);
  fmt::format_to(std::back_inserter(*out), "{} of {} monitors passed",
                 checked.size() - failures, checked.size());
  if (!skipped.empty())
    fmt::format_to(std::back_inserter(*out), ", {} skipped", skipped.size());
  out->push_back('\n');
}

void AppendStrings(fmt::memory_buffer* out,
                   const std::vector<std::string>& strings) {
  out->push_back('[');
  for (size_t i = 0; i < strings.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(out, strings[i]);
  }
  out->push_back(']');
}

// One object per alarm: a JSON array (json) or one object a line (ndjson).
void Json(const std::vector<CheckedAlarm>& checked,
          const std::vector<SkippedAlarm>& skipped, bool array,
          fmt::memory_buffer* out) {
  const size_t objects = checked.size() + skipped.size();
  size_t written = 0;
  if (array) out->append(std::string_view(objects == 0 ? "[" : "[\n"));
  auto end = [&] {
    ++written;
    if (array && written < objects) out->push_back(',');
    out->push_back('\n');
  };
  auto begin = [&](const std::string& name, const std::string& origin) {
    out->append(std::string_view("{\"name\":"));
    AppendJsonString(out, name);
    out->append(std::string_view(",\"origin\":"));
    AppendJsonString(out, origin);
  };
  for (const CheckedAlarm& c : checked) {
    begin(c.monitor->name, c.monitor->origin);
    std::vector<std::string> expect;
    for (const Expectation& e : c.monitor->expect) expect.push_back(e.Text());
    out->append(std::string_view(",\"expect\":"));
    AppendStrings(out, expect);
    fmt::format_to(std::back_inserter(*out), ",\"verdict\":\"{}\"",
                   c.verdict.pass ? "pass" : "fail");
    out->append(std::string_view(",\"failures\":"));
    AppendStrings(out, c.verdict.failures);
    fmt::format_to(std::back_inserter(*out), ",\"final_state\":\"{}\"",
                   AlarmStateName(c.final_state));
    const std::optional<int64_t> first = FirstAlarm(c);
    fmt::format_to(std::back_inserter(*out), ",\"first_alarm\":{}",
                   first ? fmt::format("\"{}\"", FormatIso8601(*first))
                         : std::string("null"));
    out->append(std::string_view(",\"transitions\":["));
    for (size_t i = 0; i < c.transitions->size(); ++i) {
      const AlarmTransition& t = (*c.transitions)[i];
      if (i > 0) out->push_back(',');
      fmt::format_to(
          std::back_inserter(*out),
          "{{\"time\":\"{}\",\"from\":\"{}\",\"to\":\"{}\",\"reason\":",
          FormatIso8601(t.time), AlarmStateName(t.from), AlarmStateName(t.to));
      AppendJsonString(out, t.reason);
      out->push_back('}');
    }
    out->append(std::string_view("]}"));
    end();
  }
  for (const SkippedAlarm& s : skipped) {
    begin(s.name, s.origin);
    out->append(std::string_view(",\"verdict\":\"skipped\",\"reason\":"));
    AppendJsonString(out, s.reason);
    out->push_back('}');
    end();
  }
  if (array) out->append(std::string_view("]\n"));
}

// One row per alarm, the columns of the table plus the origin and why it
// failed or was skipped; what a skipped alarm has not (its state, ...) is
// an empty cell, the null of CSV (docs/output.md).
void Delimited(const std::vector<CheckedAlarm>& checked,
               const std::vector<SkippedAlarm>& skipped, char sep,
               fmt::memory_buffer* out) {
  auto row = [&](std::initializer_list<std::string_view> cells) {
    bool first = true;
    for (std::string_view cell : cells) {
      if (!first) out->push_back(sep);
      first = false;
      AppendCsvField(out, cell, sep);
    }
    out->push_back('\n');
  };
  row({"name", "origin", "verdict", "final_state", "transitions", "first_alarm",
       "expect", "reason"});
  for (const CheckedAlarm& c : checked) {
    const std::optional<int64_t> first = FirstAlarm(c);
    std::string expect;
    for (const Expectation& e : c.monitor->expect) {
      if (!expect.empty()) expect += ", ";
      expect += e.Text();
    }
    row({c.monitor->name, c.monitor->origin, c.verdict.pass ? "pass" : "fail",
         AlarmStateName(c.final_state), std::to_string(c.transitions->size()),
         first ? FormatIso8601(*first) : "", expect, Failures(c.verdict)});
  }
  for (const SkippedAlarm& s : skipped)
    row({s.name, s.origin, "skipped", "", "", "", "", s.reason});
}

std::string JUnit(const std::vector<CheckedAlarm>& checked,
                  const std::vector<SkippedAlarm>& skipped) {
  std::string cases;
  size_t failures = 0;
  for (const CheckedAlarm& c : checked) {
    cases += fmt::format(
        "    <testcase classname=\"flowmon.check\" name=\"{}\" time=\"0\">\n",
        XmlText(c.monitor->name));
    if (!c.verdict.pass) {
      ++failures;
      cases += fmt::format(
          "      <failure message=\"{}\" type=\"AlarmState\">{}</failure>\n",
          XmlText(Failures(c.verdict)), XmlText(Timeline(*c.transitions)));
    }
    cases += fmt::format(
        "      <system-out>{}{}</system-out>\n    </testcase>\n",
        XmlText(c.monitor->origin + "\n"), XmlText(Timeline(*c.transitions)));
  }
  for (const SkippedAlarm& s : skipped) {
    cases += fmt::format(
        "    <testcase classname=\"flowmon.check\" name=\"{}\" time=\"0\">\n"
        "      <skipped message=\"{}\"/>\n"
        "      <system-out>{}</system-out>\n    </testcase>\n",
        XmlText(s.name), XmlText(s.reason), XmlText(s.origin + "\n"));
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"flowmon check\" tests=\"{0}\" failures=\"{1}\">\n"
      "  <testsuite name=\"flowmon check\" tests=\"{0}\" failures=\"{1}\" "
      "errors=\"0\" skipped=\"{2}\">\n{3}  </testsuite>\n</testsuites>\n",
      checked.size() + skipped.size(), failures, skipped.size(), cases);
}

}  // namespace

bool WriteCheckReport(const std::vector<CheckedAlarm>& checked,
                      const std::vector<SkippedAlarm>& skipped,
                      const std::string& output, const std::string& junit) {
  fmt::memory_buffer out;
  if (output == "json" || output == "ndjson") {
    Json(checked, skipped, output == "json", &out);
  } else if (output == "csv" || output == "tsv") {
    Delimited(checked, skipped, output == "csv" ? ',' : '\t', &out);
  } else {
    Table(checked, skipped, &out);
  }
  WriteOutput(stdout, std::string_view(out.data(), out.size()));
  if (Status s = FinishOutput(stdout, "stdout"); !s.ok()) {
    spdlog::error("{}", s.message());
    return false;
  }
  if (junit.empty()) return true;
  std::FILE* f = std::fopen(junit.c_str(), "w");
  if (f == nullptr) {
    spdlog::error("cannot write to {}: {}", TerminalSafe(junit),
                  std::strerror(errno));
    return false;
  }
  WriteOutput(f, JUnit(checked, skipped));
  if (Status s = CloseOutput(f, TerminalSafe(junit)); !s.ok()) {
    spdlog::error("{}", s.message());
    return false;
  }
  return true;
}

}  // namespace flowmon
