#include "flowmon/alarm/alarm.h"

#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

// A row of the documentation's tables: oldest first; 0 = not breaching,
// X = breaching, - = missing. Threshold 1, GreaterThanOrEqualToThreshold.
std::vector<EvaluationSlot> Row(std::string_view row) {
  std::vector<EvaluationSlot> slots;
  int64_t t = 1563108000;
  for (char c : row) {
    if (c == ' ') continue;
    EvaluationSlot s;
    s.start = t;
    t += 60;
    if (c == '0') s.value = 0;
    if (c == 'X') s.value = 2;
    slots.push_back(s);
  }
  return slots;
}

// The outcome as the tables write it; "retain" for ignore's "Retain
// current state" (checked from both OK and ALARM).
std::string Outcome(int n, int m, TreatMissingData treat,
                    std::string_view row) {
  AlarmSpec spec;
  spec.threshold = 1;
  spec.evaluation_periods = n;
  spec.datapoints_to_alarm = m;
  spec.treat_missing = treat;
  const auto slots = Row(row);
  REQUIRE(static_cast<int>(slots.size()) == spec.evaluation_range());
  const AlarmDecision from_ok = DecideAlarmState(spec, slots, AlarmState::kOk);
  const AlarmDecision from_alarm =
      DecideAlarmState(spec, slots, AlarmState::kAlarm);
  if (!from_ok.state) {
    CHECK_FALSE(from_alarm.state);
    return "retain";
  }
  CHECK(from_alarm.state == from_ok.state);
  return std::string(AlarmStateName(*from_ok.state));
}

using T = TreatMissingData;

// A row of AWS's table: the datapoints, then the state for each
// treat-missing-data setting.
struct TableRow {
  const char* row;
  const char *missing, *ignore, *breaching, *not_breaching;
};

void CheckTableRow(int n, int m, const TableRow& r) {
  INFO(r.row);
  CHECK(Outcome(n, m, T::kMissing, r.row) == r.missing);
  CHECK(Outcome(n, m, T::kIgnore, r.row) == r.ignore);
  CHECK(Outcome(n, m, T::kBreaching, r.row) == r.breaching);
  CHECK(Outcome(n, m, T::kNotBreaching, r.row) == r.not_breaching);
}

TEST_CASE("AWS table: 3 out of 3 datapoints, every missing-data setting",
          "[alarm]") {
  const TableRow rows[] = {
      {"0 - X - X", "OK", "OK", "OK", "OK"},
      {"0 - - - -", "OK", "OK", "OK", "OK"},
      {"- - - - -", "INSUFFICIENT_DATA", "retain", "ALARM", "OK"},
      {"0 X X - X", "ALARM", "ALARM", "ALARM", "ALARM"},
      {"- - - - X", "INSUFFICIENT_DATA", "retain", "ALARM", "OK"},
      {"X - - - -", "ALARM", "retain", "ALARM", "OK"},
  };
  for (const TableRow& r : rows) CheckTableRow(3, 3, r);
}

TEST_CASE("AWS table: 2 out of 3 datapoints, every missing-data setting",
          "[alarm]") {
  const TableRow rows[] = {
      {"0 - X - X", "ALARM", "ALARM", "ALARM", "ALARM"},
      {"0 0 X 0 X", "ALARM", "ALARM", "ALARM", "ALARM"},
      {"0 - X - -", "OK", "OK", "ALARM", "OK"},
      {"- - - - 0", "OK", "OK", "ALARM", "OK"},
      {"- - - - X", "INSUFFICIENT_DATA", "retain", "ALARM", "OK"},
  };
  for (const TableRow& r : rows) CheckTableRow(3, 2, r);
}

TEST_CASE("every comparison operator at, above and below the threshold",
          "[alarm]") {
  struct C {
    ComparisonOperator op;
    bool below, at, above;
  };
  const C cases[] = {
      {ComparisonOperator::kGreaterThanOrEqualToThreshold, false, true, true},
      {ComparisonOperator::kGreaterThanThreshold, false, false, true},
      {ComparisonOperator::kLessThanThreshold, true, false, false},
      {ComparisonOperator::kLessThanOrEqualToThreshold, true, true, false},
  };
  for (const C& c : cases) {
    AlarmSpec spec;
    spec.threshold = 10;
    spec.comparison = c.op;
    INFO(ComparisonName(c.op));
    CHECK(spec.Breaches(9.999) == c.below);
    CHECK(spec.Breaches(10) == c.at);
    CHECK(spec.Breaches(10.001) == c.above);
  }
}

TEST_CASE("M out of N with enough real datapoints", "[alarm]") {
  AlarmSpec spec;
  spec.threshold = 1;
  spec.evaluation_periods = 5;
  spec.datapoints_to_alarm = 3;
  // Range of 7; the newest 5 real points decide: X 0 X 0 X -> 3 of 5.
  CHECK(*DecideAlarmState(spec, Row("0 0 X 0 X 0 X"), AlarmState::kOk).state ==
        AlarmState::kAlarm);
  CHECK(*DecideAlarmState(spec, Row("X X 0 0 X 0 X"), AlarmState::kOk).state ==
        AlarmState::kOk);
  // Missing points are skipped over: the newest 5 real are 0 X 0 0 X.
  CHECK(*DecideAlarmState(spec, Row("X 0 X - 0 0 X"), AlarmState::kOk).state ==
        AlarmState::kOk);
  CHECK(*DecideAlarmState(spec, Row("0 X X - X 0 X"), AlarmState::kOk).state ==
        AlarmState::kAlarm);
}

