// The commands that work on result rows rather than records: sort, limit,
// dedup, display, and a filter or fields after stats.
#pragma once

#include "flowmon/insights/query.h"
#include "insights/ast.h"

namespace flowmon::insights {

// Applies one command to the rows of `r`. fields there changes nothing.
void ApplyResultStage(const Command& c, QueryResult* r);

}  // namespace flowmon::insights
