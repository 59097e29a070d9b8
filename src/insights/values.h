// Query values (null, number, string): conversions and Insights' order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "flowmon/insights/query.h"

namespace flowmon::insights {

// Room for any number or Insights time the Format functions write.
inline constexpr size_t kNumberChars = 64;
// Writes `d` as a query shows it (AppendInsightsNumber) to buf[0,
// kNumberChars) and returns its length.
size_t FormatInsightsNumber(double d, char* buf);
// FormatInsightsNumber's length, without writing the number.
size_t InsightsNumberWidth(double d);
// Writes InsightsTime(ms) to buf[0, kNumberChars) and returns its length.
size_t FormatInsightsTime(int64_t ms, char* buf);

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
