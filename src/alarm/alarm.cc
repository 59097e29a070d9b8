#include "flowmon/alarm/alarm.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>

#include "flowmon/core/time_util.h"
#include "flowmon/ingest/source.h"

namespace flowmon {
namespace {

constexpr int64_t kMinute = 60;

template <typename E, size_t N>
Result<E> ParseName(std::string_view text,
                    const std::pair<std::string_view, E> (&names)[N],
                    std::string_view what) {
  std::string all;
  for (const auto& [name, value] : names) {
    if (text == name) return value;
    if (!all.empty()) all += ", ";
    all += name;
  }
  return Status::InvalidArgument(
      fmt::format("unknown {} '{}' (expected {})", what, text, all));
}

constexpr std::pair<std::string_view, AlarmState> kStates[] = {
    {"OK", AlarmState::kOk},
    {"ALARM", AlarmState::kAlarm},
    {"INSUFFICIENT_DATA", AlarmState::kInsufficientData}};
constexpr std::pair<std::string_view, ComparisonOperator> kComparisons[] = {
    {"GreaterThanOrEqualToThreshold",
     ComparisonOperator::kGreaterThanOrEqualToThreshold},
    {"GreaterThanThreshold", ComparisonOperator::kGreaterThanThreshold},
    {"LessThanThreshold", ComparisonOperator::kLessThanThreshold},
    {"LessThanOrEqualToThreshold",
     ComparisonOperator::kLessThanOrEqualToThreshold}};
constexpr std::pair<std::string_view, TreatMissingData> kTreatments[] = {
    {"missing", TreatMissingData::kMissing},
    {"notBreaching", TreatMissingData::kNotBreaching},
    {"breaching", TreatMissingData::kBreaching},
    {"ignore", TreatMissingData::kIgnore}};
constexpr std::pair<std::string_view, LowSampleCount> kLowSampleCounts[] = {
    {"evaluate", LowSampleCount::kEvaluate},
    {"ignore", LowSampleCount::kIgnore}};

template <typename E, size_t N>
std::string_view NameOf(E value,
                        const std::pair<std::string_view, E> (&names)[N]) {
  for (const auto& [name, v] : names) {
    if (v == value) return name;
  }
  return "?";
}

std::string_view Phrase(ComparisonOperator c) {
  switch (c) {
    case ComparisonOperator::kGreaterThanOrEqualToThreshold:
      return "greater than or equal to";
    case ComparisonOperator::kGreaterThanThreshold:
      return "greater than";
    case ComparisonOperator::kLessThanThreshold:
      return "less than";
    case ComparisonOperator::kLessThanOrEqualToThreshold:
      return "less than or equal to";
  }
  return "?";
}

std::string Plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string_view WasWere(size_t n) { return n == 1 ? "was" : "were"; }

// "[1.0 (14/07/19 12:43:00), …]", newest first, as CloudWatch lists them.
std::string DatapointList(const std::vector<const EvaluationSlot*>& slots) {
  std::string out = "[";
  for (auto it = slots.rbegin(); it != slots.rend(); ++it) {
    if (out.size() > 1) out += ", ";
    out += fmt::format("{} ({})", ReasonNumber(*(*it)->value),
                       ReasonTime((*it)->start));
  }
  return out + "]";
}

// "Threshold Crossed: ..." for a move to `to` (ALARM or OK).
std::string CrossedReason(const AlarmSpec& spec, AlarmState from, AlarmState to,
                          const std::vector<const EvaluationSlot*>& listed,
                          size_t filled, std::string_view filled_as) {
  const bool alarm = to == AlarmState::kAlarm;
  const size_t n = static_cast<size_t>(spec.evaluation_periods);
  const size_t minimum = alarm ? static_cast<size_t>(spec.m())
                               : n - static_cast<size_t>(spec.m()) + 1;
  std::string text = "Threshold Crossed: ";
  if (listed.empty()) {
    text += fmt::format(
        "no datapoints were received for {} and {} {} treated as [{}]",
        Plural(filled, "period"), Plural(filled, "missing datapoint"),
        WasWere(filled), filled_as);
  } else {
    text += fmt::format(
        "{} out of the last {} datapoints {} {} {}{} the threshold ({})",
        listed.size(), n, DatapointList(listed), WasWere(listed.size()),
        alarm ? "" : "not ", Phrase(spec.comparison),
        ReasonNumber(spec.threshold));
    if (filled > 0) {
      text += fmt::format(" and {} {} treated as [{}]",
                          Plural(filled, "missing datapoint"), WasWere(filled),
                          filled_as);
    }
  }
  text += fmt::format(" (minimum {} for {} -> {} transition).",
                      Plural(minimum, "datapoint"), AlarmStateName(from),
                      AlarmStateName(to));
  return text;
}

}  // namespace

std::string_view AlarmStateName(AlarmState s) { return NameOf(s, kStates); }
std::string_view ComparisonName(ComparisonOperator c) {
  return NameOf(c, kComparisons);
}
std::string_view TreatMissingDataName(TreatMissingData t) {
  return NameOf(t, kTreatments);
}
std::string_view LowSampleCountName(LowSampleCount l) {
  return NameOf(l, kLowSampleCounts);
}
Result<AlarmState> ParseAlarmState(std::string_view t) {
  return ParseName(t, kStates, "alarm state");
}
Result<ComparisonOperator> ParseComparison(std::string_view t) {
  return ParseName(t, kComparisons, "comparison operator");
}
Result<TreatMissingData> ParseTreatMissingData(std::string_view t) {
  return ParseName(t, kTreatments, "treat-missing-data value");
}
Result<LowSampleCount> ParseLowSampleCount(std::string_view t) {
  return ParseName(t, kLowSampleCounts,
                   "EvaluateLowSampleCountPercentile value");
}

double SignificantSampleCount(double percentile) {
  // In percent, so that p90 needs 1000/10 = 100 samples exactly; rounded to
  // a millionth against the binary residue of p99.9 and the like.
  double n = 0;
  if (percentile >= 50 && percentile < 100) {
    n = 1000 / (100 - percentile);
  } else if (percentile > 0 && percentile < 50) {
    n = 1000 / percentile;
  }
  return std::round(n * 1e6) / 1e6;
}

bool AlarmSpec::Breaches(double v) const {
  switch (comparison) {
    case ComparisonOperator::kGreaterThanOrEqualToThreshold:
      return v >= threshold;
    case ComparisonOperator::kGreaterThanThreshold:
      return v > threshold;
    case ComparisonOperator::kLessThanThreshold:
      return v < threshold;
    case ComparisonOperator::kLessThanOrEqualToThreshold:
      return v <= threshold;
  }
  return false;
}

bool AlarmSpec::TooFewSamples(double samples) const {
  return low_sample_count == LowSampleCount::kIgnore &&
         stat.kind == Statistic::Kind::kPercentile &&
         samples < SignificantSampleCount(stat.percentile);
}

Status AlarmSpec::Validate() const {
  if (evaluation_periods < 1) {
    return Status::InvalidArgument("--evaluation-periods must be at least 1");
  }
  if (datapoints_to_alarm < 0 || datapoints_to_alarm > evaluation_periods) {
    return Status::InvalidArgument(fmt::format(
        "--datapoints-to-alarm must be between 1 and --evaluation-periods ({})",
        evaluation_periods));
  }
  if (period <= 0 || period % kMinute != 0) {
    return Status::InvalidArgument(
        "--period must be a multiple of 60 seconds (metric filters publish "
        "one-minute data)");
  }
  // Compared by division: a period of 2.16e18 seconds must not overflow.
  if (period > 86400 / evaluation_periods) {
    return Status::InvalidArgument(
        "--evaluation-periods x --period cannot exceed one day (86400 s)");
  }
  return Status::Ok();
}

std::string ReasonTime(int64_t t) {
  const UtcTime u = ToUtc(t * 1000);
  return fmt::format("{:02}/{:02}/{:02} {:02}:{:02}:{:02}", u.day, u.month,
                     u.year % 100, u.hour, u.minute, u.second);
}

std::string ReasonNumber(double v) {
  // Java's Double.toString: "1.0" for integers, scientific from 1e7 up.
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e7) {
    return fmt::format("{:.1f}", v);
  }
  if (std::isfinite(v) && std::fabs(v) >= 1e-3 && std::fabs(v) < 1e7) {
    return fmt::format("{}", v);
  }
  // Shortest round-trip digits, in Java's form: 1.2345678E7.
  char buf[64];
  const auto r =
      std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string_view text(buf, static_cast<size_t>(r.ptr - buf));
  const size_t e = text.find('e');
  std::string mantissa(text.substr(0, e));
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  return fmt::format("{}E{}", mantissa,
                     std::stoi(std::string(text.substr(e + 1))));
}

