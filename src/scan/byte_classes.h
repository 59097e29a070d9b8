// ClassifyBlock: bitmasks of the bytes the tokenizer and the line scanner
// care about, 64 bytes at a time (SSE2 where available).
#pragma once

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace flowmon {

// Bit i of each mask describes block[i].
struct BlockMasks {
  uint64_t space;    // ' '
  uint64_t newline;  // '\n'
  uint64_t special;  // '"', '[', DEL and control bytes other than '\t', '\n'
  uint64_t rare;     // the caller's byte of interest
};

// REQUIRES: 64 readable bytes at `block`.
inline BlockMasks ClassifyBlock(const char* block, char rare) {
  BlockMasks m{0, 0, 0, 0};
#if defined(__SSE2__)
  const __m128i blank = _mm_set1_epi8(' ');
  const __m128i nl = _mm_set1_epi8('\n');
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i bracket = _mm_set1_epi8('[');
  const __m128i del = _mm_set1_epi8(0x7f);
  const __m128i c1f = _mm_set1_epi8(0x1f);
  const __m128i r = _mm_set1_epi8(rare);
  for (int k = 0; k < 4; ++k) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * k));
    const __m128i is_nl = _mm_cmpeq_epi8(v, nl);
    const __m128i control =
        _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), is_nl),
                         _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v));
    const __m128i odd = _mm_or_si128(
        _mm_or_si128(control, _mm_cmpeq_epi8(v, del)),
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bracket)));
    const int shift = 16 * k;
    auto bits = [](__m128i x) {
      return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(x)));
    };
    m.space |= bits(_mm_cmpeq_epi8(v, blank)) << shift;
    m.newline |= bits(is_nl) << shift;
    m.special |= bits(odd) << shift;
    m.rare |= bits(_mm_cmpeq_epi8(v, r)) << shift;
  }
#else
  for (int i = 0; i < 64; ++i) {
    const unsigned char c = static_cast<unsigned char>(block[i]);
    const uint64_t bit = uint64_t{1} << i;
    if (c == ' ') m.space |= bit;
    if (c == '\n') m.newline |= bit;
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == '"' ||
        c == '[') {
      m.special |= bit;
    }
    if (c == static_cast<unsigned char>(rare)) m.rare |= bit;
  }
#endif
  return m;
}

}  // namespace flowmon
