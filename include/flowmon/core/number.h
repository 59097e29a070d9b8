// ParseNumber: the strict decimal number syntax shared by patterns and
// field values.
#pragma once

#include <charconv>
#include <string_view>

namespace flowmon {

// Parses all of `s` as a decimal number (optional sign, digits, fraction,
// exponent). Plain integers take a fast path: this runs per record for
// numeric comparisons. "-", "", "1.2.3", "nan" and "0x10" are not numbers.
inline bool ParseNumber(std::string_view s, double* out) {
  if (s.empty()) return false;
  if (s.size() <= 18) {
    unsigned long long v = 0;
    size_t i = 0;
    for (; i < s.size(); ++i) {
      const unsigned d = static_cast<unsigned char>(s[i]) - '0';
      if (d > 9) break;
      v = v * 10 + d;
    }
    if (i == s.size()) {
      *out = static_cast<double>(v);
      return true;
    }
  }
  size_t skip = s[0] == '+' ? 1 : 0;
  if (skip == s.size()) return false;
  const char c = s[skip];
  // from_chars also accepts "inf"/"nan"; AWS numbers start with a digit,
  // a sign or a point.
  if (!((c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data() + skip, end, *out);
  return ec == std::errc() && ptr == end;
}

// True when `s` is one or more decimal digits: the value of an integer
// flow-log field (besides "-", which stands for no value).
inline bool IsDecimalDigits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace flowmon
