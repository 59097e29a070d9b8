#include "flowmon/sinks/metric.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "flowmon/core/dimension_key.h"
#include "flowmon/core/number.h"
#include "flowmon/core/record_time.h"
#include "flowmon/pattern/json_path.h"

namespace flowmon {
namespace {

constexpr int64_t kMinute = 60;

int64_t FloorTo(int64_t t, int64_t step) {
  const int64_t r = t % step;
  return r < 0 ? t - r - step : t - r;
}

// "$field" against the pattern's names, or "$.path" as a JSON selector.
Status ResolveField(const CompiledPattern& pattern, std::string_view text,
                    std::string_view what, const Slot** slot,
                    std::shared_ptr<const JsonPath>* json) {
  if (text.starts_with("$.") || text.starts_with("$[")) {
    PatternError error;
    *json = JsonPath::Parse(text, &error);
    if (*json == nullptr) {
      return Status::InvalidArgument(
          fmt::format("invalid {} '{}' at column {}: {}", what, text,
                      error.column, error.message));
    }
    return Status::Ok();
  }
  if (text.size() > 1 && text[0] == '$') {
    *slot = pattern.FindNamedSlot(text.substr(1));
    if (*slot == nullptr) {
      return Status::InvalidArgument(fmt::format(
          "{} '{}' names no field of the pattern (a space-delimited pattern "
          "must name it, e.g. '[..., bytes, start, end, action, status]')",
          what, text));
    }
    return Status::Ok();
  }
  return Status::InvalidArgument(fmt::format(
      "invalid {} '{}': expected a number, $field or $.json.path", what, text));
}

}  // namespace

Result<std::unique_ptr<MetricAggregator>> MetricAggregator::Create(
    const MetricSpec& spec, const CompiledPattern& pattern, bool keep_values,
    int64_t lateness, Emit emit) {
  std::unique_ptr<MetricAggregator> m(new MetricAggregator());
  m->spec_ = spec;
  m->pattern_ = &pattern;
  m->keep_values_ = keep_values;
  m->lateness_ = lateness;
  m->emit_ = std::move(emit);
  double constant;
  if (ParseNumber(spec.value, &constant)) {
    m->constant_ = constant;
  } else if (Status s = ResolveField(pattern, spec.value, "metric value",
                                     &m->value_slot_, &m->value_json_);
             !s.ok()) {
    return s;
  }
  if (!spec.dimensions.empty() && spec.default_value) {
    // CloudWatch: "If you assign dimensions to metrics created by metric
    // filters, you can't specify default values for those metrics."
    return Status::InvalidArgument(
        "a metric with dimensions cannot have a default value (CloudWatch "
        "rejects the combination)");
  }
  if (spec.dimensions.size() > 3) {
    return Status::InvalidArgument(
        "a metric filter can have at most 3 dimensions");
  }
  for (const std::string& d : spec.dimensions) {
    const size_t eq = d.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::InvalidArgument(fmt::format(
          "invalid dimension '{}': expected Name=$field or Name=$.json.path",
          d));
    }
    Dimension dim;
    dim.name = d.substr(0, eq);
    if (Status s = ResolveField(pattern, std::string_view(d).substr(eq + 1),
                                "dimension value", &dim.slot, &dim.json);
        !s.ok()) {
      return s;
    }
    m->dimensions_.push_back(std::move(dim));
  }
  return m;
}

void MetricAggregator::AddNeededFields(FieldNeeds* needs) const {
  bool json = value_json_ != nullptr;
  for (const Dimension& d : dimensions_) json = json || d.json != nullptr;
  if (json) needs->SetAll();
  needs->Add(std::string("start"));
}

std::unique_ptr<RecordSink> MetricAggregator::NewWorker() const {
  std::unique_ptr<MetricAggregator> w(new MetricAggregator());
  w->spec_ = spec_;
  w->pattern_ = pattern_;
  w->keep_values_ = keep_values_;
  w->lateness_ = lateness_;
  w->constant_ = constant_;
  w->value_slot_ = value_slot_;
  w->value_json_ = value_json_;
  w->dimensions_ = dimensions_;
  return w;
}

bool MetricAggregator::DimensionKey(const Record& rec, std::string* key) {
  key->clear();
  std::string value;
  for (const Dimension& d : dimensions_) {
    if (d.slot != nullptr) {
      value.assign(pattern_->FieldOf(rec, *d.slot));
    } else if (!d.json->SelectText(rec.line, &value)) {
      ++counters_.no_dimension;
      return false;
    }
    AppendDimension(key, d.name, value);
  }
  return true;
}

void MetricAggregator::ForgetRecent() {
  for (Recent& r : recent_) r.bucket = nullptr;
}

MinuteBucket* MetricAggregator::Bucket(std::string_view key, int64_t minute) {
  Recent& recent =
      recent_[static_cast<uint64_t>(minute / kMinute) % kRecentBuckets];
  if (recent.bucket != nullptr && minute == recent.minute &&
      key == recent.key) {
    return recent.bucket;
  }
  if (minute < emitted_until_) {
    ++counters_.late;
    return nullptr;
  }
  // Only a cache miss (a new minute or another dimension value) gets here.
  MinuteBucket* b = &series_[std::string(key)][minute];
  recent.key = key;
  recent.minute = minute;
  recent.bucket = b;
  return b;
}

