// Query values (null, number, string): conversions and Insights' order.
#pragma once

#include <string>
#include <string_view>

#include "flowmon/insights/query.h"

namespace flowmon::insights {

// A number, or a string that reads as one.
bool AsNumber(const QueryValue& v, double* out);
// The text of a value; "" for null.
std::string AsString(const QueryValue& v);
// Appends AsString(v) to `out` without a temporary string.
void AppendText(const QueryValue& v, std::string* out);
// A non-zero number or a non-empty string.
bool Truthy(const QueryValue& v);
// -1, 0, 1 in Insights' ascending order: non-number values before number
// values; nulls after everything.
int CompareValues(const QueryValue& a, const QueryValue& b);
// CompareValues of two string values, on views.
int CompareText(std::string_view a, std::string_view b);

}  // namespace flowmon::insights
