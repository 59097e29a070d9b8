// Parses Logs Insights query text (flowmon query's subset) into a QueryPlan.
#pragma once

#include <string_view>

#include "flowmon/core/status.h"
#include "insights/ast.h"

namespace flowmon::insights {

// Errors carry where they are: "query:LINE:COL: message", then the query's
// line and a caret under the column (FormatCaretError, as pattern errors).
Status ParseQuery(std::string_view text, QueryPlan* plan);

}  // namespace flowmon::insights
