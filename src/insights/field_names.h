// Insights' names of the flow-log fields (srcAddr -> srcaddr).
#pragma once

#include <string_view>

namespace flowmon::insights {

// The flow-log field an Insights field name stands for: its Insights name
// (srcAddr, logStatus) or the flow-log name itself; empty when neither.
std::string_view FlowFieldFor(std::string_view insights);

}  // namespace flowmon::insights
