// ScanForCandidates for CPUs with AVX2 and POPCNT (built with -mavx2
// -mpopcnt; only called after a runtime check).
#define FLOWMON_LINE_SCAN_NS avx2
#include "scan/line_scan_impl.h"

namespace flowmon {

bool ScanForCandidatesAvx2(std::string_view span, size_t expected,
                           std::string_view rare, size_t max_line,
                           FullLineFn full, void* ctx, uint64_t* plain_tail) {
  return avx2::ScanAny(span, expected, rare, max_line, full, ctx, plain_tail);
}

bool SplitPlainLineAvx2(std::string_view line, Record* rec,
                        const char* readable_end) {
  return avx2::SplitPlain(line, rec, readable_end);
}

}  // namespace flowmon
