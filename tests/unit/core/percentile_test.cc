#include "flowmon/core/percentile.h"

#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("percentile: the nearest rank", "[percentile]") {
  // Unsorted on purpose: the function sorts a copy.
  const std::vector<double> v = {50, 10, 40, 20, 30};
  CHECK(*NearestRankPercentile(v, 0) == 10);  // rank clamped to 1
  CHECK(*NearestRankPercentile(v, 20) == 10);
  CHECK(*NearestRankPercentile(v, 20.1) == 20);
  CHECK(*NearestRankPercentile(v, 50) == 30);
  CHECK(*NearestRankPercentile(v, 95) == 50);
  CHECK(*NearestRankPercentile(v, 100) == 50);
  CHECK(v == std::vector<double>{50, 10, 40, 20, 30});

  // p99 of 1..1000 is the 990th value; p99.9 the 999th.
  std::vector<double> thousand;
  for (int i = 1; i <= 1000; ++i) thousand.push_back(i);
  CHECK(*NearestRankPercentile(thousand, 99) == 990);
  CHECK(*NearestRankPercentile(thousand, 99.9) == 999);
  CHECK(*NearestRankPercentile(thousand, 99.91) == 1000);
  CHECK(*NearestRankPercentile(thousand, 0.1) == 1);
  CHECK(*NearestRankPercentile(thousand, 0.11) == 2);

  CHECK(*NearestRankPercentile(std::vector<double>{7}, 50) == 7);
  CHECK_FALSE(NearestRankPercentile({}, 50).has_value());
}

}  // namespace
}  // namespace flowmon
