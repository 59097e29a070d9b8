// `flowmon athena sql --detect NAME`: a `flowmon detect` detector as one
// Athena (Trino) query over the flow-log table, for data past one machine.
// The same windows, thresholds and allowlists as the DetectConfig, per
// window rather than as a stream (docs/athena.md says what differs).
#pragma once

#include <string>
#include <string_view>

#include "flowmon/athena/athena.h"
#include "flowmon/detect/detect_config.h"

namespace flowmon {

// One row per (window, key) at or over the detector's thresholds. Errors:
// an unknown detector, a table format without a field it needs, or
// blocklist without blocklist files.
Result<std::string> AthenaDetectSql(const AthenaTable& t,
                                    std::string_view detector,
                                    const DetectConfig& config,
                                    const AthenaTimeRange& r);

}  // namespace flowmon
