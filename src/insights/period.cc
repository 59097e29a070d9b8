#include "insights/period.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace flowmon::insights {
namespace {

constexpr int64_t kDayMs = 86400000;
// 1970-01-05, the first Monday after the epoch.
constexpr int64_t kFirstMondayMs = 4 * kDayMs;

int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

struct UnitSpelling {
  std::string_view name;
  Period::Unit unit;
};

constexpr UnitSpelling kUnits[] = {
    {"millisecond", Period::kMillisecond},
    {"ms", Period::kMillisecond},
    {"msec", Period::kMillisecond},
    {"second", Period::kSecond},
    {"s", Period::kSecond},
    {"sec", Period::kSecond},
    {"minute", Period::kMinute},
    {"m", Period::kMinute},
    {"min", Period::kMinute},
    {"hour", Period::kHour},
    {"h", Period::kHour},
    {"hr", Period::kHour},
    {"day", Period::kDay},
    {"d", Period::kDay},
    {"week", Period::kWeek},
    {"w", Period::kWeek},
    {"month", Period::kMonth},
    {"mo", Period::kMonth},
    {"mon", Period::kMonth},
    {"quarter", Period::kQuarter},
    {"q", Period::kQuarter},
    {"qtr", Period::kQuarter},
    {"year", Period::kYear},
    {"y", Period::kYear},
    {"yr", Period::kYear},
};

bool FindUnit(std::string_view text, Period::Unit* unit) {
  for (const UnitSpelling& u : kUnits) {
    // "For all units and abbreviations that include more than one
    // character, adding s to pluralize is supported."
    if (text == u.name ||
        (u.name.size() > 1 && text.size() == u.name.size() + 1 &&
         text.starts_with(u.name) && text.back() == 's')) {
      *unit = u.unit;
      return true;
    }
  }
  return false;
}

// AWS caps the count of the short units: "if you specify bin(300s),
// CloudWatch Logs actually implements this as 60 seconds".
struct UnitCap {
  Period::Unit unit;
  int64_t cap;
  std::string_view name;  // as the error writes it
  std::string_view next;  // the unit to write instead
};
constexpr UnitCap kCaps[] = {{Period::kMillisecond, 1000, "ms", "s"},
                             {Period::kSecond, 60, "s", "m"},
                             {Period::kMinute, 60, "m", "h"},
                             {Period::kHour, 24, "h", "d"}};

// Months since year 0 of `ms`, and the epoch ms of the first of month `m`.
int64_t MonthIndex(int64_t ms) {
  using namespace std::chrono;
  const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(ms)));
  const year_month_day ymd(day);
  return static_cast<int64_t>(static_cast<int>(ymd.year())) * 12 +
         static_cast<unsigned>(ymd.month()) - 1;
}
int64_t MonthStartMs(int64_t month_index) {
  using namespace std::chrono;
  const int64_t y = FloorDiv(month_index, 12);
  const unsigned m = static_cast<unsigned>(month_index - y * 12) + 1;
  const sys_days day = year{static_cast<int>(y)} / month{m} / 1;
  return duration_cast<milliseconds>(day.time_since_epoch()).count();
}
int64_t MonthsOf(const Period& p) {
  return p.unit == Period::kMonth     ? p.count
         : p.unit == Period::kQuarter ? 3 * p.count
                                      : 12 * p.count;
}

}  // namespace

int64_t Period::FixedMs() const {
  static constexpr int64_t kMs[] = {1,       1000,   60000,
                                    3600000, kDayMs, 7 * kDayMs};
  return unit <= kWeek ? count * kMs[unit] : 0;
}

bool ParsePeriod(std::string_view text, Period* out, std::string* error) {
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
    ++digits;
  int64_t count = 0;
  const auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + digits, count);
  Period::Unit unit;
  if (digits == 0 || ec != std::errc() || count <= 0 ||
      !FindUnit(text.substr(digits), &unit)) {
    *error = "expected a period such as 30s, 5m, 1h or 1d";
    return false;
  }
  for (const UnitCap& c : kCaps) {
    if (c.unit == unit && count > c.cap) {
      *error = fmt::format(
          "Insights caps a period in {} at {} (it would run {} as {}{}); use "
          "a larger unit ({})",
          c.name, c.cap, text, c.cap, c.name, c.next);
      return false;
    }
  }
  out->count = count;
  out->unit = unit;
  return true;
}

int64_t FloorToPeriod(int64_t ms, const Period& p) {
  if (p.unit == Period::kWeek) {
    const int64_t width = p.FixedMs();
    return FloorDiv(ms - kFirstMondayMs, width) * width + kFirstMondayMs;
  }
  if (const int64_t width = p.FixedMs(); width > 0) {
    return FloorDiv(ms, width) * width;
  }
  const int64_t n = MonthsOf(p);
  return MonthStartMs(FloorDiv(MonthIndex(ms), n) * n);
}

int64_t CeilToPeriod(int64_t ms, const Period& p) {
  const int64_t floor = FloorToPeriod(ms, p);
  if (floor == ms) return ms;
  if (const int64_t width = p.FixedMs(); width > 0) return floor + width;
  return MonthStartMs(MonthIndex(floor) + MonthsOf(p));
}

}  // namespace flowmon::insights
