// ScanForCandidates: baseline build and the run-time choice among it and
// the AVX2 and AVX-512 ones.
#define FLOWMON_LINE_SCAN_NS baseline
#include "scan/line_scan_impl.h"

namespace flowmon {

namespace {

ScanVariant VariantOf(ScanIsa isa) {
  switch (isa) {
#if defined(__x86_64__) && defined(FLOWMON_HAVE_AVX2_SCAN)
    case ScanIsa::kAvx2:
      return Avx2ScanVariant();
    case ScanIsa::kAvx512:
      return Avx512ScanVariant();
#endif
    default:
      return {&baseline::ScanAny, &baseline::SplitPlain, &baseline::HasSpecial};
  }
}

const ScanVariant& Chosen() {
  static const ScanVariant chosen = VariantOf(ChosenScanIsa());
  return chosen;
}

}  // namespace

bool ScanIsaAvailable(ScanIsa isa) {
  if (isa == ScanIsa::kBaseline) return true;
#if defined(__x86_64__) && defined(FLOWMON_HAVE_AVX2_SCAN)
  __builtin_cpu_init();
  // The AVX2 build also uses POPCNT; the AVX-512 one BMI2 as well. GCC's
  // check includes the OS's saving of the wider registers.
  const bool avx2 =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
  if (isa == ScanIsa::kAvx2) return avx2;
  return avx2 && __builtin_cpu_supports("avx512f") &&
         __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("bmi") &&
         __builtin_cpu_supports("bmi2");
#else
  return false;
#endif
}

ScanIsa ChosenScanIsa() {
  static const ScanIsa chosen = [] {
    if (ScanIsaAvailable(ScanIsa::kAvx512)) return ScanIsa::kAvx512;
    if (ScanIsaAvailable(ScanIsa::kAvx2)) return ScanIsa::kAvx2;
    return ScanIsa::kBaseline;
  }();
  return chosen;
}

bool SplitPlainLine(std::string_view line, Record* rec,
                    const char* readable_end) {
  return Chosen().split(line, rec, readable_end);
}

bool LineHasSpecialByte(std::string_view line, const char* readable_end) {
  return Chosen().has_special(line.data(), line.size(), readable_end);
}

bool ScanForCandidates(std::string_view span, size_t expected_fields,
                       std::string_view rare, size_t max_line, FullLineFn full,
                       void* ctx, uint64_t* plain_tail) {
  return Chosen().scan(span, expected_fields, rare, max_line, full, ctx,
                       plain_tail);
}

bool SplitPlainLineWith(ScanIsa isa, std::string_view line, Record* rec,
                        const char* readable_end) {
  return VariantOf(isa).split(line, rec, readable_end);
}

bool LineHasSpecialByteWith(ScanIsa isa, std::string_view line,
                            const char* readable_end) {
  return VariantOf(isa).has_special(line.data(), line.size(), readable_end);
}

bool ScanForCandidatesWith(ScanIsa isa, std::string_view span,
                           size_t expected_fields, std::string_view rare,
                           size_t max_line, FullLineFn full, void* ctx,
                           uint64_t* plain_tail) {
  return VariantOf(isa).scan(span, expected_fields, rare, max_line, full, ctx,
                             plain_tail);
}

}  // namespace flowmon