AlarmDecision DecideAlarmState(const AlarmSpec& spec,
                               std::span<const EvaluationSlot> range,
                               AlarmState current) {
  if (!range.empty() && range.back().value && range.back().samples &&
      spec.TooFewSamples(*range.back().samples)) {
    return {};  // "the alarm state does not change during periods with too
                // few data points to be statistically significant"
  }
  const size_t n = static_cast<size_t>(spec.evaluation_periods);
  const size_t m = static_cast<size_t>(spec.m());
  std::vector<const EvaluationSlot*> real;
  for (const EvaluationSlot& s : range) {
    if (s.value) real.push_back(&s);
  }
  auto split = [&](const std::vector<const EvaluationSlot*>& points,
                   std::vector<const EvaluationSlot*>* breaching,
                   std::vector<const EvaluationSlot*>* fine) {
    for (const EvaluationSlot* s : points) {
      (spec.Breaches(*s->value) ? breaching : fine)->push_back(s);
    }
  };
  std::vector<const EvaluationSlot*> breaching, fine;
  AlarmDecision d;
  if (real.size() >= n) {
    // Enough real datapoints: the newest N decide; missing data is ignored.
    std::vector<const EvaluationSlot*> newest(
        real.end() - static_cast<ptrdiff_t>(n), real.end());
    split(newest, &breaching, &fine);
    if (breaching.size() >= m) {
      d.state = AlarmState::kAlarm;
      d.reason =
          CrossedReason(spec, current, AlarmState::kAlarm, breaching, 0, "");
    } else {
      d.state = AlarmState::kOk;
      d.reason = CrossedReason(spec, current, AlarmState::kOk, fine, 0, "");
    }
    return d;
  }
  // Too few real datapoints: every real one counts, and as few missing
  // slots as possible (the newest ones) fill the evaluation to N.
  split(real, &breaching, &fine);
  const size_t need = n - real.size();
  const EvaluationSlot* oldest_filled = nullptr;
  size_t taken = 0;
  for (auto it = range.rbegin(); it != range.rend() && taken < need; ++it) {
    if (!it->value) {
      oldest_filled = &*it;
      ++taken;
    }
  }
  const bool oldest_is_real =
      !real.empty() &&
      (oldest_filled == nullptr || real.front()->start < oldest_filled->start);
  auto alarm = [&](size_t filled, std::string_view as) {
    d.state = AlarmState::kAlarm;
    d.reason =
        CrossedReason(spec, current, AlarmState::kAlarm, breaching, filled, as);
  };
  auto ok = [&](size_t filled, std::string_view as) {
    d.state = AlarmState::kOk;
    d.reason = CrossedReason(spec, current, AlarmState::kOk, fine, filled, as);
  };
  switch (spec.treat_missing) {
    case TreatMissingData::kBreaching:
      if (breaching.size() + need >= m) {
        alarm(need, "Breaching");
      } else {
        ok(0, "");
      }
      return d;
    case TreatMissingData::kNotBreaching:
      if (breaching.size() >= m) {
        alarm(0, "");
      } else {
        ok(need, "NonBreaching");
      }
      return d;
    case TreatMissingData::kMissing:
    case TreatMissingData::kIgnore: {
      const bool ignore = spec.treat_missing == TreatMissingData::kIgnore;
      if (!real.empty() && breaching.size() >= m) {
        alarm(0, "");
      } else if (!fine.empty()) {
        ok(0, "");
      } else if (ignore) {
        d.state = std::nullopt;  // keep the current state
      } else if (!real.empty() && oldest_is_real) {
        // The oldest evaluated datapoint breaches and none is fine: the
        // documentation's "X - - - -" row goes to ALARM.
        alarm(0, "");
      } else {
        d.state = AlarmState::kInsufficientData;
        d.reason = fmt::format("Insufficient Data: {} {} unknown.",
                               Plural(need, "datapoint"), WasWere(need));
      }
      return d;
    }
  }
  return d;
}

