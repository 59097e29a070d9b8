#include "flowmon/core/human_text.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>

namespace flowmon {

std::string HumanBytes(double bytes) {
  static constexpr std::string_view kUnits[] = {"B",   "KiB", "MiB", "GiB",
                                                "TiB", "PiB", "EiB"};
  size_t u = 0;
  double v = bytes;
  while (std::fabs(v) >= 1024 && u + 1 < std::size(kUnits)) {
    v /= 1024;
    ++u;
  }
  // Compiled formats: a table of millions of rows (top --limit 0) calls
  // this once a row.
  if (u == 0) return fmt::format(FMT_COMPILE("{} {}"), v, kUnits[0]);
  return fmt::format(FMT_COMPILE("{:.1f} {}"), v, kUnits[u]);
}

std::string GroupThousands(double value) {
  // 2^53: past it a double is not every integer.
  if (value != std::floor(value) || std::fabs(value) >= 9007199254740992.0)
    return fmt::format("{}", value);
  const auto n = static_cast<int64_t>(value);
  // Put together in place: a table of millions of rows (top --limit 0)
  // calls this twice a row.
  const fmt::format_int digits(n < 0 ? -n : n);
  char text[32];  // 16 digits, 5 commas and a sign at most
  size_t size = 0;
  if (n < 0) text[size++] = '-';
  const size_t count = digits.size();
  for (size_t i = 0; i < count; ++i) {
    if (i > 0 && (count - i) % 3 == 0) text[size++] = ',';
    text[size++] = digits.data()[i];
  }
  return std::string(text, size);
}

std::string ProtocolName(int protocol) {
  // IANA's "Assigned Internet Protocol Numbers" keywords.
  static constexpr std::pair<int, std::string_view> kNames[] = {
      {1, "ICMP"},  {2, "IGMP"},  {4, "IPIP"},   {6, "TCP"},   {17, "UDP"},
      {41, "IPv6"}, {47, "GRE"},  {50, "ESP"},   {51, "AH"},   {58, "ICMPv6"},
      {89, "OSPF"}, {103, "PIM"}, {112, "VRRP"}, {132, "SCTP"}};
  for (const auto& [n, name] : kNames) {
    if (n == protocol) return std::string(name);
  }
  return std::to_string(protocol);
}

}  // namespace flowmon
