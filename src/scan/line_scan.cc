// ScanForCandidates: baseline build and the run-time choice of the AVX2 one.
#define FLOWMON_LINE_SCAN_NS baseline
#include "scan/line_scan_impl.h"

namespace flowmon {

bool ScanForCandidatesAvx2(std::string_view span, size_t expected,
                           std::string_view rare, size_t max_line,
                           FullLineFn full, void* ctx, uint64_t* plain_tail);

bool SplitPlainLineAvx2(std::string_view line, Record* rec,
                        const char* readable_end);

namespace {

using SplitFn = bool (*)(std::string_view, Record*, const char*);

bool HasAvx2() {
#if defined(__x86_64__) && defined(FLOWMON_HAVE_AVX2_SCAN)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
#else
  return false;
#endif
}

SplitFn ChooseSplit() {
#if defined(__x86_64__) && defined(FLOWMON_HAVE_AVX2_SCAN)
  if (HasAvx2()) return &SplitPlainLineAvx2;
#endif
  return &baseline::SplitPlain;
}

using ScanFn = bool (*)(std::string_view, size_t, std::string_view, size_t,
                        FullLineFn, void*, uint64_t*);

ScanFn ChooseScan() {
#if defined(__x86_64__) && defined(FLOWMON_HAVE_AVX2_SCAN)
  if (HasAvx2()) return &ScanForCandidatesAvx2;
#endif
  return &baseline::ScanAny;
}

}  // namespace

bool SplitPlainLine(std::string_view line, Record* rec,
                    const char* readable_end) {
  static const SplitFn split = ChooseSplit();
  return split(line, rec, readable_end);
}

bool ScanForCandidates(std::string_view span, size_t expected_fields,
                       std::string_view rare, size_t max_line, FullLineFn full,
                       void* ctx, uint64_t* plain_tail) {
  static const ScanFn scan = ChooseScan();
  return scan(span, expected_fields, rare, max_line, full, ctx, plain_tail);
}

}  // namespace flowmon
