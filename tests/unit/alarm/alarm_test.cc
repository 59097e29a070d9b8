#include "flowmon/alarm/alarm.h"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/ingest/source.h"

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

// How a row is fed to an AlarmEvaluator: as --datapoints lines (a missing
// datapoint is a line without a value) or as a metric's minutes (a missing
// datapoint is a minute without samples).
enum class Feed { kDatapoints, kMinutes };

// The state after replaying the row's five one-minute periods and
// evaluating up to the end of the last (--until), from `initial`: at that
// evaluation the range is exactly the row.
AlarmState Replayed(int n, int m, TreatMissingData treat, std::string_view row,
                    AlarmState initial, Feed feed) {
  AlarmSpec spec;
  spec.threshold = 1;
  spec.evaluation_periods = n;
  spec.datapoints_to_alarm = m;
  spec.treat_missing = treat;
  spec.initial_state = initial;
  const auto slots = Row(row);
  ReplayWindow window;
  window.until = slots.back().start + 60;
  // A row with no datapoint at all has nothing to start the replay: the
  // evaluations start where the first period ends.
  if (feed == Feed::kMinutes) window.since = slots.front().start + 60;
  AlarmEvaluator ev(
      spec, [](const AlarmTransition&) {}, window);
  for (const EvaluationSlot& slot : slots) {
    if (feed == Feed::kDatapoints) {
      ev.AddDatapoint(slot.start, slot.value);
    } else if (slot.value) {
      Aggregate a;
      a.Add(*slot.value, false);
      ev.AddMinute(slot.start, a);
    }
  }
  ev.Finish();
  return ev.state();
}

void CheckReplayed(int n, int m, TreatMissingData treat, std::string_view row,
                   std::string_view want) {
  INFO(TreatMissingDataName(treat));
  for (Feed feed : {Feed::kDatapoints, Feed::kMinutes}) {
    for (AlarmState initial :
         {AlarmState::kOk, AlarmState::kAlarm, AlarmState::kInsufficientData}) {
      INFO("from " << AlarmStateName(initial)
                   << (feed == Feed::kMinutes ? " (minutes)" : ""));
      const AlarmState got = Replayed(n, m, treat, row, initial, feed);
      if (want == "retain") {
        CHECK(got == initial);
      } else {
        CHECK(AlarmStateName(got) == want);
      }
    }
  }
}

// Each row both as one evaluation (DecideAlarmState) and replayed.
void CheckTableRow(int n, int m, const TableRow& r) {
  INFO(r.row);
  CHECK(Outcome(n, m, T::kMissing, r.row) == r.missing);
  CHECK(Outcome(n, m, T::kIgnore, r.row) == r.ignore);
  CHECK(Outcome(n, m, T::kBreaching, r.row) == r.breaching);
  CHECK(Outcome(n, m, T::kNotBreaching, r.row) == r.not_breaching);
  CheckReplayed(n, m, T::kMissing, r.row, r.missing);
  CheckReplayed(n, m, T::kIgnore, r.row, r.ignore);
  CheckReplayed(n, m, T::kBreaching, r.row, r.breaching);
  CheckReplayed(n, m, T::kNotBreaching, r.row, r.not_breaching);
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

// "The next time this alarm is evaluated, if the data is still missing it
// will go to ALARM, as that non-breaching data point will no longer be
// among the 5 most recent data points retrieved" (the second row).
TEST_CASE("AWS: a breaching alarm goes to ALARM once the data stays missing",
          "[alarm]") {
  AlarmSpec spec;
  spec.threshold = 1;
  spec.evaluation_periods = 3;
  spec.treat_missing = T::kBreaching;
  const int64_t t0 = 1563108000;
  for (int64_t extra : {0, 60}) {
    std::vector<AlarmTransition> seen;
    AlarmEvaluator ev(
        spec, [&](const AlarmTransition& t) { seen.push_back(t); },
        ReplayWindow{std::nullopt, t0 + 300 + extra});
    ev.AddDatapoint(t0, 0.0);
    ev.Finish();
    INFO("until +" << extra);
    // The first evaluation already sees the 0: OK, and the row "0 - - - -"
    // keeps it OK.
    REQUIRE(!seen.empty());
    CHECK(seen[0].to == AlarmState::kOk);
    CHECK(ev.state() == (extra == 0 ? AlarmState::kOk : AlarmState::kAlarm));
    REQUIRE(seen.size() == (extra == 0 ? 1u : 2u));
    if (extra > 0) {
      CHECK(seen[1].time == t0 + 360);
      CHECK(seen[1].reason ==
            "Threshold Crossed: no datapoints were received for 3 periods and "
            "3 missing datapoints were treated as [Breaching] (minimum 3 "
            "datapoints for OK -> ALARM transition).");
    }
  }
}

TEST_CASE("datapoints kept for output: the newest, when bounded", "[alarm]") {
  // An endless stream's chart (alarm's text output) would otherwise keep a
  // datapoint per period for ever; the evaluation itself needs none of
  // them, so the answers are the same.
  AlarmSpec spec;
  spec.threshold = 5;
  spec.evaluation_periods = 1;
  const int64_t t0 = 1563108000;
  auto run = [&](size_t keep, std::vector<AlarmTransition>* seen) {
    AlarmEvaluator ev(
        spec, [seen](const AlarmTransition& t) { seen->push_back(t); },
        ReplayWindow{});
    ev.KeepDatapoints(keep);
    for (int i = 0; i < 10; ++i)
      ev.AddDatapoint(t0 + 60 * i, i % 3 == 0 ? 9 : 1);
    ev.Finish();
    std::vector<int64_t> kept;
    for (const auto& [t, v] : ev.datapoints()) kept.push_back(t);
    return std::make_pair(kept, ev.dropped_datapoints());
  };
  std::vector<AlarmTransition> all, bounded;
  const auto [every, none_dropped] = run(0, &all);
  const auto [newest, dropped] = run(3, &bounded);
  CHECK(every.size() == 10);
  CHECK(none_dropped == 0);
  CHECK(newest == std::vector<int64_t>{t0 + 420, t0 + 480, t0 + 540});
  CHECK(dropped == 7);
  REQUIRE(all.size() == bounded.size());
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].time == bounded[i].time);
    CHECK(all[i].to == bounded[i].to);
  }
}

