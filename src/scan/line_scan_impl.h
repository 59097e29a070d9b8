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

// The bytes the fused scan flags (special bytes and the rare ones) as
// two 16-entry tables indexed by a byte's low and high nibble: the byte is
// flagged when its two entries share a bit. Each distinct set of low
// nibbles (over the high nibbles) gets a bit of its own, so the test is
// exact; there are 8 bits. Each table is written four times over, one
// copy per 128-bit lane of a 512-bit register.
struct FlagTable {
  alignas(64) unsigned char lo[64];
  alignas(64) unsigned char hi[64];
};

// False when the bytes need more than 8 distinct low-nibble sets.
constexpr bool BuildFlagTable(std::string_view rare, FlagTable* t) {
  uint16_t lows[16] = {};  // per high nibble, the low nibbles flagged
  auto add = [&lows](unsigned char c) {
    lows[c >> 4] = static_cast<uint16_t>(lows[c >> 4] | (1u << (c & 15)));
  };
  for (unsigned c = 0; c < 0x20; ++c) {
    if (c != '\t' && c != '\n') add(static_cast<unsigned char>(c));
  }
  add(0x7f);
  add('"');
  add('[');
  for (char c : rare) add(static_cast<unsigned char>(c));
  uint16_t sets[8] = {};
  unsigned n = 0;
  for (unsigned i = 0; i < 64; ++i) t->lo[i] = t->hi[i] = 0;
  for (unsigned h = 0; h < 16; ++h) {
    if (lows[h] == 0) continue;
    unsigned j = 0;
    while (j < n && sets[j] != lows[h]) ++j;
    if (j == n) {
      if (n == 8) return false;
      sets[n++] = lows[h];
    }
    t->hi[h] = static_cast<unsigned char>(t->hi[h] | (1u << j));
  }
  for (unsigned j = 0; j < n; ++j) {
    for (unsigned l = 0; l < 16; ++l) {
      if ((sets[j] >> l) & 1) {
        t->lo[l] = static_cast<unsigned char>(t->lo[l] | (1u << j));
      }
    }
  }
  for (unsigned i = 16; i < 64; ++i) {
    t->lo[i] = t->lo[i % 16];
    t->hi[i] = t->hi[i % 16];
  }
  return true;
}

// The table of the plain-line splitter: special bytes and the newline.
constexpr FlagTable SplitFlagTable() {
  FlagTable t{};
  BuildFlagTable("\n", &t);
  return t;
}
inline constexpr FlagTable kSplitFlags = SplitFlagTable();

// The special bytes alone.
constexpr FlagTable SpecialFlagTable() {
  FlagTable t{};
  BuildFlagTable("", &t);
  return t;
}
inline constexpr FlagTable kSpecialFlags = SpecialFlagTable();

