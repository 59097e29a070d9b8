#include "flowmon/gen/prng.h"

#include "catch.h"

namespace flowmon::gen {
namespace {

TEST_CASE("prng: xoshiro256** seeded by SplitMix64", "[gen]") {
  // The reference algorithms' outputs (computed independently): the same
  // on every compiler and standard library.
  Random one(1);
  CHECK(one.Next() == 0xb3f2af6d0fc710c5ULL);
  CHECK(one.Next() == 0x853b559647364ceaULL);
  CHECK(one.Next() == 0x92f89756082a4514ULL);
  Random zero(0);
  CHECK(zero.Next() == 0x99ec5f36cb75f2b4ULL);
  CHECK(zero.Next() == 0xbf6e1f784956452aULL);
}

TEST_CASE("prng: draws stay in range", "[gen]") {
  Random r(42);
  uint64_t counts[6] = {};
  for (int i = 0; i < 60000; ++i) {
    const int64_t v = r.Between(10, 15);
    REQUIRE(v >= 10);
    REQUIRE(v <= 15);
    ++counts[v - 10];
    const uint64_t o = r.Octaves(100, 100000);
    REQUIRE(o >= 100);
    REQUIRE(o <= 100000);
  }
  for (const uint64_t c : counts) CHECK(c > 9000);
  CHECK(r.Below(0) == 0);
  CHECK(r.Between(5, 5) == 5);
  // Streams for different purposes differ, and repeat.
  CHECK(Random::For(1, 2).Next() != Random::For(1, 3).Next());
  CHECK(Random::For(1, 2).Next() == Random::For(1, 2).Next());
}

}  // namespace
}  // namespace flowmon::gen
