// Metric filters: turn the records a pattern matches into per-minute
// samples (value 1, a field or a JSON value; a default value for minutes
// without matches), with dimensions, as CloudWatch Logs does.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "flowmon/core/statistics.h"
#include "flowmon/pattern/pattern.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon {

class JsonPath;

// What a metric filter publishes for each matching event.
struct MetricSpec {
  std::string value = "1";  // a number, $field (a pattern name) or $.json.path
  std::optional<double> default_value;
  // Name=$field or Name=$.json.path; at most 3, as CloudWatch allows.
  std::vector<std::string> dimensions;
};

// One minute of one metric (one dimension combination).
struct MinuteBucket {
  Aggregate samples;
  uint64_t events = 0;  // log events in the minute, matched or not
};

// A closed minute, handed out in time order.
struct ClosedMinute {
  int64_t minute = 0;      // epoch seconds, a multiple of 60
  std::string dimensions;  // "Name=value,Name=value" or empty
  Aggregate samples;       // with the default value applied
};

// Counters a metric run reports at the end.
struct MetricCounters {
  uint64_t non_numeric = 0;   // matched, but the value was not a number
  uint64_t untimed = 0;       // no CloudWatch timestamp and no start field
  uint64_t late = 0;          // arrived after its minute was emitted
  uint64_t no_dimension = 0;  // a dimension's field was missing
};

// The sink behind `metric`, `alarm` and `check`. It buckets matching
// records by minute and dimensions (a record's time is its CloudWatch event
// timestamp, else its `start` field), and hands out minutes once closed:
// when the newest event time seen is `lateness` seconds past the minute's
// end, or at Finish(). Memory: the minutes not yet closed.
//
// The records it is given are the pattern's matches: OnRecord trusts that
// they match (it reads the pattern's fields from them). Records the pattern
// does not match go to OnRejected or OnRejectedTime: they only move the
// stream clock and, with a default value, count as log events.
//
// Lifetime: the aggregator and every worker from NewWorker() keep a pointer
// to `pattern` and to Slots inside pattern.slots(); the CompiledPattern
// must outlive them all and must not be moved or assigned meanwhile.
class MetricAggregator : public RecordSink {
 public:
  using Emit = std::function<void(const ClosedMinute&)>;

  // Resolves the value and dimensions against `pattern`. `keep_values`
  // keeps every sample (for percentiles).
  static Result<std::unique_ptr<MetricAggregator>> Create(
      const MetricSpec& spec, const CompiledPattern& pattern, bool keep_values,
      int64_t lateness, Emit emit);

  std::unique_ptr<RecordSink> NewWorker() const override;
  // `start` (the record time); a value or dimension is a field of the
  // pattern (the pipeline adds those) or a JSON path (the whole event).
  void AddNeededFields(FieldNeeds* needs) const override;
  bool OnRecord(const Record& rec, const RecordContext& ctx) override;
  void OnRejected(const Record& rec, const RecordContext& ctx) override;
  void OnRejectedTime(int64_t timestamp_ms, std::string_view start,
                      const RecordContext& ctx) override;
  // OnRecord and OnRejected with the record's time already found
  // (RecordTimeMs): a set of monitors finds it once for all of them.
  bool OnRecordAt(const Record& rec, std::optional<int64_t> ms);
  void OnRejectedAt(std::optional<int64_t> ms);
  // What OnRejectedAt(ms) does for a record with a time when there is no
  // default value: the stream clock moves to `seconds` if that is later.
  // Only EmitClosed(false) and Absorb read the clock, so a set of monitors
  // may move it once for many records.
  void AdvanceClock(int64_t seconds) {
    watermark_ = std::max(watermark_, seconds);
  }
  void Absorb(RecordSink& worker) override;
  bool scans_ahead() const override { return true; }
  void OnLiveChunkEnd() override { EmitClosed(false); }
  Status Finish() override;

  // Whether the time of every record it does not match is needed, even on
  // files (PipelineOptions::deliver_rejected_times): a default value needs
  // to know which minutes had log events. On live inputs every record is
  // wanted regardless (deliver_rejected_when_live), for the stream clock.
  bool wants_rejected() const { return spec_.default_value.has_value(); }
  // Called after closed minutes are handed out on a stream, with the time
  // before which every minute is final (even minutes without data).
  void set_on_advance(std::function<void(int64_t)> f) {
    on_advance_ = std::move(f);
  }
  const MetricCounters& counters() const { return counters_; }

 private:
  MetricAggregator() = default;
  bool DimensionKey(const Record& rec, std::string* key);
  // The bucket of (key, minute); the key is copied only when new.
  // nullptr for a minute already handed out (counted as late).
  MinuteBucket* Bucket(std::string_view key, int64_t minute);
  void EmitClosed(bool all);

  struct Dimension {
    std::string name;
    const Slot* slot = nullptr;            // $field, in pattern_->slots()
    std::shared_ptr<const JsonPath> json;  // $.path
  };

  MetricSpec spec_;
  const CompiledPattern* pattern_ = nullptr;  // not owned: see the class

  bool keep_values_ = false;
  int64_t lateness_ = 0;
  Emit emit_;
  std::function<void(int64_t)> on_advance_;
  std::optional<double> constant_;
  const Slot* value_slot_ = nullptr;  // in pattern_->slots()
  std::shared_ptr<const JsonPath> value_json_;
  std::vector<Dimension> dimensions_;

  std::unordered_map<std::string, std::map<int64_t, MinuteBucket>> series_;
  // The buckets of recent records, one per minute modulo kRecentBuckets:
  // records come roughly in time order, a few minutes interleaved (a flow
  // log's records start up to a minute apart). Point into series_ (std::map
  // nodes do not move); forgotten whenever series_ loses entries.
  struct Recent {
    std::string key;
    int64_t minute = INT64_MIN;
    MinuteBucket* bucket = nullptr;
  };
  static constexpr size_t kRecentBuckets = 4;
  Recent recent_[kRecentBuckets];
  void ForgetRecent();
  int64_t watermark_ = INT64_MIN;      // newest event time seen
  int64_t emitted_until_ = INT64_MIN;  // minutes before this are emitted
  MetricCounters counters_;
  std::string key_scratch_;
};

}  // namespace flowmon
