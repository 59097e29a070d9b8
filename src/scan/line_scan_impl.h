// The body of ScanForCandidates, compiled once per instruction set:
// line_scan.cc (baseline), line_scan_avx2.cc (-mavx2 -mpopcnt) and
// line_scan_avx512.cc (-mavx512bw ...) include it inside their own
// namespaces.
#include <cstring>

#include "flowmon/core/record.h"
#include "scan/byte_classes.h"
#include "scan/line_scan.h"

#if defined(__AVX2__) || defined(__AVX512BW__)
#include <immintrin.h>
#endif

namespace flowmon {
namespace FLOWMON_LINE_SCAN_NS {

// The masks of one 64-byte block; m.rare marks the bytes equal to any of
// rare[0..N).
template <int N>
inline BlockMasks Classify(const char* block, const char* rare) {
#if defined(__AVX512BW__)
  const __m512i v = _mm512_loadu_si512(block);
  auto eq = [&v](char c) {
    return static_cast<uint64_t>(
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c)));
  };
  BlockMasks m;
  m.space = eq(' ');
  m.newline = eq('\n');
  const uint64_t low = _mm512_cmple_epu8_mask(v, _mm512_set1_epi8(0x1f));
  m.special = (low & ~(m.newline | eq('\t'))) | eq(0x7f) | eq('"') | eq('[');
  m.rare = eq(rare[0]);
  for (int j = 1; j < N; ++j) m.rare |= eq(rare[j]);
  return m;
#elif defined(__AVX2__)
  const __m256i blank = _mm256_set1_epi8(' ');
  const __m256i nl = _mm256_set1_epi8('\n');
  const __m256i tab = _mm256_set1_epi8('\t');
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i bracket = _mm256_set1_epi8('[');
  const __m256i del = _mm256_set1_epi8(0x7f);
  const __m256i c1f = _mm256_set1_epi8(0x1f);
  __m256i r[N];
  for (int j = 0; j < N; ++j) r[j] = _mm256_set1_epi8(rare[j]);
  BlockMasks m{0, 0, 0, 0};
  for (int k = 0; k < 2; ++k) {
    const __m256i v =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + 32 * k));
    const __m256i is_nl = _mm256_cmpeq_epi8(v, nl);
    const __m256i control =
        _mm256_andnot_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, tab), is_nl),
                            _mm256_cmpeq_epi8(_mm256_min_epu8(v, c1f), v));
    const __m256i odd =
        _mm256_or_si256(_mm256_or_si256(control, _mm256_cmpeq_epi8(v, del)),
                        _mm256_or_si256(_mm256_cmpeq_epi8(v, quote),
                                        _mm256_cmpeq_epi8(v, bracket)));
    __m256i is_rare = _mm256_cmpeq_epi8(v, r[0]);
    for (int j = 1; j < N; ++j) {
      is_rare = _mm256_or_si256(is_rare, _mm256_cmpeq_epi8(v, r[j]));
    }
    const int shift = 32 * k;
    auto bits = [](__m256i x) {
      return static_cast<uint64_t>(
          static_cast<uint32_t>(_mm256_movemask_epi8(x)));
    };
    m.space |= bits(_mm256_cmpeq_epi8(v, blank)) << shift;
    m.newline |= bits(is_nl) << shift;
    m.special |= bits(odd) << shift;
    m.rare |= bits(is_rare) << shift;
  }
  return m;
#else
  BlockMasks m = ClassifyBlock(block, rare[0]);
  for (int j = 1; j < N; ++j) m.rare |= ClassifyBlock(block, rare[j]).rare;
  return m;
#endif
}

inline unsigned PopCount(uint64_t x) {
#if defined(__POPCNT__)
  return static_cast<unsigned>(__builtin_popcountll(x));
#else
  // Without the instruction, GCC calls libgcc; this is faster.
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<unsigned>((x * 0x0101010101010101ULL) >> 56);
#endif
}

// Splits plain lines 64 bytes at a time from a bitmask of spaces: each
// change between space and non-space is a field boundary. Returns false,
// having decided nothing, for lines with quotes, brackets, control bytes
// or too many fields; the byte loop handles those. Measured in
// bench/filter_perftest.cc: about 3x the byte loop on flow-log lines.
inline bool SplitPlain(std::string_view line, Record* rec,
                       const char* readable_end) {
  const char* const s = line.data();
  const size_t n = line.size();
  size_t count = 0;
  size_t start = 0;
  bool in_field = false;
  char padded[64];
  for (size_t base = 0; base < n; base += 64) {
    const char* block = s + base;
    uint64_t valid = ~uint64_t{0};
    if (n - base < 64) {
      if (block + 64 <= readable_end) {
        // Bytes past the line are readable: classify them and mask them.
        valid = (uint64_t{1} << (n - base)) - 1;
      } else {
        // The tail, padded with spaces: they end the last field at n.
        std::memset(padded, ' ', sizeof padded);
        std::memcpy(padded, block, n - base);
        block = padded;
      }
    }
    const char newline = '\n';
    const BlockMasks m = Classify<1>(block, &newline);
    if (((m.special | m.newline) & valid) != 0) return false;
    const uint64_t space = m.space | ~valid;
    uint64_t changes = space ^ ((space << 1) | (in_field ? 0 : 1));
    // Changes alternate start, end, start...: take them two at a time.
    if (in_field && changes != 0) {
      const size_t end = base + static_cast<size_t>(__builtin_ctzll(changes));
      changes &= changes - 1;
      if (count == kMaxFields) return false;
      rec->fields[count++] = std::string_view(s + start, end - start);
      in_field = false;
    }
    while (changes != 0) {
      const size_t b = base + static_cast<size_t>(__builtin_ctzll(changes));
      changes &= changes - 1;
      if (changes == 0) {
        start = b;  // the field goes on into the next block
        in_field = true;
        break;
      }
      const size_t e = base + static_cast<size_t>(__builtin_ctzll(changes));
      changes &= changes - 1;
      if (count == kMaxFields) return false;
      rec->fields[count++] = std::string_view(s + b, e - b);
    }
  }
  if (in_field) {
    if (count == kMaxFields) return false;
    rec->fields[count++] = std::string_view(s + start, n - start);
  }
  rec->size = count;
  return true;
}