// "missing – If all data points in the alarm evaluation range are missing,
// the alarm transitions to INSUFFICIENT_DATA": the sixth row's ALARM lasts
// while the breaching datapoint is in the range.
TEST_CASE("AWS: missing goes to INSUFFICIENT_DATA once the range is empty",
          "[alarm]") {
  AlarmSpec spec;
  spec.threshold = 1;
  spec.evaluation_periods = 3;
  const int64_t t0 = 1563108000;
  std::vector<AlarmTransition> seen;
  AlarmEvaluator ev(
      spec, [&](const AlarmTransition& t) { seen.push_back(t); },
      ReplayWindow{std::nullopt, t0 + 600});
  ev.AddDatapoint(t0, 2.0);
  ev.Finish();
  // At t0 + 60 the range is "- - - - X": INSUFFICIENT_DATA stays. By
  // t0 + 300 it is "X - - - -": ALARM (flowmon raises it as soon as the X
  // is the oldest of the N evaluated, at "- - X - -").
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].to == AlarmState::kAlarm);
  CHECK(seen[0].time == t0 + 180);
  // The range of the evaluation at t0 + 360 no longer holds t0.
  CHECK(seen[1].to == AlarmState::kInsufficientData);
  CHECK(seen[1].time == t0 + 360);
  CHECK(seen[1].reason == "Insufficient Data: 3 datapoints were unknown.");
}

