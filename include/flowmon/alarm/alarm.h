// CloudWatch metric alarms: threshold, M out of N datapoints, the evaluation
// range and the four ways to treat missing data, evaluated every minute as
// "Using Amazon CloudWatch alarms" describes.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/statistics.h"
#include "flowmon/core/status.h"

namespace flowmon {

enum class AlarmState { kOk, kAlarm, kInsufficientData };
enum class ComparisonOperator {
  kGreaterThanOrEqualToThreshold,
  kGreaterThanThreshold,
  kLessThanThreshold,
  kLessThanOrEqualToThreshold,
};
enum class TreatMissingData { kMissing, kNotBreaching, kBreaching, kIgnore };
// EvaluateLowSampleCountPercentile: what a percentile alarm does with a
// period whose samples are too few for the percentile to be significant.
enum class LowSampleCount { kEvaluate, kIgnore };

std::string_view AlarmStateName(AlarmState s);  // "OK", "ALARM", ...
std::string_view ComparisonName(ComparisonOperator c);
std::string_view TreatMissingDataName(TreatMissingData t);
std::string_view LowSampleCountName(LowSampleCount l);  // "evaluate", ...
Result<AlarmState> ParseAlarmState(std::string_view text);
Result<ComparisonOperator> ParseComparison(std::string_view text);
Result<TreatMissingData> ParseTreatMissingData(std::string_view text);
Result<LowSampleCount> ParseLowSampleCount(std::string_view text);

// The fewest samples from which percentile `percentile` (0..100) is
// statistically significant, per "Percentile-based alarms and low data
// samples": 10/(1-p) for 0.5 <= p < 1, 10/p for 0 < p < 0.5. p0 and p100
// fall in neither range: 0, always significant.
double SignificantSampleCount(double percentile);

// The longest period PutMetricAlarm accepts: Period x EvaluationPeriods is
// at most seven days (604,800 s).
inline constexpr int64_t kMaxAlarmPeriod = 604800;

struct AlarmSpec {
  std::string name = "flowmon-alarm";
  double threshold = 0;
  ComparisonOperator comparison =
      ComparisonOperator::kGreaterThanOrEqualToThreshold;
  int evaluation_periods = 1;   // N
  int datapoints_to_alarm = 0;  // M; 0 means N
  TreatMissingData treat_missing = TreatMissingData::kMissing;
  int64_t period = 60;  // seconds, a multiple of 60
  Statistic stat{Statistic::Kind::kSum, 0, "Sum"};
  AlarmState initial_state = AlarmState::kInsufficientData;
  // Unset as in AWS when the setting is omitted: percentiles are evaluated.
  std::optional<LowSampleCount> low_sample_count;

  int m() const {
    return datapoints_to_alarm > 0 ? datapoints_to_alarm : evaluation_periods;
  }
  // The datapoints retrieved per evaluation: more than N (5 for N = 3, the
  // one size the documentation gives); flowmon uses N + 2.
  int evaluation_range() const { return evaluation_periods + 2; }
  bool Breaches(double value) const;
  // True when a datapoint from `samples` samples leaves the state as it is:
  // a percentile statistic, low_sample_count ignore, and fewer samples
  // than SignificantSampleCount.
  bool TooFewSamples(double samples) const;
  // CloudWatch's limits: 1 <= M <= N, period a multiple of 60, N x period
  // at most one day.
  Status Validate() const;
};

// One slot of the evaluation range, oldest first.
struct EvaluationSlot {
  int64_t start = 0;  // the datapoint's period start, epoch seconds
  std::optional<double> value;
  std::optional<double> samples;  // the sample count behind value, if known
};

// The outcome of one evaluation: the new state, or nullopt to keep the
// current one (treat missing data as ignore), and CloudWatch's reason.
struct AlarmDecision {
  std::optional<AlarmState> state;
  std::string reason;
};

// Decides the state for one evaluation range (oldest slot first), exactly
// per the rules and tables of "How alarm state is evaluated when data is
// missing". `current` is the state before the evaluation. A newest slot
// with too few samples (AlarmSpec::TooFewSamples) keeps the state.
AlarmDecision DecideAlarmState(const AlarmSpec& spec,
                               std::span<const EvaluationSlot> range,
                               AlarmState current);

struct AlarmTransition {
  int64_t time = 0;  // the evaluation time, epoch seconds
  AlarmState from = AlarmState::kInsufficientData;
  AlarmState to = AlarmState::kInsufficientData;
  std::string reason;
};

// When a replay evaluates: at every evaluation time from `since` up to and
// including `until`, with or without data. Without `since` evaluations
// start with the first data; without `until` they end at the end of the
// last data (a stream's: where its event time got to). Data before `since`
// is not evaluated itself but fills the evaluation ranges, as the data from
// before an alarm was created does in CloudWatch.
struct ReplayWindow {
  std::optional<int64_t> since;  // epoch seconds
  std::optional<int64_t> until;  // epoch seconds