#if defined(__AVX512BW__)
// A FlagTable in registers, and the three masks the fused scan needs
// (space, newline, flagged in .special) with two shuffles for the flags
// whatever the number of rare bytes.
struct FlagRegs {
  __m512i lo, hi;
};
inline FlagRegs LoadFlags(const FlagTable& t) {
  return {_mm512_load_si512(t.lo), _mm512_load_si512(t.hi)};
}
inline BlockMasks ClassifyFlags(const char* block, const FlagRegs& r) {
  const __m512i v = _mm512_loadu_si512(block);
  const __m512i nibble = _mm512_set1_epi8(0x0f);
  const __m512i lo = _mm512_shuffle_epi8(r.lo, _mm512_and_si512(v, nibble));
  const __m512i hi = _mm512_shuffle_epi8(
      r.hi, _mm512_and_si512(_mm512_srli_epi16(v, 4), nibble));
  BlockMasks m;
  m.space = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(' '));
  m.newline = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n'));
  m.special = _mm512_test_epi8_mask(lo, hi);
  m.rare = 0;
  return m;
}
#elif defined(__AVX2__)
struct FlagRegs {
  __m256i lo, hi;
};
inline FlagRegs LoadFlags(const FlagTable& t) {
  return {_mm256_load_si256(reinterpret_cast<const __m256i*>(t.lo)),
          _mm256_load_si256(reinterpret_cast<const __m256i*>(t.hi))};
}
inline BlockMasks ClassifyFlags(const char* block, const FlagRegs& r) {
  const __m256i nibble = _mm256_set1_epi8(0x0f);
  const __m256i blank = _mm256_set1_epi8(' ');
  const __m256i nl = _mm256_set1_epi8('\n');
  const __m256i zero = _mm256_setzero_si256();
  BlockMasks m{0, 0, 0, 0};
  for (int k = 0; k < 2; ++k) {
    const __m256i v =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + 32 * k));
    const __m256i lo = _mm256_shuffle_epi8(r.lo, _mm256_and_si256(v, nibble));
    const __m256i hi = _mm256_shuffle_epi8(
        r.hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    const __m256i clear = _mm256_cmpeq_epi8(_mm256_and_si256(lo, hi), zero);
    const int shift = 32 * k;
    auto bits = [](__m256i x) {
      return static_cast<uint64_t>(
          static_cast<uint32_t>(_mm256_movemask_epi8(x)));
    };
    m.space |= bits(_mm256_cmpeq_epi8(v, blank)) << shift;
    m.newline |= bits(_mm256_cmpeq_epi8(v, nl)) << shift;
    m.special |= static_cast<uint64_t>(static_cast<uint32_t>(
                     ~static_cast<uint32_t>(_mm256_movemask_epi8(clear))))
                 << shift;
  }
  return m;
}
#endif

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
#if defined(__AVX2__) || defined(__AVX512BW__)
  const FlagRegs regs = LoadFlags(kSplitFlags);
#endif
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
#if defined(__AVX2__) || defined(__AVX512BW__)
    // .special has the newline too.
    const BlockMasks m = ClassifyFlags(block, regs);
#else
    const char newline = '\n';
    BlockMasks m = Classify<1>(block, &newline);
    m.special |= m.newline;
#endif
    if ((m.special & valid) != 0) return false;
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

// Whether the `len` bytes at `p` hold a special byte; the bytes up to
// `readable_end` may be read. Asked only of lines the scan hands on:
// cheaper there than a special mask of its own through every line.
inline bool HasSpecial(const char* p, size_t len, const char* readable_end) {
#if defined(__AVX2__) || defined(__AVX512BW__)
  const FlagRegs regs = LoadFlags(kSpecialFlags);
#endif
  char padded[64];
  for (size_t base = 0; base < len; base += 64) {
    const char* block = p + base;
    uint64_t valid = ~uint64_t{0};
    if (len - base < 64) {
      valid = (uint64_t{1} << (len - base)) - 1;
      if (block + 64 > readable_end) {
        std::memcpy(padded, block, len - base);
        block = padded;
      }
    }
#if defined(__AVX2__) || defined(__AVX512BW__)
    const uint64_t special = ClassifyFlags(block, regs).special;
#else
    const uint64_t special = ClassifyBlock(block, '\n').special;
#endif
    if ((special & valid) != 0) return true;
  }
  return false;
}