TEST_CASE("reasons in CloudWatch's wording", "[alarm]") {
  AlarmSpec spec;
  spec.threshold = 1;
  const auto slots = Row("- - X");
  const AlarmDecision d =
      DecideAlarmState(spec, slots, AlarmState::kInsufficientData);
  CHECK(d.reason ==
        "Threshold Crossed: 1 out of the last 1 datapoints [2.0 (14/07/19 "
        "12:42:00)] "
        "was greater than or equal to the threshold (1.0) (minimum 1 datapoint "
        "for "
        "INSUFFICIENT_DATA -> ALARM transition).");
  spec.evaluation_periods = 3;
  spec.datapoints_to_alarm = 2;
  const AlarmDecision two =
      DecideAlarmState(spec, Row("0 0 X 0 X"), AlarmState::kOk);
  CHECK(two.reason ==
        "Threshold Crossed: 2 out of the last 3 datapoints [2.0 (14/07/19 "
        "12:44:00), "
        "2.0 (14/07/19 12:42:00)] were greater than or equal to the threshold "
        "(1.0) "
        "(minimum 2 datapoints for OK -> ALARM transition).");
  const AlarmDecision ok =
      DecideAlarmState(spec, Row("X X 0 0 X"), AlarmState::kAlarm);
  CHECK(ok.reason ==
        "Threshold Crossed: 2 out of the last 3 datapoints [0.0 (14/07/19 "
        "12:43:00), "
        "0.0 (14/07/19 12:42:00)] were not greater than or equal to the "
        "threshold (1.0) "
        "(minimum 2 datapoints for ALARM -> OK transition).");
  spec.treat_missing = TreatMissingData::kBreaching;
  const AlarmDecision filled =
      DecideAlarmState(spec, Row("- - - - -"), AlarmState::kOk);
  CHECK(filled.reason ==
        "Threshold Crossed: no datapoints were received for 3 periods and 3 "
        "missing "
        "datapoints were treated as [Breaching] (minimum 2 datapoints for OK "
        "-> ALARM "
        "transition).");
  spec.treat_missing = TreatMissingData::kMissing;
  CHECK(DecideAlarmState(spec, Row("- - - - -"), AlarmState::kOk).reason ==
        "Insufficient Data: 3 datapoints were unknown.");
}

TEST_CASE("numbers and times as CloudWatch writes them", "[alarm]") {
  CHECK(ReasonNumber(1) == "1.0");
  CHECK(ReasonNumber(0) == "0.0");
  CHECK(ReasonNumber(2.5) == "2.5");
  CHECK(ReasonNumber(-3) == "-3.0");
  CHECK(ReasonNumber(12345678) == "1.2345678E7");
  CHECK(ReasonTime(1563108188) == "14/07/19 12:43:08");
}

TEST_CASE("replay: evaluated every minute, periods slide minute by minute",
          "[alarm]") {
  AlarmSpec spec;
  spec.threshold = 3;
  spec.period = 300;
  std::vector<AlarmTransition> seen;
  AlarmEvaluator ev(spec, [&](const AlarmTransition& t) { seen.push_back(t); });
  // One sample of 1 in each of minutes 0..3: the 5-minute Sum reaches 3 at
  // the evaluation that ends minute 2 (minutes 0, 1, 2 in the window).
  const int64_t t0 = 1563108000;  // 12:40:00
  for (int i = 0; i < 4; ++i) {
    Aggregate a;
    a.Add(1, false);
    ev.AddMinute(t0 + 60 * i, a);
  }
  ev.Finish();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].time == t0 + 60);  // window 12:36-12:41: Sum 1 -> OK
  CHECK(seen[0].to == AlarmState::kOk);
  CHECK(seen[1].time == t0 + 180);  // window 12:38-12:43: Sum 3
  CHECK(seen[1].to == AlarmState::kAlarm);
  CHECK(ev.state() == AlarmState::kAlarm);
}

TEST_CASE("replay: datapoints, missing data and ignore", "[alarm]") {
  AlarmSpec spec;
  spec.threshold = 1;
  spec.evaluation_periods = 3;
  spec.treat_missing = TreatMissingData::kIgnore;
  std::vector<AlarmTransition> seen;
  AlarmEvaluator ev(spec, [&](const AlarmTransition& t) { seen.push_back(t); });
  const int64_t t0 = 1563108000;
  ev.AddDatapoint(t0, 5);
  ev.AddDatapoint(t0 + 60, 5);
  ev.AddDatapoint(t0 + 120, 5);
  ev.AddDatapoint(t0 + 600, 0);
  ev.Finish();
  // INSUFFICIENT_DATA stays until 3 real points; then ALARM; the gap keeps
  // ALARM (ignore); the lone 0 turns it OK.
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].to == AlarmState::kAlarm);
  CHECK(seen[0].time == t0 + 180);
  CHECK(seen[1].to == AlarmState::kOk);
  CHECK(seen[1].time == t0 + 660);
  CHECK(ev.ever_in_alarm());
}

TEST_CASE("alarm settings are validated", "[alarm]") {
  AlarmSpec spec;
  spec.evaluation_periods = 3;
  spec.datapoints_to_alarm = 4;
  CHECK_FALSE(spec.Validate().ok());
  spec.datapoints_to_alarm = 2;
  spec.period = 90;
  CHECK_FALSE(spec.Validate().ok());
  spec.period = 86400;
  CHECK_FALSE(spec.Validate().ok());
  spec.period = 300;
  CHECK(spec.Validate().ok());
  CHECK(ParseComparison("GreaterThanThreshold").ok());
  CHECK(ParseComparison(">").status().message().starts_with(
      "unknown comparison operator '>' (expected "
      "GreaterThanOrEqualToThreshold"));
  CHECK(*ParseTreatMissingData("notBreaching") ==
        TreatMissingData::kNotBreaching);
}

}  // namespace
}  // namespace flowmon
