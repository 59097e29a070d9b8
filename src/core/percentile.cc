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
  // The percent is decimal text ("99.9") that a double holds only nearly:
  // 99.9 / 100 * 1000 is 999.0000000000001, whose ceiling would be rank
  // 1000, the maximum. A product within a billionth of a whole number is
  // that number.
  const double exact = percent / 100.0 * static_cast<double>(sorted.size());
  const double nearest = std::round(exact);
  const double rank =
      std::fabs(exact - nearest) <= 1e-9 * std::max(1.0, nearest)
          ? nearest
          : std::ceil(exact);
  const size_t index =
      rank < 1 ? 0 : std::min(sorted.size() - 1, static_cast<size_t>(rank) - 1);
  return sorted[index];
}

}  // namespace flowmon
