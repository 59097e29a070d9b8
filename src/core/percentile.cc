#include "flowmon/core/percentile.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace flowmon {

std::optional<double> NearestRankPercentile(std::span<const double> values,
                                            double percent) {
  if (values.empty()) return std::nullopt;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double rank =
      std::ceil(percent / 100.0 * static_cast<double>(sorted.size()));
  const size_t index =
      rank < 1 ? 0 : std::min(sorted.size() - 1, static_cast<size_t>(rank) - 1);
  return sorted[index];
}

}  // namespace flowmon
