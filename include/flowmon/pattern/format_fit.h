// Format fit: whether a space-delimited pattern can mean what it says on the
// records of a flow-log format. Matching stays positional, as in
// CloudWatch; this only finds the patterns whose positions and names
// disagree with the format, so that the user hears it before trusting a
// count of 0.
#pragma once

#include <string>
#include <string_view>

#include "flowmon/core/schema.h"
#include "flowmon/pattern/pattern.h"

namespace flowmon {

// The flow-log field a space-delimited pattern's field name stands for:
// the field's own name in any case, with '_' for '-' or without it
// (log_status, logStatus), or an alias AWS's examples use (source,
// destport, windowstart, flowlogstatus); nullptr for any other name.
// Lifetime: points into the static field catalogue.
const FlowField* FlowFieldForPatternName(std::string_view name);

// A warning about `pattern` on records of `schema`, or empty when there is
// nothing to say: the pattern cannot fit the format's field count, or
// names that stand for flow-log fields bind other fields of the format.
// The warning says which, and where it can, the pattern that binds the
// fields its names say. `format` names the schema in the message ("the
// default format (v2)", "the header line of x.log"); with
// `quote_pattern` it names the pattern by its text too (one of several).
// Only for space-delimited patterns on flow-log formats (never raw).
std::string PatternFormatWarning(const CompiledPattern& pattern,
                                 const Schema& schema, std::string_view format,
                                 bool quote_pattern = false);

}  // namespace flowmon