// REQUIRES: N readable bytes at `rare`. kAnyCount: expected is 0 (any
// number of fields > 0 is shaped).
template <int N, bool kAnyCount>
inline bool Scan(std::string_view span, size_t expected, const char* rare,
                 size_t max_line, FullLineFn full, void* ctx,
                 uint64_t* plain_tail) {
  const char* const s = span.data();
  const size_t n = span.size();
  size_t line_start = 0;
  uint64_t fields = 0;   // field starts of the current line so far
  uint64_t flagged = 0;  // its special and rare bytes so far
  uint64_t carry = 0;    // 1 when the previous byte was inside a field
  uint64_t plain = 0;
  char padded[64];
  // The line [line_start, line_end) with `fields` and `flagged` complete.
  auto finish_line = [&](size_t line_end) {
    const bool shaped = kAnyCount ? fields != 0 : fields == expected;
    if (flagged == 0 && shaped && line_end - line_start <= max_line) {
      // Last, as it reads memory: a lowercase first byte may be a header.
      const unsigned char first = static_cast<unsigned char>(s[line_start]);
      if (static_cast<unsigned char>(first - 'a') > 'z' - 'a') {
        ++plain;
        return true;
      }
    }
    const uint64_t before = plain;
    plain = 0;
    return full(ctx, std::string_view(s + line_start, line_end - line_start),
                before);
  };
  for (size_t base = 0; base < n; base += 64) {
    const char* block = s + base;
    if (n - base < 64) {
      // The tail, padded with spaces: they add no field and no flag.
      std::memset(padded, ' ', sizeof padded);
      std::memcpy(padded, block, n - base);
      block = padded;
    }
    const BlockMasks m = Classify<N>(block, rare);
    const uint64_t inside = ~(m.space | m.newline);
    // Bits of lines already finished are cleared as each newline passes.
    uint64_t starts = inside & ~((inside << 1) | carry);
    carry = inside >> 63;
    uint64_t flags = m.special | m.rare;
    uint64_t newlines = m.newline;
    while (newlines != 0) {
      const unsigned i = static_cast<unsigned>(__builtin_ctzll(newlines));
      newlines &= newlines - 1;
      // Bits 0..i; for i = 63 the shift gives 0 and the mask all ones.
      const uint64_t upto = (uint64_t{2} << i) - 1;
      fields += PopCount(starts & upto);
      flagged |= flags & upto;
      starts &= ~upto;
      flags &= ~upto;
      if (!finish_line(base + i)) return false;
      line_start = base + i + 1;
      fields = 0;
      flagged = 0;
    }
    fields += PopCount(starts);
    flagged |= flags;
  }
  if (line_start < n && !finish_line(n)) return false;
  *plain_tail = plain;
  return true;
}

template <int N>
inline bool Scan(std::string_view span, size_t expected, const char* rare,
                 size_t max_line, FullLineFn full, void* ctx,
                 uint64_t* plain_tail) {
  return expected == 0 ? Scan<N, true>(span, expected, rare, max_line, full,
                                       ctx, plain_tail)
                       : Scan<N, false>(span, expected, rare, max_line, full,
                                        ctx, plain_tail);
}

// Scan with 1, 2, 4 or 8 compares per byte: the set is padded with
// repeats of its first byte. REQUIRES: 1 <= rare.size() <= kMaxRareBytes.
inline bool ScanAny(std::string_view span, size_t expected,
                    std::string_view rare, size_t max_line, FullLineFn full,
                    void* ctx, uint64_t* plain_tail) {
  if (rare.size() == 1) {
    return Scan<1>(span, expected, rare.data(), max_line, full, ctx,
                   plain_tail);
  }
  char padded[kMaxRareBytes];
  for (size_t i = 0; i < kMaxRareBytes; ++i) {
    padded[i] = i < rare.size() ? rare[i] : rare[0];
  }
  if (rare.size() == 2) {
    return Scan<2>(span, expected, padded, max_line, full, ctx, plain_tail);
  }
  if (rare.size() <= 4) {
    return Scan<4>(span, expected, padded, max_line, full, ctx, plain_tail);
  }
  return Scan<8>(span, expected, padded, max_line, full, ctx, plain_tail);
}

}  // namespace FLOWMON_LINE_SCAN_NS
}  // namespace flowmon
