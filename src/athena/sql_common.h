// SQL text shared by the Athena writers: quoting, FROM and WHERE, and the
// account, region and time-range predicates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flowmon/athena/athena.h"

namespace flowmon::athena {

// 'text' with its quotes doubled.
std::string Quote(std::string_view s);
// "database"."table"
std::string From(const AthenaTable& t);
// "\nWHERE a\n  AND b", or "" without conditions.
std::string Where(const std::vector<std::string>& conditions);
// Appends AthenaScopeConditions(t, r) to `out`.
void ScopeConditions(const AthenaTable& t, const AthenaTimeRange& r,
                     std::vector<std::string>* out);

}  // namespace flowmon::athena