TEST_CASE("replay window: until, since and periods without data", "[alarm]") {
  AlarmSpec spec;
  spec.threshold = 1;
  const int64_t t0 = 1563108000;
  std::vector<AlarmTransition> seen;
  auto replay = [&](ReplayWindow window, Feed feed, TreatMissingData treat) {
    seen.clear();
    spec.treat_missing = treat;
    AlarmEvaluator ev(
        spec, [&](const AlarmTransition& t) { seen.push_back(t); }, window);
    // X at t0, nothing at t0 + 60 (a line without a value), 0 at t0 + 600.
    if (feed == Feed::kDatapoints) {
      ev.AddDatapoint(t0, 2.0);
      ev.AddDatapoint(t0 + 60, std::nullopt);
      ev.AddDatapoint(t0 + 600, 0.0);
    } else {
      Aggregate x, zero;
      x.Add(2, false);
      zero.Add(0, false);
      ev.AddMinute(t0, x);
      ev.AddMinute(t0 + 600, zero);
    }
    ev.Finish();
    return ev;
  };
  for (Feed feed : {Feed::kDatapoints, Feed::kMinutes}) {
    INFO((feed == Feed::kMinutes ? "minutes" : "datapoints"));
    // --until before the last data: nothing after it is evaluated.
    AlarmEvaluator until = replay({std::nullopt, t0 + 180}, feed, T::kMissing);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].to == AlarmState::kAlarm);
    CHECK(until.state() == AlarmState::kAlarm);
    CHECK(until.datapoints().size() == 1);
    // --since after the first data: that data fills the first range, and
    // the first transition is at --since.
    AlarmEvaluator since = replay({t0 + 120, std::nullopt}, feed, T::kMissing);
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].time == t0 + 120);
    CHECK(seen[0].to == AlarmState::kAlarm);
    CHECK(seen[1].time == t0 + 240);
    CHECK(seen[1].to == AlarmState::kInsufficientData);
    CHECK(seen[2].time == t0 + 660);
    CHECK(seen[2].to == AlarmState::kOk);
    CHECK(since.datapoints().size() == 2);
    // --since before the data: evaluated without data from there on.
    replay({t0 - 600, t0}, feed, T::kBreaching);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].time == t0 - 600);
    CHECK(seen[0].to == AlarmState::kAlarm);
  }
  // A trailing line without a value extends the replay like any other.
  seen.clear();
  spec.treat_missing = T::kMissing;
  AlarmEvaluator ev(spec, [&](const AlarmTransition& t) { seen.push_back(t); });
  ev.AddDatapoint(t0, 2.0);
  for (int i = 1; i <= 3; ++i) ev.AddDatapoint(t0 + 60 * i, std::nullopt);
  ev.Finish();
  REQUIRE(seen.size() == 2);
  CHECK(seen[1].time == t0 + 240);
  CHECK(seen[1].to == AlarmState::kInsufficientData);
  // No data at all, with a window: every minute of it is evaluated.
  seen.clear();
  spec.treat_missing = T::kBreaching;
  AlarmEvaluator empty(
      spec, [&](const AlarmTransition& t) { seen.push_back(t); },
      ReplayWindow{t0 + 1, t0 + 600});
  empty.Finish();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].time == t0 + 60);
  CHECK(seen[0].to == AlarmState::kAlarm);
  // On a stream, the clock runs them as it moves, before any data.
  seen.clear();
  AlarmEvaluator stream(
      spec, [&](const AlarmTransition& t) { seen.push_back(t); },
      ReplayWindow{t0, std::nullopt});
  stream.AdvanceTo(t0 - 60);
  CHECK(seen.empty());
  stream.AdvanceTo(t0 + 120);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].time == t0);
}

// "Percentile-based alarms and low data samples": "fewer than
// 10/(1-percentile) data points" for 0.5 <= p < 1, "fewer than 1000 samples
// for an alarm on a p99 percentile"; 10/percentile below 0.5.
TEST_CASE("AWS: percentiles and low data samples", "[alarm]") {
  CHECK(SignificantSampleCount(99) == 1000);
  CHECK(SignificantSampleCount(90) == 100);
  CHECK(SignificantSampleCount(50) == 20);
  CHECK(SignificantSampleCount(99.9) == 10000);
  CHECK(SignificantSampleCount(10) == 100);
  CHECK(SignificantSampleCount(25) == 40);
  CHECK(SignificantSampleCount(0) == 0);
  CHECK(SignificantSampleCount(100) == 0);
  AlarmSpec spec;
  spec.threshold = 1;
  spec.stat = *Statistic::Parse("p90");
  CHECK_FALSE(spec.TooFewSamples(99));  // evaluated unless told to ignore
  spec.low_sample_count = LowSampleCount::kEvaluate;
  CHECK_FALSE(spec.TooFewSamples(99));
  spec.low_sample_count = LowSampleCount::kIgnore;
  CHECK(spec.TooFewSamples(99));
  CHECK_FALSE(spec.TooFewSamples(100));
  spec.stat = *Statistic::Parse("Sum");
  CHECK_FALSE(spec.TooFewSamples(1));  // "used only for ... percentiles"
  CHECK(*ParseLowSampleCount("ignore") == LowSampleCount::kIgnore);
  CHECK(ParseLowSampleCount("skip").status().message() ==
        "unknown EvaluateLowSampleCountPercentile value 'skip' (expected "
        "evaluate, ignore)");

  // "the alarm state does not change during periods with too few data
  // points": a period of 99 breaching samples leaves the state, one of
  // 100 raises the alarm.
  spec.stat = *Statistic::Parse("p90");
  const int64_t t0 = 1563108000;
  for (const LowSampleCount low :
       {LowSampleCount::kEvaluate, LowSampleCount::kIgnore}) {
    spec.low_sample_count = low;
    std::vector<AlarmTransition> seen;
    AlarmEvaluator ev(spec,
                      [&](const AlarmTransition& t) { seen.push_back(t); });
    Aggregate few, enough;
    few.AddRepeated(5, 99, true);
    enough.AddRepeated(5, 100, true);
    ev.AddMinute(t0, few);
    ev.AddMinute(t0 + 60, enough);
    ev.Finish();
    INFO(LowSampleCountName(low));
    REQUIRE(!seen.empty());
    CHECK(seen[0].to == AlarmState::kAlarm);
    CHECK(seen[0].time ==
          (low == LowSampleCount::kIgnore ? t0 + 120 : t0 + 60));
    // The same from --datapoints sample counts.
    seen.clear();
    AlarmEvaluator dp(spec,
                      [&](const AlarmTransition& t) { seen.push_back(t); });
    dp.AddDatapoint(t0, 5.0, 99.0);
    dp.AddDatapoint(t0 + 60, 5.0, 100.0);
    dp.Finish();
    REQUIRE(!seen.empty());
    CHECK(seen[0].time ==
          (low == LowSampleCount::kIgnore ? t0 + 120 : t0 + 60));
  }
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

TEST_CASE("replay: a gap of decades costs what the data holds", "[alarm]") {
  // Records at 1970-01-01 and 2100-01-01: every minute between them has an
  // empty range, which decides nothing new after the first.
  AlarmSpec spec;
  spec.threshold = 1;
  const int64_t far = 4102444800;  // 2100-01-01T00:00:00Z
  for (const bool stream : {false, true}) {
    std::vector<AlarmTransition> seen;
    AlarmEvaluator ev(spec,
                      [&](const AlarmTransition& t) { seen.push_back(t); });
    Aggregate a;
    a.Add(5, false);
    ev.AddMinute(0, a);
    if (stream) {
      ev.AdvanceTo(600);  // a stream's clock, in steps
      ev.AdvanceTo(far / 2);
    }
    ev.AddMinute(far, a);
    ev.Finish();
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].time == 60);
    CHECK(seen[0].to == AlarmState::kAlarm);
    CHECK(seen[1].time == 240);  // the first range without the minute
    CHECK(seen[1].to == AlarmState::kInsufficientData);
    CHECK(seen[2].time == far + 60);
    CHECK(seen[2].to == AlarmState::kAlarm);
    // 60, 120, 180 (the minute still in range), 240 (empty), far + 60.
    CHECK(ev.evaluations() == 5);
  }
}

