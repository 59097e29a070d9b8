// Query values (null, number, string): conversions and Insights' order.
#pragma once

#include <string>

#include "flowmon/insights/query.h"

namespace flowmon::insights {

// A number, or a string that reads as one.
bool AsNumber(const QueryValue& v, double* out);
// The text of a value; "" for null.
std::string AsString(const QueryValue& v);
// A non-zero number or a non-empty string.
bool Truthy(const QueryValue& v);
// -1, 0, 1 in Insights' ascending order: non-number values before number
// values; nulls after everything.
int CompareValues(const QueryValue& a, const QueryValue& b);

}  // namespace flowmon::insights
