// CloudWatch statistics over a period's samples: SampleCount, Sum,
// Average, Minimum, Maximum and percentiles (p99, p99.9).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"

namespace flowmon {

struct Statistic {
  enum class Kind {
    kSampleCount,
    kSum,
    kAverage,
    kMinimum,
    kMaximum,
    kPercentile
  };
  Kind kind = Kind::kSum;
  double percentile = 0;  // kPercentile: 0..100
  std::string name;       // as CloudWatch writes it: "Sum", "p99.9"

  // "SampleCount", "Sum", "Average", "Minimum", "Maximum" (any case) or
  // "pNN" / "pNN.N" with 0 <= NN <= 100.
  static Result<Statistic> Parse(std::string_view text);
  bool needs_values() const { return kind == Kind::kPercentile; }
};

// The samples of one metric in one time bucket. Cheap to merge; keeps every
// value only when a percentile needs them.
struct Aggregate {
  double count = 0;
  double sum = 0;
  double min = 0;
  double max = 0;
  std::vector<double> values;  // only with keep_values

  void Add(double v, bool keep_values);
  // `n` samples of the same value (a metric filter's default value).
  void AddRepeated(double v, double n, bool keep_values);
  void Merge(const Aggregate& other);
  bool empty() const { return count == 0; }
  // The statistic's value; nullopt when there are no samples.
  std::optional<double> Compute(const Statistic& stat) const;
};

}  // namespace flowmon
