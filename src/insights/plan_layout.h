// What the parsed commands of a query mean for running it: which run on each
// record, which names each event keeps for the rest, whether the events
// come newest first, and the columns of the result.
#pragma once

#include <vector>

#include "insights/ast.h"

namespace flowmon::insights {

// Fills plan's record_end, carried, newest_first and output from its
// commands. `time_of_slot`: per name, whether it holds times where the
// query ends.
void LayOutPlan(const std::vector<bool>& time_of_slot, QueryPlan* plan);

}  // namespace flowmon::insights