std::optional<int64_t> ReplayWindow::FirstUsed(const AlarmSpec& spec) const {
  if (!since) return std::nullopt;
  return *since - spec.evaluation_range() * spec.period;
}

AlarmEvaluator::AlarmEvaluator(AlarmSpec spec, OnTransition on_transition,
                               ReplayWindow window)
    : spec_(std::move(spec)),
      on_transition_(std::move(on_transition)),
      window_(window),
      state_(spec_.initial_state) {}

int64_t AlarmEvaluator::step() const {
  return by_minute_ ? kMinute : spec_.period;
}

void AlarmEvaluator::Fill(int64_t start, int64_t end,
                          EvaluationSlot* slot) const {
  slot->start = start;
  if (!by_minute_) {
    auto it = points_.find(start);
    if (it != points_.end()) {
      slot->value = it->second.value;
      slot->samples = it->second.samples;
    }
    return;
  }
  Aggregate all;
  for (auto it = minutes_.lower_bound(start);
       it != minutes_.end() && it->first < end; ++it) {
    all.Merge(it->second);
  }
  slot->value = all.Compute(spec_.stat);
  if (slot->value) slot->samples = all.count;
}

bool AlarmEvaluator::RangeHasData(int64_t t) const {
  const int64_t from = t - spec_.evaluation_range() * spec_.period;
  if (by_minute_) {
    auto it = minutes_.lower_bound(from);
    return it != minutes_.end() && it->first < t;
  }
  auto it = points_.lower_bound(from);
  return it != points_.end() && it->first < t;
}

