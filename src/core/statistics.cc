#include "flowmon/core/statistics.h"

#include <fmt/format.h>

#include <algorithm>

#include "flowmon/core/number.h"
#include "flowmon/core/percentile.h"

namespace flowmon {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x =
        a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    const char y =
        b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] + 32) : b[i];
    if (x != y) return false;
  }
  return true;
}

}  // namespace

Result<Statistic> Statistic::Parse(std::string_view text) {
  static constexpr std::pair<std::string_view, Kind> kNamed[] = {
      {"SampleCount", Kind::kSampleCount},
      {"Sum", Kind::kSum},
      {"Average", Kind::kAverage},
      {"Minimum", Kind::kMinimum},
      {"Maximum", Kind::kMaximum}};
  for (const auto& [name, kind] : kNamed) {
    if (EqualsIgnoreCase(text, name))
      return Statistic{kind, 0, std::string(name)};
  }
  if (text.size() > 1 && (text[0] == 'p' || text[0] == 'P')) {
    double p;
    const std::string_view digits = text.substr(1);
    if (digits.find_first_not_of("0123456789.") == std::string_view::npos &&
        ParseNumber(digits, &p) && p >= 0 && p <= 100) {
      std::string name(1, 'p');
      name.append(digits);  // not "p" + ...: GCC 12 warns falsely (-Wrestrict)
      return Statistic{Kind::kPercentile, p, std::move(name)};
    }
  }
  return Status::InvalidArgument(fmt::format(
      "unknown statistic '{}' (expected SampleCount, Sum, Average, Minimum, "
      "Maximum or a percentile such as p99 or p99.9)",
      text));
}

void Aggregate::Add(double v, bool keep_values) {
  if (count == 0) {
    min = max = v;
  } else {
    min = std::min(min, v);
    max = std::max(max, v);
  }
  count += 1;
  sum += v;
  if (keep_values) values.push_back(v);
}

void Aggregate::AddRepeated(double v, double n, bool keep_values) {
  if (n <= 0) return;
  if (count == 0) {
    min = max = v;
  } else {
    min = std::min(min, v);
    max = std::max(max, v);
  }
  count += n;
  sum += v * n;
  if (keep_values) values.insert(values.end(), static_cast<size_t>(n), v);
}

void Aggregate::Merge(const Aggregate& o) {
  if (o.count == 0) return;
  if (count == 0) {
    min = o.min;
    max = o.max;
  } else {
    min = std::min(min, o.min);
    max = std::max(max, o.max);
  }
  count += o.count;
  sum += o.sum;
  values.insert(values.end(), o.values.begin(), o.values.end());
}

std::optional<double> Aggregate::Compute(const Statistic& stat) const {
  if (count == 0) return std::nullopt;
  switch (stat.kind) {
    case Statistic::Kind::kSampleCount:
      return count;
    case Statistic::Kind::kSum:
      return sum;
    case Statistic::Kind::kAverage:
      return sum / count;
    case Statistic::Kind::kMinimum:
      return min;
    case Statistic::Kind::kMaximum:
      return max;
    case Statistic::Kind::kPercentile:
      return NearestRankPercentile(values, stat.percentile);
  }
  return std::nullopt;
}

}  // namespace flowmon
