// PeriodBuilder: a metric filter's closed minutes grouped into the
// datapoints of a longer period (`flowmon metric --period 300`).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "flowmon/core/statistics.h"
#include "flowmon/sinks/metric.h"

namespace flowmon {

// One period's value of one series.
struct Datapoint {
  int64_t time = 0;        // the period start, epoch seconds
  std::string dimensions;  // "Name=value,..." or empty
  double value = 0;        // the statistic over the period's samples
  double samples = 0;      // the sample count
};

// Groups closed minutes into periods aligned to multiples of the period
// (epoch-aligned, as CloudWatch aligns them) and hands out each period's
// datapoint once its last minute is in. Memory: the periods still open.
class PeriodBuilder {
 public:
  using Emit = std::function<void(const Datapoint&)>;
  // REQUIRES: period > 0 (a multiple of 60 for metric filters).
  PeriodBuilder(int64_t period, Statistic stat, Emit emit);

  // REQUIRES: minutes in time order (as MetricAggregator hands them out).
  void Add(const ClosedMinute& m);
  // Hands out the periods still open.
  void Finish();

 private:
  void Flush(int64_t before);
  int64_t period_;
  Statistic stat_;
  Emit emit_;
  std::map<std::pair<int64_t, std::string>, Aggregate> open_;
};

}  // namespace flowmon
