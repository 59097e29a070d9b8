// Parses Logs Insights query text (flowmon query's subset) into a QueryPlan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "flowmon/core/status.h"
#include "insights/ast.h"

namespace flowmon::insights {

// AWS's limit on a query's length, in characters.
inline constexpr size_t kMaxQueryChars = 10000;
// How deep an expression may nest parentheses, not, unary -, ^ and function
// arguments, and how deep its tree may be (each operator of a chain counts):
// the parser and the evaluator recurse that deep. Far past what a query
// needs, far below what the stack allows (docs/query.md, "Limits").
inline constexpr int kMaxNesting = 100;
inline constexpr uint32_t kMaxHeight = 1000;

// Errors carry where they are: "query:LINE:COL: message", then the query's
// line and a caret under the column (FormatCaretError, as pattern errors).
Status ParseQuery(std::string_view text, QueryPlan* plan);

}  // namespace flowmon::insights
