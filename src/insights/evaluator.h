// Evaluates a query expression against one record (or one result row).
#pragma once

#include <functional>
#include <string>

#include "flowmon/insights/query.h"
#include "insights/ast.h"

namespace flowmon::insights {

// The value of a field by name; null when there is none.
using Lookup = std::function<QueryValue(const std::string&)>;

QueryValue Eval(const Expr& e, const Lookup& field);

}  // namespace flowmon::insights
