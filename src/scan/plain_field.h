// PlainField: one field of a line the fused scan found plain
// (line_scan.h), without tokenizing the line. The term path reads a
// selected record's `start` this way, and so does every passed-over line
// when a sink wants the times of records a pattern rejects: it runs once
// per line there, so it walks 32 bytes at a time (SSE2, which every x86-64
// has), then 8 (SWAR), then one.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace flowmon {
namespace plain_field {

inline constexpr uint64_t kHigh = 0x8080808080808080ULL;
inline constexpr uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big) {
    w = __builtin_bswap64(w);
  }
  return w;
}

// 0x80 in each byte of `w` that is a space, exactly (no carry between
// bytes: the low seven bits are added apart from the high one).
inline uint64_t SpaceBytes(uint64_t w) {
  const uint64_t v = w ^ 0x2020202020202020ULL;
  return ~(((v & kLow7) + kLow7) | v) & kHigh;
}

// The number of bytes flagged in a mask of high bits.
inline unsigned CountBytes(uint64_t high_bits) {
  return static_cast<unsigned>(((high_bits >> 7) * 0x0101010101010101ULL) >>
                               56);
}

#if defined(__SSE2__)
// Bit i set when p[i] is a space, for the 32 bytes at p. SSE2 is part of
// x86-64 itself: no dispatch.
inline uint32_t Spaces32(const char* p) {
  const __m128i blank = _mm_set1_epi8(' ');
  const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, blank))) |
         static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(b, blank)))
             << 16;
}
#endif

// The first space at or after `p`, or `e`.
inline const char* FieldEnd(const char* p, const char* e) {
#if defined(__SSE2__)
  for (; e - p >= 32; p += 32) {
    if (const uint32_t s = Spaces32(p); s != 0) {
      return p + std::countr_zero(s);
    }
  }
#endif
  for (; e - p >= 8; p += 8) {
    if (const uint64_t s = SpaceBytes(Load8(p)); s != 0) {
      return p + std::countr_zero(s) / 8;
    }
  }
  while (p < e && *p != ' ') ++p;
  return p;
}

}  // namespace plain_field

// Field `index` of a plain line: exactly `count` fields separated by runs
// of spaces, nothing that groups or escapes. Empty when the line has fewer
// fields. Walks from the nearer end: a flow log's `start` is its fourth
// field from the end.
inline std::string_view PlainField(std::string_view line, size_t index,
                                   size_t count) {
  using namespace plain_field;
  const char* const b = line.data();
  const char* const e = b + line.size();
  const char* field = nullptr;
  if (index < count / 2) {
    // Field starts from the front: a non-space after a space (or at b).
    size_t skip = index;
    bool prev_in = false;
    const char* p = b;
#if defined(__SSE2__)
    for (; e - p >= 32 && field == nullptr; p += 32) {
      const uint32_t in = ~Spaces32(p);
      uint32_t starts = in & ~((in << 1) | (prev_in ? 1u : 0u));
      prev_in = (in >> 31) != 0;
      for (; skip > 0 && starts != 0; --skip) starts &= starts - 1;
      if (starts != 0) field = p + std::countr_zero(starts);
    }
#endif
    for (; e - p >= 8 && field == nullptr; p += 8) {
      const uint64_t in = ~SpaceBytes(Load8(p)) & kHigh;
      uint64_t starts = in & ~((in << 8) | (prev_in ? 0x80 : 0));
      prev_in = (in >> 63) != 0;
      const unsigned n = CountBytes(starts);
      if (n <= skip) {
        skip -= n;
        continue;
      }
      for (; skip > 0; --skip) starts &= starts - 1;
      field = p + std::countr_zero(starts) / 8;
    }
    for (; p < e && field == nullptr; ++p) {
      const bool in = *p != ' ';
      if (in && !prev_in) {
        if (skip == 0)
          field = p;
        else
          --skip;
      }
      prev_in = in;
    }
  } else {
    // Field starts from the back; a word's first byte looks at the byte
    // before the word.
    size_t skip = count - 1 - index;
    const char* q = e;
#if defined(__SSE2__)
    for (; q - b >= 32 && field == nullptr; q -= 32) {
      const uint32_t in = ~Spaces32(q - 32);
      const bool before_in = q - 32 > b && q[-33] != ' ';
      uint32_t starts = in & ~((in << 1) | (before_in ? 1u : 0u));
      for (; skip > 0 && starts != 0; --skip) {
        starts &= ~(uint32_t{1} << (31 - std::countl_zero(starts)));
      }
      if (starts != 0) field = q - 32 + (31 - std::countl_zero(starts));
    }
#endif
    for (; q - b >= 8 && field == nullptr; q -= 8) {
      const uint64_t in = ~SpaceBytes(Load8(q - 8)) & kHigh;
      const bool before_in = q - 8 > b && q[-9] != ' ';
      uint64_t starts = in & ~((in << 8) | (before_in ? 0x80 : 0));
      const unsigned n = CountBytes(starts);
      if (n <= skip) {
        skip -= n;
        continue;
      }
      for (; skip > 0; --skip) {
        starts &= ~(uint64_t{1} << (63 - std::countl_zero(starts)));
      }
      field = q - 8 + (63 - std::countl_zero(starts)) / 8;
    }
    for (const char* p = q; p > b && field == nullptr;) {
      --p;
      if (*p != ' ' && (p == b || p[-1] == ' ')) {
        if (skip == 0)
          field = p;
        else
          --skip;
      }
    }
  }
  if (field == nullptr) return {};
  return std::string_view(field,
                          static_cast<size_t>(FieldEnd(field, e) - field));
}

}  // namespace flowmon
