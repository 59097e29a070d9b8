// The generator's own pseudo-random numbers: xoshiro256** seeded through
// SplitMix64 (Blackman and Vigna), and integer-only draws from it, so that
// `flowmon gen --seed N` writes the same bytes with any compiler, standard
// library or libm (std:: distributions are implementation-defined).
#pragma once

#include <cstdint>

namespace flowmon::gen {

__extension__ typedef unsigned __int128 Uint128;

inline uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Random {
 public:
  explicit Random(uint64_t seed) {
    uint64_t sm = seed;
    for (uint64_t& s : s_) s = SplitMix64(&sm);
  }
  // A generator for one purpose (a minute, a scenario) derived from a seed:
  // streams for different `stream` values do not overlap in practice.
  static Random For(uint64_t seed, uint64_t stream) {
    uint64_t sm = seed ^ (stream * 0xd1b54a32d192ed03ULL);
    return Random(SplitMix64(&sm));
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n); 0 when n is 0 (Lemire's multiply-shift with
  // rejection, so no value is favoured).
  uint64_t Below(uint64_t n) {
    if (n == 0) return 0;
    Uint128 m = static_cast<Uint128>(Next()) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
      const uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<Uint128>(Next()) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }
  // Uniform in [lo, hi].
  int64_t Between(int64_t lo, int64_t hi) {
    return hi <= lo ? lo
                    : lo + static_cast<int64_t>(
                               Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // True with probability per_mille / 1000.
  bool Chance(uint64_t per_mille) { return Below(1000) < per_mille; }
  // Log-uniform by octaves in [lo, hi]: an octave [2^k, 2^(k+1)) chosen
  // uniformly, then a value uniformly in it. Heavy-tailed like flow sizes.
  uint64_t Octaves(uint64_t lo, uint64_t hi) {
    if (lo < 1) lo = 1;
    if (hi <= lo) return lo;
    int klo = 63 - __builtin_clzll(lo), khi = 63 - __builtin_clzll(hi);
    const int k = static_cast<int>(Between(klo, khi));
    uint64_t a = uint64_t{1} << k, b = (a << 1) - 1;
    if (a < lo) a = lo;
    if (b > hi) b = hi;
    return static_cast<uint64_t>(
        Between(static_cast<int64_t>(a), static_cast<int64_t>(b)));
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace flowmon::gen
