// ScanForCandidates for CPUs with AVX2 and POPCNT (built with -mavx2
// -mpopcnt; only called after a runtime check).
#define FLOWMON_LINE_SCAN_NS avx2
#include "scan/line_scan_impl.h"

namespace flowmon {

ScanVariant Avx2ScanVariant() {
  return {&avx2::ScanAny, &avx2::SplitPlain, &avx2::HasSpecial};
}

}  // namespace flowmon
