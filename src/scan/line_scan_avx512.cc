// ScanForCandidates for CPUs with AVX-512 BW (built with -mavx512f
// -mavx512bw -mpopcnt -mbmi -mbmi2; only called after a runtime check): one
// 64-byte register per block, each class a compare straight into a mask.
#define FLOWMON_LINE_SCAN_NS avx512
#include "scan/line_scan_impl.h"

namespace flowmon {

bool ScanForCandidatesAvx512(std::string_view span, size_t expected,
                             std::string_view rare, size_t max_line,
                             FullLineFn full, void* ctx, uint64_t* plain_tail) {
  return avx512::ScanAny(span, expected, rare, max_line, full, ctx, plain_tail);
}

bool SplitPlainLineAvx512(std::string_view line, Record* rec,
                          const char* readable_end) {
  return avx512::SplitPlain(line, rec, readable_end);
}

}  // namespace flowmon