int64_t AlarmEvaluator::NextWithData(int64_t from, int64_t t) const {
  const int64_t s = step();
  // The first evaluation time after t: where the loop would stop.
  const int64_t past_t = from + ((t - from) / s + 1) * s;
  const int64_t lo = from - spec_.evaluation_range() * spec_.period;
  std::optional<int64_t> key;
  if (by_minute_) {
    auto it = minutes_.lower_bound(lo);
    if (it != minutes_.end()) key = it->first;
  } else {
    auto it = points_.lower_bound(lo);
    if (it != points_.end()) key = it->first;
  }
  if (!key) return past_t;
  // The first evaluation whose range [t' - range, t') holds the key.
  if (*key < from) return from;
  const int64_t first = from + ((*key + 1 - from) + s - 1) / s * s;
  return std::min(first, past_t);
}

void AlarmEvaluator::Evaluate(int64_t t) {
  const int range = spec_.evaluation_range();
  std::vector<EvaluationSlot> slots(static_cast<size_t>(range));
  for (int k = 0; k < range; ++k) {
    const int64_t start = t - (k + 1) * spec_.period;
    Fill(start, start + spec_.period,
         &slots[static_cast<size_t>(range - 1 - k)]);
  }
  // Every datapoint of the range, the ones from before `since` included;
  // sliding windows only where they line up with the period.
  for (const EvaluationSlot& s : slots) {
    if (s.value && (!by_minute_ || s.start % spec_.period == 0)) {
      datapoints_[s.start] = *s.value;
    }
  }
  while (keep_datapoints_ != 0 && datapoints_.size() > keep_datapoints_) {
    datapoints_.erase(datapoints_.begin());
    ++dropped_datapoints_;
  }
  AlarmDecision d = DecideAlarmState(spec_, slots, state_);
  if (d.state && *d.state != state_) {
    AlarmTransition tr{t, state_, *d.state, std::move(d.reason)};
    state_ = *d.state;
    ++transitions_;
    on_transition_(tr);
  }
  if (state_ == AlarmState::kAlarm) ever_alarm_ = true;
}