  // The earliest record time an evaluation in the window can use: `since`
  // less the evaluation range; nullopt without `since`.
  std::optional<int64_t> FirstUsed(const AlarmSpec& spec) const;
};

// Replays an alarm over a metric in time order. Fed per-minute samples (the
// alarm evaluates every minute; a period longer than a minute slides minute
// by minute) or per-period datapoints (evaluated once per period).
class AlarmEvaluator {
 public:
  using OnTransition = std::function<void(const AlarmTransition&)>;
  AlarmEvaluator(AlarmSpec spec, OnTransition on_transition,
                 ReplayWindow window = {});

  // A minute's samples. REQUIRES: minutes in increasing order.
  void AddMinute(int64_t minute, const Aggregate& samples);
  // A period's datapoint, or (no value) a period known to have no data,
  // which extends the replay like a datapoint. `samples`: the sample count
  // behind the value, if known. REQUIRES: increasing period starts.
  void AddDatapoint(int64_t period_start, std::optional<double> value,
                    std::optional<double> samples = std::nullopt);
  // On a stream: every minute before `t` is final, data or not; runs the
  // evaluations up to `t`.
  void AdvanceTo(int64_t t);
  // Runs the evaluations up to the window's `until`, or without one, up to
  // the end of the last data received.
  void Finish();

  AlarmState state() const { return state_; }
  bool ever_in_alarm() const { return ever_alarm_; }
  size_t transitions() const { return transitions_; }
  // The evaluations run; those that could not change anything (their
  // ranges, like the one before, hold no data) are skipped, not counted.
  uint64_t evaluations() const { return evaluations_; }
  // The datapoints evaluated, one per period start aligned to the period.
  const std::map<int64_t, double>& datapoints() const { return datapoints_; }
  // Keeps only the newest `n` datapoints for datapoints() (0, the default:
  // all): on an endless stream the history grows with the data's time
  // span, not with anything the evaluation needs.
  void KeepDatapoints(size_t n) { keep_datapoints_ = n; }
  // How many older datapoints KeepDatapoints let go.
  uint64_t dropped_datapoints() const { return dropped_datapoints_; }
  const AlarmSpec& spec() const { return spec_; }
  const ReplayWindow& window() const { return window_; }

 private:
  struct Point {
    double value = 0;
    std::optional<double> samples;
  };
  // Sets the first evaluation time from the first one the data allows.
  void Start(int64_t first);
  // Starts at the window's `since` (on the minutes), if it has one.
  void StartAtSince();
  void EvaluateUntil(int64_t t);  // evaluation times <= t, within window_
  void Evaluate(int64_t t);
  // True when the evaluation range at `t` holds a minute or datapoint.
  bool RangeHasData(int64_t t) const;
  // The next evaluation time from `from` on whose range holds data, or the
  // first one past `t`. REQUIRES: from is an evaluation time.
  int64_t NextWithData(int64_t from, int64_t t) const;
  // The datapoint of [start, end) into *slot.
  void Fill(int64_t start, int64_t end, EvaluationSlot* slot) const;
  int64_t step() const;  // between evaluations

  AlarmSpec spec_;
  OnTransition on_transition_;
  ReplayWindow window_;
  AlarmState state_;
  bool ever_alarm_ = false;
  size_t transitions_ = 0;
  uint64_t evaluations_ = 0;
  bool by_minute_ = true;
  std::map<int64_t, Aggregate> minutes_;  // the last range's worth
  std::map<int64_t, Point> points_;       // datapoints mode
  std::map<int64_t, double> datapoints_;  // for output
  size_t keep_datapoints_ = 0;
  uint64_t dropped_datapoints_ = 0;
  int64_t next_eval_ = INT64_MIN;
  int64_t data_end_ = INT64_MIN;
  bool last_range_empty_ = false;  // the last evaluation's range
};

// "14/07/19 12:43:00": how CloudWatch writes times in reasons.
std::string ReasonTime(int64_t epoch_seconds);
// "1.0", "2.5", "1.0E7": how CloudWatch writes numbers in reasons.
std::string ReasonNumber(double v);

}  // namespace flowmon
