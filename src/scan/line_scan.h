// ScanForCandidates: the literal prefilter fused with field-count
// validation, one pass over a span of whole lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace flowmon {

// Called for each line that needs the full path, with the number of plain
// lines the scan passed over since the previous call. `counted`: the line
// has the expected field count, is not too long and does not start with a
// lowercase letter or a space; it went on for a rare byte or a special one
// (LineHasSpecialByte tells which), so without a special byte the caller
// may take it as a record without tokenizing it. False stops the scan.
using FullLineFn = bool (*)(void* ctx, std::string_view line,
                            uint64_t plain_lines_before, bool counted);

// The most bytes ScanForCandidates can look for at once (one per pattern
// of a pattern set, when their required literals differ).
inline constexpr size_t kMaxRareBytes = 8;

// Classifies `span` 64 bytes at a time and counts every line's fields from
// bitmasks. A "plain" line has `expected_fields` fields (any number > 0
// when expected_fields is 0), no quote, bracket or control byte (a
// trailing '\r' counts), does not start with a lowercase letter or a
// space (it could be a header line), is at most max_line bytes, and contains
// none of the bytes of `rare` (1 to kMaxRareBytes bytes): it is only counted.
// Every other line goes to `full`. Returns false if `full` did; *plain_tail is
// the count of plain lines after the last call. Uses AVX2 and POPCNT when
// the CPU has them; one rare byte costs one compare per block, more cost
// one compare each (up to 2, 4 or 8).
bool ScanForCandidates(std::string_view span, size_t expected_fields,
                       std::string_view rare, size_t max_line, FullLineFn full,
                       void* ctx, uint64_t* plain_tail);

struct Record;

// Whether `line` holds a quote, a bracket or a control byte other than
// '\t' (what keeps a line from being plain). Bytes up to `readable_end`
// past the line may be read.
bool LineHasSpecialByte(std::string_view line, const char* readable_end);

// The tokenizer's fast path: splits a line without quotes, brackets or
// control bytes on runs of spaces, 64 bytes at a time from bitmasks (AVX2
// when the CPU has it). False, having decided nothing, for other lines and
// for more than kMaxFields fields. Bytes up to `readable_end` past the
// line may be read. Measured in bench/filter_perftest.cc.
bool SplitPlainLine(std::string_view line, Record* rec,
                    const char* readable_end);

// The builds of the two functions above. The run-time choice is the best
// the CPU runs; the tests compare every available one with the byte loop.
enum class ScanIsa : unsigned char { kBaseline, kAvx2, kAvx512 };
// Whether this binary has `isa` and the CPU (and OS) can run it.
bool ScanIsaAvailable(ScanIsa isa);
// What ScanForCandidates and SplitPlainLine use.
ScanIsa ChosenScanIsa();
// The same functions in a given build. REQUIRES: ScanIsaAvailable(isa).
bool ScanForCandidatesWith(ScanIsa isa, std::string_view span,
                           size_t expected_fields, std::string_view rare,
                           size_t max_line, FullLineFn full, void* ctx,
                           uint64_t* plain_tail);
bool SplitPlainLineWith(ScanIsa isa, std::string_view line, Record* rec,
                        const char* readable_end);
bool LineHasSpecialByteWith(ScanIsa isa, std::string_view line,
                            const char* readable_end);

// One build's pair of functions, as line_scan_avx2.cc and
// line_scan_avx512.cc export them.
struct ScanVariant {
  bool (*scan)(std::string_view, size_t, std::string_view, size_t, FullLineFn,
               void*, uint64_t*);
  bool (*split)(std::string_view, Record*, const char*);
  bool (*has_special)(const char*, size_t, const char*);
};
ScanVariant Avx2ScanVariant();
ScanVariant Avx512ScanVariant();

}  // namespace flowmon