bool MetricAggregator::OnRecord(const Record& rec, const RecordContext& ctx) {
  return OnRecordAt(rec, RecordTimeMs(rec, ctx.schema));
}

bool MetricAggregator::OnRecordAt(const Record& rec,
                                  std::optional<int64_t> ms) {
  if (!ms) {
    ++counters_.untimed;
    return true;
  }
  const int64_t t = FloorSeconds(*ms);
  watermark_ = std::max(watermark_, t);
  double value;
  if (constant_) {
    value = *constant_;
  } else if (value_slot_ != nullptr) {
    if (!ParseNumber(pattern_->FieldOf(rec, *value_slot_), &value)) {
      ++counters_.non_numeric;
      value = std::numeric_limits<double>::quiet_NaN();
    }
  } else if (!value_json_->SelectNumber(rec.line, &value)) {
    ++counters_.non_numeric;
    value = std::numeric_limits<double>::quiet_NaN();
  }
  if (!dimensions_.empty() && !DimensionKey(rec, &key_scratch_)) return true;
  MinuteBucket* b = Bucket(
      dimensions_.empty() ? std::string_view() : std::string_view(key_scratch_),
      FloorTo(t, kMinute));
  if (b == nullptr) return true;
  ++b->events;
  // A non-numeric value publishes nothing, but the event still counts.
  if (!std::isnan(value)) b->samples.Add(value, keep_values_);
  return true;
}

void MetricAggregator::OnRejected(const Record& rec, const RecordContext& ctx) {
  OnRejectedTime(rec.timestamp_ms, StartField(rec, ctx.schema), ctx);
}

void MetricAggregator::OnRejectedTime(int64_t timestamp_ms,
                                      std::string_view start,
                                      const RecordContext& /*ctx*/) {
  OnRejectedAt(RecordTimeMs(timestamp_ms, start));
}

void MetricAggregator::OnRejectedAt(std::optional<int64_t> ms) {
  if (!ms) {
    ++counters_.untimed;
    return;
  }
  const int64_t t = FloorSeconds(*ms);
  watermark_ =
      std::max(watermark_, t);  // a stream's clock moves with every record
  if (!spec_.default_value) return;
  MinuteBucket* b = Bucket(std::string_view(), FloorTo(t, kMinute));
  if (b != nullptr) ++b->events;
}

void MetricAggregator::Absorb(RecordSink& worker_sink) {
  auto& w = static_cast<MetricAggregator&>(worker_sink);
  for (auto& [key, minutes] : w.series_) {
    auto& mine = series_[key];
    for (auto& [minute, bucket] : minutes) {
      if (minute < emitted_until_) {
        counters_.late += bucket.events;  // per record, as Bucket() counts
        continue;
      }
      MinuteBucket& b = mine[minute];
      b.events += bucket.events;
      b.samples.Merge(bucket.samples);
    }
  }
  watermark_ = std::max(watermark_, w.watermark_);
  counters_.non_numeric += w.counters_.non_numeric;
  counters_.untimed += w.counters_.untimed;
  counters_.no_dimension += w.counters_.no_dimension;
  w.series_.clear();
  w.ForgetRecent();
  w.counters_ = MetricCounters();
  ForgetRecent();
}

void MetricAggregator::EmitClosed(bool all) {
  if (series_.empty()) {
    if (!all && on_advance_ && watermark_ != INT64_MIN) {
      on_advance_(FloorTo(watermark_ - lateness_, kMinute));
    }
    return;
  }
  const int64_t limit =
      all ? INT64_MAX : FloorTo(watermark_ - lateness_, kMinute) - kMinute + 1;
  // Collect (minute, key) pairs up to the limit, in time order.
  std::map<std::pair<int64_t, std::string>, MinuteBucket> ready;
  for (auto it = series_.begin(); it != series_.end();) {
    auto& minutes = it->second;
    while (!minutes.empty() && minutes.begin()->first < limit) {
      ready.emplace(std::make_pair(minutes.begin()->first, it->first),
                    std::move(minutes.begin()->second));
      minutes.erase(minutes.begin());
    }
    it = minutes.empty() ? series_.erase(it) : std::next(it);
  }
  ForgetRecent();
  for (auto& [where, bucket] : ready) {
    ClosedMinute m;
    m.minute = where.first;
    m.dimensions = where.second;
    m.samples = std::move(bucket.samples);
    if (m.samples.empty() && spec_.default_value) {
      // Log events but no match: each event publishes the default value.
      m.samples.AddRepeated(*spec_.default_value,
                            static_cast<double>(bucket.events), keep_values_);
    }
    if (m.samples.empty()) continue;  // no match, no default: no data
    emitted_until_ = std::max(emitted_until_, m.minute + kMinute);
    emit_(m);
  }
  if (all) {
    emitted_until_ = INT64_MAX;
  } else if (on_advance_) {
    on_advance_(limit + kMinute - 1);
  }
}

Status MetricAggregator::Finish() {
  EmitClosed(true);
  return Status::Ok();
}

}  // namespace flowmon
