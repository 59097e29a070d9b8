// Insights' names of the flow-log fields (srcAddr -> srcaddr).
#pragma once

#include <string_view>

namespace flowmon::insights {

// The flow-log field an Insights field name stands for: the field whose
// Insights name it is (srcAddr, startTime, tgwAttachmentId: FlowField::
// insights), else the name itself, which may be a flow-log name (srcaddr,
// tgw-attachment-id) or name a field flowmon does not know that a header
// line brought. Whether the input has that field is its schema's to say.
std::string_view FlowFieldFor(std::string_view insights);

}  // namespace flowmon::insights
