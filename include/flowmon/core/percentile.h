// NearestRankPercentile: the one percentile rule, for CloudWatch metric
// statistics (alarms on p99, p99.9) and Logs Insights' pct().
//
// AWS defines the two alike, so one rule serves both: a metric's p95 "means
// that 95 percent of the data within the period is lower than this value and
// 5 percent of the data is higher" (CloudWatch, Statistics definitions), and
// pct(@duration, 95) "returns the @duration value at which 95 percent of the
// values of @duration are lower than this value, and 5 percent are higher"
// (Logs Insights, stats functions). Both are a value of the data, which the
// nearest rank gives and interpolation would not.
#pragma once

#include <optional>
#include <span>

namespace flowmon {

// The smallest of `values` with at least `percent` percent of them at or
// below it: the value at rank ceil(percent / 100 * n), 1-based, clamped to
// 1..n (so p0 is the minimum and p100 the maximum), where a product that
// floating point leaves a hair above a whole number (99.9% of 1000) counts
// as that number. `percent`: 0..100.
// Nullopt when `values` is empty. Keeps nothing of `values` (it sorts a
// copy).
std::optional<double> NearestRankPercentile(std::span<const double> values,
                                            double percent);

}  // namespace flowmon
