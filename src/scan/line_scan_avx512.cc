// ScanForCandidates for CPUs with AVX-512 BW (built with -mavx512f
// -mavx512bw -mpopcnt -mbmi -mbmi2; only called after a runtime check): one
// 64-byte register per block, each class a compare straight into a mask.
#define FLOWMON_LINE_SCAN_NS avx512
#include "scan/line_scan_impl.h"

namespace flowmon {

ScanVariant Avx512ScanVariant() {
  return {&avx512::ScanAny, &avx512::SplitPlain, &avx512::HasSpecial};
}

}  // namespace flowmon
