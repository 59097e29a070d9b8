#include "option_checks.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string>

namespace flowmon {
namespace {

bool ParseWhole(const std::string& text, int64_t* out) {
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && p == end;
}

}  // namespace

CLI::Validator WholeAtLeast(int64_t min) {
  return CLI::Validator(
      [min](std::string& text) -> std::string {
        int64_t v = 0;
        if (ParseWhole(text, &v) && v >= min) return "";
        return fmt::format("{}: expected a whole number of at least {}", text,
                           min);
      },
      "");
}

CLI::Validator PositiveNumber(bool zero_ok) {
  return CLI::Validator(
      [zero_ok](std::string& text) -> std::string {
        double v = 0;
        size_t used = 0;
        try {
          v = std::stod(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == text.size() && std::isfinite(v) &&
            (v > 0 || (zero_ok && v == 0))) {
          return "";
        }
        return fmt::format("{}: expected a number {} 0", text,
                           zero_ok ? "of at least" : "greater than");
      },
      "");
}

CLI::Validator MetricPeriod() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        int64_t v = 0;
        if (ParseWhole(text, &v) && v > 0 && v % 60 == 0) return "";
        // AWS's 10, 20 and 30 s periods are for high-resolution metrics;
        // metric filters publish one-minute data (docs/metric.md).
        return fmt::format(
            "{}: expected a multiple of 60 seconds (metric filters publish "
            "one-minute data)",
            text);
      },
      "");
}

}  // namespace flowmon