// REQUIRES: N readable bytes at `rare`. kAnyCount: expected is 0 (any
// number of fields > 0 is shaped).
// N == 0: the flagged bytes come from `table` (AVX2 and AVX-512 builds
// only), else from N compares with rare[0..N).
template <int N, bool kAnyCount>
inline bool Scan(std::string_view span, size_t expected, const char* rare,
                 const FlagTable* table, size_t max_line, FullLineFn full,
                 void* ctx, uint64_t* plain_tail) {
  const char* const s = span.data();
  const size_t n = span.size();
  size_t line_start = 0;
  uint64_t fields = 0;   // field starts of the current line so far
  uint64_t flagged = 0;  // its special and rare bytes so far
  uint64_t carry = 0;    // 1 when the previous byte was inside a field
  uint64_t plain = 0;
  char padded[64];
#if defined(__AVX2__) || defined(__AVX512BW__)
  FlagRegs regs{};
  if constexpr (N == 0) regs = LoadFlags(*table);
#else
  static_assert(N > 0, "the flag table needs a SIMD build");
  (void)table;
#endif
  // The line [line_start, line_end) with `fields` and `flagged` complete.
  auto finish_line = [&](size_t line_end) {
    const size_t len = line_end - line_start;
    bool counted = kAnyCount ? fields != 0 : fields == expected;
    if (counted && len <= max_line) {
      // Last, as it reads memory: a lowercase first byte may be a header,
      // and so may a line after a leading space.
      const unsigned char first = static_cast<unsigned char>(s[line_start]);
      if (static_cast<unsigned char>(first - 'a') > 'z' - 'a' && first != ' ') {
        if (flagged == 0) {
          ++plain;
          return true;
        }
      } else {
        counted = false;
      }
    } else {
      counted = false;
    }
    const uint64_t before = plain;
    plain = 0;
    return full(ctx, std::string_view(s + line_start, len), before, counted);
  };
  for (size_t base = 0; base < n; base += 64) {
    const char* block = s + base;
    if (n - base < 64) {
      // The tail, padded with spaces: they add no field and no flag.
      std::memset(padded, ' ', sizeof padded);
      std::memcpy(padded, block, n - base);
      block = padded;
    }
    BlockMasks m;
#if defined(__AVX2__) || defined(__AVX512BW__)
    if constexpr (N == 0) {
      m = ClassifyFlags(block, regs);
    } else {
      m = Classify<N>(block, rare);
    }
#else
    m = Classify<N>(block, rare);
#endif
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
                 const FlagTable* table, size_t max_line, FullLineFn full,
                 void* ctx, uint64_t* plain_tail) {
  return expected == 0 ? Scan<N, true>(span, expected, rare, table, max_line,
                                       full, ctx, plain_tail)
                       : Scan<N, false>(span, expected, rare, table, max_line,
                                        full, ctx, plain_tail);
}

// Scan with 1, 2, 4 or 8 compares per byte: the set is padded with
// repeats of its first byte. REQUIRES: 1 <= rare.size() <= kMaxRareBytes.
inline bool ScanAny(std::string_view span, size_t expected,
                    std::string_view rare, size_t max_line, FullLineFn full,
                    void* ctx, uint64_t* plain_tail) {
#if defined(__AVX2__) || defined(__AVX512BW__)
  // Two shuffles flag the special and rare bytes in fewer instructions
  // than a compare per class (measured with callgrind: docs/benchmarks.md),
  // and cost the same for eight rare bytes as for one.
  if (FlagTable table; BuildFlagTable(rare, &table)) {
    return Scan<0>(span, expected, nullptr, &table, max_line, full, ctx,
                   plain_tail);
  }
#endif
  if (rare.size() == 1) {
    return Scan<1>(span, expected, rare.data(), nullptr, max_line, full, ctx,
                   plain_tail);
  }
  char padded[kMaxRareBytes];
  for (size_t i = 0; i < kMaxRareBytes; ++i) {
    padded[i] = i < rare.size() ? rare[i] : rare[0];
  }
  if (rare.size() == 2) {
    return Scan<2>(span, expected, padded, nullptr, max_line, full, ctx,
                   plain_tail);
  }
  if (rare.size() <= 4) {
    return Scan<4>(span, expected, padded, nullptr, max_line, full, ctx,
                   plain_tail);
  }
  return Scan<8>(span, expected, padded, nullptr, max_line, full, ctx,
                 plain_tail);
}

}  // namespace FLOWMON_LINE_SCAN_NS
}  // namespace flowmon