TEST_CASE("replay: a stop request after the input ended stops it", "[alarm]") {
  // The stop requests are process-wide: a child process makes them.
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    AlarmSpec spec;
    spec.threshold = 1;
    AlarmEvaluator ev(spec, [](const AlarmTransition&) {});
    Aggregate a;
    a.Add(5, false);
    // A stop that ended the input: the evaluations still run.
    RequestInputStop(SIGINT);
    ev.AddMinute(0, a);
    MarkInputEnded();
    ev.AddMinute(600, a);
    const bool ran = ev.evaluations() == 4 && !EvaluationStopRequested();
    // One after the input ended: no more evaluations.
    RequestInputStop(SIGTERM);
    ev.AddMinute(1200, a);
    ev.Finish();
    const bool stopped = ev.evaluations() == 4 && EvaluationStopRequested() &&
                         StopSignal() == SIGTERM;
    ::_exit(ran && stopped ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("replay: a window of decades without data", "[alarm]") {
  AlarmSpec spec;
  spec.threshold = 1;
  spec.evaluation_periods = 2;
  spec.period = 300;
  spec.treat_missing = TreatMissingData::kBreaching;
  std::vector<AlarmTransition> seen;
  ReplayWindow window;
  window.since = 0;
  window.until = 4102444800;
  AlarmEvaluator ev(
      spec, [&](const AlarmTransition& t) { seen.push_back(t); }, window);
  Aggregate zero;
  zero.Add(0, false);
  ev.AddMinute(600, zero);
  ev.Finish();
  // Missing data breaches: ALARM from the start, OK while the 0 is one of
  // the two newest periods' data (0 + one missing is not 2 of 2), ALARM
  // again once it is not, and so to the end.
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].to == AlarmState::kAlarm);
  CHECK(seen[1].to == AlarmState::kOk);
  CHECK(seen[2].to == AlarmState::kAlarm);
  CHECK(ev.state() == AlarmState::kAlarm);
  CHECK(ev.evaluations() < 100);
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

TEST_CASE("alarm settings: extreme periods are errors, not overflows",
          "[alarm]") {
  AlarmSpec spec;
  spec.period = 2160000000000000000;  // x 5 overflows int64 (UBSan)
  spec.evaluation_periods = 5;
  CHECK(spec.Validate().message() ==
        "--evaluation-periods x --period cannot exceed one day (86400 s)");
  spec.period = 60;
  spec.evaluation_periods = 2147483647;
  CHECK_FALSE(spec.Validate().ok());
  spec.evaluation_periods = 1440;
  CHECK(spec.Validate().ok());
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
