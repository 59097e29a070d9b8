#include "insights/values.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <variant>

#include "flowmon/core/number.h"
#include "flowmon/core/time_util.h"

namespace flowmon {

std::string InsightsTime(int64_t ms) {
  char buf[insights::kNumberChars];
  return std::string(buf, insights::FormatInsightsTime(ms, buf));
}

void AppendInsightsNumber(double d, std::string* out) {
  char buf[insights::kNumberChars];
  out->append(buf, insights::FormatInsightsNumber(d, buf));
}

namespace insights {

size_t FormatInsightsTime(int64_t ms, char* buf) {
  const UtcTime u = ToUtc(ms);
  const auto r = fmt::format_to_n(
      buf, kNumberChars, "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:03}", u.year,
      u.month, u.day, u.hour, u.minute, u.second, u.millisecond);
  return std::min(r.size, kNumberChars);
}

namespace {

// A number AppendInsightsNumber writes as an integer's digits.
// (A cast and back, not std::trunc, which is a libm call without SSE4.1:
// a row per group writes many numbers.)
bool IsWholeForText(double d) {
  return std::fabs(d) < 1e15 &&
         static_cast<double>(static_cast<int64_t>(d)) == d &&
         !(d == 0 && std::signbit(d));
}

}  // namespace

size_t FormatInsightsNumber(double d, char* buf) {
  if (IsWholeForText(d)) {
    return static_cast<size_t>(
        std::to_chars(buf, buf + kNumberChars, static_cast<int64_t>(d)).ptr -
        buf);
  }
  const auto r = fmt::format_to_n(buf, kNumberChars, "{}", d);
  return std::min(r.size, kNumberChars);
}

size_t InsightsNumberWidth(double d) {
  if (!IsWholeForText(d)) {
    char buf[kNumberChars];
    return FormatInsightsNumber(d, buf);
  }
  // |d| < 1e15: the powers of ten below stay far from overflowing.
  const int64_t n = static_cast<int64_t>(d);
  const int64_t magnitude = n < 0 ? -n : n;
  size_t width = n < 0 ? 2 : 1;
  for (int64_t power = 10; magnitude >= power; power *= 10) ++width;
  return width;
}

}  // namespace insights

namespace insights {
namespace {

// Insights' natural order for non-number strings: runs of digits compare by
// length, then value; other runs by their bytes.
int NaturalCompare(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = std::isdigit(static_cast<unsigned char>(a[i]));
    const bool db = std::isdigit(static_cast<unsigned char>(b[j]));
    size_t ie = i, je = j;
    while (ie < a.size() && static_cast<bool>(std::isdigit(
                                static_cast<unsigned char>(a[ie]))) == da)
      ++ie;
    while (je < b.size() && static_cast<bool>(std::isdigit(
                                static_cast<unsigned char>(b[je]))) == db)
      ++je;
    const std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
    if (da && db && x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    if (x != y) {
      const int c = x.compare(y);
      return c < 0 ? -1 : 1;
    }
    i = ie;
    j = je;
  }
  if (i == a.size() && j == b.size()) return 0;
  return i == a.size() ? -1 : 1;
}

// The order of two non-null values, `x` and `y` their numbers when `xa`
// and `yb`; `a` and `b` give their text when both are not numbers.
template <typename A, typename B>
int CompareParsed(bool xa, double x, bool yb, double y, const A& a,
                  const B& b) {
  if (xa && yb) return x < y ? -1 : x > y ? 1 : 0;
  if (xa != yb) return xa ? 1 : -1;
  if constexpr (std::is_same_v<A, std::string_view>) {
    return NaturalCompare(a, b);
  } else {
    return NaturalCompare(AsString(a), AsString(b));
  }
}

}  // namespace

bool AsNumber(const QueryValue& v, double* out) {
  if (const double* d = std::get_if<double>(&v)) {
    *out = *d;
    return true;
  }
  if (const std::string* s = std::get_if<std::string>(&v))
    return ParseNumber(*s, out);
  return false;
}

std::string AsString(const QueryValue& v) {
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  if (const double* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return "";
}

void AppendText(const QueryValue& v, std::string* out) {
  if (const std::string* s = std::get_if<std::string>(&v)) {
    out->append(*s);
  } else if (const double* d = std::get_if<double>(&v)) {
    AppendInsightsNumber(*d, out);
  }
}

bool Truthy(const QueryValue& v) {
  if (const double* d = std::get_if<double>(&v)) return *d != 0;
  if (const std::string* s = std::get_if<std::string>(&v)) return !s->empty();
  return false;
}

int CompareValues(const QueryValue& a, const QueryValue& b) {
  const bool an = std::holds_alternative<std::monostate>(a);
  const bool bn = std::holds_alternative<std::monostate>(b);
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  double x, y;
  const bool xa = AsNumber(a, &x), yb = AsNumber(b, &y);
  return CompareParsed(xa, x, yb, y, a, b);
}

int CompareText(std::string_view a, std::string_view b) {
  double x, y;
  const bool xa = ParseNumber(a, &x), yb = ParseNumber(b, &y);
  return CompareParsed(xa, x, yb, y, a, b);
}

}  // namespace insights
}  // namespace flowmon
