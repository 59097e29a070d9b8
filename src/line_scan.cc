// ScanForCandidates: baseline build and the run-time choice of the AVX2 one.
#define FLOWMON_LINE_SCAN_NS baseline
#include "line_scan_impl.h"

namespace flowmon {

bool ScanForCandidatesAvx2(std::string_view span, size_t expected, char rare,
                           size_t max_line, FullLineFn full, void* ctx,
                           uint64_t* plain_tail);

namespace {

using ScanFn = bool (*)(std::string_view, size_t, char, size_t, FullLineFn,
                        void*, uint64_t*);

ScanFn ChooseScan() {
#if defined(__x86_64__) && defined(FLOWMON_HAVE_AVX2_SCAN)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")) {
    return &ScanForCandidatesAvx2;
  }
#endif
  return &baseline::Scan;
}

}  // namespace

bool ScanForCandidates(std::string_view span, size_t expected_fields, char rare,
                       size_t max_line, FullLineFn full, void* ctx,
                       uint64_t* plain_tail) {
  static const ScanFn scan = ChooseScan();
  return scan(span, expected_fields, rare, max_line, full, ctx, plain_tail);
}

}  // namespace flowmon