void AlarmEvaluator::Start(int64_t first) {
  if (next_eval_ != INT64_MIN) return;
  const int64_t s = step();
  if (window_.since && first > *window_.since) {
    // The evaluations from `since` to the first data see no data, but they
    // happen: the data's evaluation times, extended back.
    first -= (first - *window_.since) / s * s;
  }
  next_eval_ = first;
}

void AlarmEvaluator::EvaluateUntil(int64_t t) {
  if (next_eval_ == INT64_MIN) return;
  if (window_.until) t = std::min(t, *window_.until);
  const int64_t s = step();
  if (window_.since && next_eval_ < *window_.since) {
    // No evaluation before `since`: its data only fills the ranges.
    next_eval_ += (*window_.since - next_eval_ + s - 1) / s * s;
  }
  // An evaluation whose range holds no data decides by the missing-data
  // rule alone, and the state it leaves is the one the next such
  // evaluation decides too: after one, the evaluations up to the next
  // range with data change nothing and are skipped, so that the replay
  // costs what the data holds, not the time it spans (two records decades
  // apart). A stop request after the input ended stops the replay
  // (EvaluationStopRequested), leaving what it had written.
  while (next_eval_ <= t) {
    if (EvaluationStopRequested()) return;
    if (last_range_empty_) {
      next_eval_ = NextWithData(next_eval_, t);
      if (next_eval_ > t) break;
    }
    last_range_empty_ = !RangeHasData(next_eval_);
    Evaluate(next_eval_);
    ++evaluations_;
    next_eval_ += s;
  }
}

void AlarmEvaluator::AddMinute(int64_t minute, const Aggregate& samples) {
  by_minute_ = true;
  Start(minute + kMinute);
  // Every window that ends by this minute's start is complete.
  EvaluateUntil(minute);
  minutes_[minute].Merge(samples);
  data_end_ = std::max(data_end_, minute + kMinute);
  // Keep only what the evaluation range still reaches.
  const int64_t keep_from =
      minute - spec_.evaluation_range() * spec_.period - kMinute;
  while (!minutes_.empty() && minutes_.begin()->first < keep_from)
    minutes_.erase(minutes_.begin());
}

void AlarmEvaluator::AddDatapoint(int64_t period_start,
                                  std::optional<double> value,
                                  std::optional<double> samples) {
  by_minute_ = false;
  Start(period_start + spec_.period);
  EvaluateUntil(period_start);
  if (value) points_[period_start] = Point{*value, samples};
  data_end_ = std::max(data_end_, period_start + spec_.period);
  const int64_t keep_from =
      period_start - (spec_.evaluation_range() + 1) * spec_.period;
  while (!points_.empty() && points_.begin()->first < keep_from)
    points_.erase(points_.begin());
}

void AlarmEvaluator::StartAtSince() {
  if (window_.since) Start((*window_.since + kMinute - 1) / kMinute * kMinute);
}

void AlarmEvaluator::AdvanceTo(int64_t t) {
  if (!by_minute_) return;
  StartAtSince();  // a stream's clock runs the window's evaluations too
  EvaluateUntil(t);
}

void AlarmEvaluator::Finish() {
  // No data at all: a window's evaluations still run, on the minutes.
  StartAtSince();
  EvaluateUntil(window_.until.value_or(data_end_));
}

}  // namespace flowmon
