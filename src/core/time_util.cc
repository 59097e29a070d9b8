#include "flowmon/core/time_util.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>

namespace flowmon {
namespace {

bool ReadInt(std::string_view s, size_t* pos, size_t digits, int* out) {
  if (*pos + digits > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < digits; ++i) {
    const char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += digits;
  *out = v;
  return true;
}

Status BadTime(std::string_view text) {
  return Status::InvalidArgument(fmt::format(
      "invalid time '{}': expected epoch seconds or ISO-8601 such as "
      "2019-07-14T12:43:08Z",
      text));
}

}  // namespace

namespace {

bool IsDigits(std::string_view text) {
  return !text.empty() &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

// All-digit epoch text (seconds or milliseconds, as the caller decides).
Result<int64_t> EpochDigits(std::string_view text) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) return BadTime(text);
  return v;
}

// The parse behind both entry points; *ms gets the fraction's milliseconds.
Result<int64_t> ParseSeconds(std::string_view text, int* ms);

}  // namespace

Result<int64_t> ParseTimeArg(std::string_view text) {
  int ms = 0;
  return ParseSeconds(text, &ms);
}

namespace {

// Seconds in one unit of "30s", "10m", "1h", "2d"; 0 for any other letter.
int64_t SecondsPerUnit(char unit) {
  switch (unit) {
    case 's':
      return 1;
    case 'm':
      return 60;
    case 'h':
      return 3600;
    case 'd':
      return 86400;
    default:
      return 0;
  }
}

}  // namespace

Result<int64_t> ParseUserTime(std::string_view text, int64_t now_seconds) {
  const int64_t midnight =
      now_seconds - ((now_seconds % 86400) + 86400) % 86400;
  if (text == "now") return now_seconds;
  if (text == "today") return midnight;
  if (text == "yesterday") return midnight - 86400;
  // A number and one unit, as aws logs tail --since: "30m" is 30 minutes
  // before now (never a month; ISO-8601 has no such short form to clash).
  if (text.size() >= 2 && IsDigits(text.substr(0, text.size() - 1))) {
    // Weeks only here: a duration (ParseDuration) stops at days.
    const int64_t unit =
        text.back() == 'w' ? 7 * 86400 : SecondsPerUnit(text.back());
    if (unit != 0) {
      Result<int64_t> n = EpochDigits(text.substr(0, text.size() - 1));
      if (!n.ok() || *n > (int64_t{1} << 40) / unit) {
        return Status::InvalidArgument(
            fmt::format("invalid time '{}': too far back", text));
      }
      return now_seconds - *n * unit;
    }
  }
  Result<int64_t> t = ParseTimeArg(text);
  if (t.ok()) return t;
  return Status::InvalidArgument(fmt::format(
      "invalid time '{}': expected now, today, yesterday, a time before now "
      "(30m, 1h, 2d, 1w), a date (2026-11-20), ISO-8601 such as "
      "2019-07-14T12:43:08Z or epoch seconds",
      text));
}

Result<int64_t> NowSeconds() {
  const char* fixed = std::getenv("FLOWMON_NOW");
  if (fixed != nullptr && *fixed != '\0') {
    if (!IsDigits(fixed)) {
      return Status::InvalidArgument(
          fmt::format("FLOWMON_NOW='{}': expected epoch seconds", fixed));
    }
    return EpochDigits(fixed);
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<int64_t> ParseTimestampMs(std::string_view text) {
  if (text.size() >= 11 && IsDigits(text)) return EpochDigits(text);
  int ms = 0;
  Result<int64_t> s = ParseSeconds(text, &ms);
  if (!s.ok()) return s;
  return *s * 1000 + ms;
}

namespace {

Result<int64_t> ParseSeconds(std::string_view text, int* ms) {
  if (IsDigits(text)) return EpochDigits(text);
  size_t pos = 0;
  int year, month, day, hour = 0, minute = 0, second = 0;
  if (!ReadInt(text, &pos, 4, &year) || pos >= text.size() ||
      text[pos++] != '-' || !ReadInt(text, &pos, 2, &month) ||
      pos >= text.size() || text[pos++] != '-' ||
      !ReadInt(text, &pos, 2, &day)) {
    return BadTime(text);
  }
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year(year),
                           std::chrono::month(static_cast<unsigned>(month)),
                           std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return BadTime(text);
  int64_t offset = 0;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    ++pos;
    if (!ReadInt(text, &pos, 2, &hour) || pos >= text.size() ||
        text[pos++] != ':' || !ReadInt(text, &pos, 2, &minute)) {
      return BadTime(text);
    }
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!ReadInt(text, &pos, 2, &second)) return BadTime(text);
    }
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      int scale = 100;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        *ms += (text[pos++] - '0') * scale;
        scale /= 10;
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return BadTime(text);
    if (pos < text.size() && text[pos] == 'Z') {
      ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      const int sign = text[pos++] == '-' ? -1 : 1;
      int oh, om = 0;
      if (!ReadInt(text, &pos, 2, &oh)) return BadTime(text);
      if (pos < text.size() && text[pos] == ':') ++pos;
      if (pos < text.size() && !ReadInt(text, &pos, 2, &om))
        return BadTime(text);
      offset = sign * (oh * 3600 + om * 60);
    }
  }
  if (pos != text.size()) return BadTime(text);
  const int64_t days = sys_days(ymd).time_since_epoch().count();
  return days * 86400 + hour * 3600 + minute * 60 + second - offset;
}

}  // namespace

Result<int64_t> ParseDuration(std::string_view text) {
  int64_t unit = text.empty() ? 0 : SecondsPerUnit(text.back());
  std::string_view digits = text;
  if (unit != 0) digits.remove_suffix(1);
  if (unit == 0) unit = 1;
  int64_t v = 0;
  auto [p, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (digits.empty() || ec != std::errc() ||
      p != digits.data() + digits.size() || v < 0) {
    return Status::InvalidArgument(
        fmt::format("invalid duration '{}': expected seconds or a number with "
                    "s, m, h or d (10m)",
                    text));
  }
  return v * unit;
}

UtcTime ToUtc(int64_t epoch_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> tp{milliseconds(epoch_ms)};
  const sys_days day = floor<days>(tp);
  const year_month_day ymd(day);
  const hh_mm_ss hms(floor<milliseconds>(tp - day));
  return UtcTime{static_cast<int>(ymd.year()),
                 static_cast<int>(static_cast<unsigned>(ymd.month())),
                 static_cast<int>(static_cast<unsigned>(ymd.day())),
                 static_cast<int>(hms.hours().count()),
                 static_cast<int>(hms.minutes().count()),
                 static_cast<int>(hms.seconds().count()),
                 static_cast<int>(hms.subseconds().count())};
}

std::string FormatUtc(int64_t epoch_seconds, const char* format) {
  const std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[128];
  const size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

std::string FormatIso8601Ms(int64_t epoch_ms) {
  const UtcTime u = ToUtc(epoch_ms);
  if (u.millisecond == 0) {
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", u.year, u.month,
                       u.day, u.hour, u.minute, u.second);
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", u.year,
                     u.month, u.day, u.hour, u.minute, u.second, u.millisecond);
}

// A whole second: the millisecond form without its fraction.
std::string FormatIso8601(int64_t epoch_seconds) {
  return FormatIso8601Ms(epoch_seconds * 1000);
}

}  // namespace flowmon
