// The flow-log table's column types, shared by the DDL and the SQL writers.
#pragma once

#include <string_view>

#include "flowmon/core/schema.h"

namespace flowmon::athena {

// Athena's type for a flow-log field: int, bigint or string.
std::string_view AthenaType(const FlowField& f);

}  // namespace flowmon::athena
