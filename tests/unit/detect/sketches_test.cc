// The bounded-memory counters: DistinctCounter (exact, then HyperLogLog),
// HeavyHitters, CountMinSketch and RollingBaseline.
#include "catch.h"
#include "detect/count_min.h"
#include "detect/distinct_counter.h"
#include "detect/hash.h"
#include "detect/heavy_hitters.h"
#include "detect/rolling_baseline.h"

namespace flowmon::detect {
namespace {

TEST_CASE("distinct counter: exact while small, then within 5%", "[detect]") {
  DistinctCounter c;
  for (int round = 0; round < 3; ++round) {
    for (uint64_t v = 0; v < 40; ++v) c.Add(Mix64(v));
  }
  CHECK(c.Estimate() == 40);
  CHECK_FALSE(c.approximate());
  for (const uint64_t n : {1000u, 20000u, 300000u}) {
    DistinctCounter big;
    for (uint64_t v = 0; v < n; ++v) big.Add(Mix64(v + 7));
    CHECK(big.approximate());
    CHECK(std::abs(big.Estimate() - static_cast<double>(n)) <
          0.05 * static_cast<double>(n));
  }
}

TEST_CASE("distinct counter: merges are unions", "[detect]") {
  DistinctCounter a, b, small;
  for (uint64_t v = 0; v < 5000; ++v) a.Add(Mix64(v));
  for (uint64_t v = 2500; v < 7500; ++v) b.Add(Mix64(v));
  for (uint64_t v = 0; v < 10; ++v) small.Add(Mix64(v));
  a.Merge(b);
  CHECK(std::abs(a.Estimate() - 7500) < 375);
  DistinctCounter into;
  into.Merge(small);
  into.Merge(small);
  CHECK(into.Estimate() == 10);
}

TEST_CASE("heavy hitters: the destination that takes most is found",
          "[detect]") {
  HeavyHitters h;
  IpAddress big = *IpAddress::Parse("203.0.113.200");
  for (int i = 0; i < 1000; ++i) {
    IpAddress other = *IpAddress::Parse("198.51.100.1");
    other.bytes[3] = static_cast<uint8_t>(i % 200);
    h.Add(other, 1000);
    if (i % 10 == 0) h.Add(big, 100000);
  }
  IpAddress top;
  // 10 MB to one address among 1 MB spread over 200: at most 1/5 of the
  // total is lost.
  CHECK(h.Top(&top) > 8e6);
  CHECK(top == big);
}

TEST_CASE("count-min: never below, rarely far above", "[detect]") {
  CountMinSketch s;
  double total = 0;
  for (uint64_t k = 0; k < 100000; ++k) {
    s.Add(Mix64(k), 100);
    total += 100;
  }
  const double est = s.Add(Mix64(42), 5000);
  CHECK(est >= 5100);
  CHECK(est <= 5100 + 3 * total / CountMinSketch::kWidth);
}

TEST_CASE("rolling baseline: median and MAD of the last N", "[detect]") {
  RollingBaseline b(5);
  for (const double v : {1.0, 100.0, 2.0, 3.0, 4.0, 5.0}) b.Push(v);
  double median = 0, mad = 0;
  b.MedianMad(&median, &mad);  // of 100, 2, 3, 4, 5
  CHECK(median == 4);
  CHECK(mad == 1);
  RollingBaseline even(4);
  for (const double v : {1.0, 2.0, 3.0, 10.0}) even.Push(v);
  even.MedianMad(&median, &mad);
  CHECK(median == 2.5);
  CHECK(mad == 1);
}

}  // namespace
}  // namespace flowmon::detect
