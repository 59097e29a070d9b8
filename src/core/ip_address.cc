#include "flowmon/core/ip_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace flowmon {

std::optional<IpAddress> IpAddress::Parse(std::string_view text) {
  // inet_pton wants a C string; the longest IPv6 text is 45 bytes.
  char buf[INET6_ADDRSTRLEN];
  if (text.size() >= sizeof buf) return std::nullopt;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  IpAddress a;
  if (inet_pton(AF_INET, buf, a.bytes.data()) == 1) {
    a.family = Family::kV4;
    return a;
  }
  if (inet_pton(AF_INET6, buf, a.bytes.data()) == 1) {
    a.family = Family::kV6;
    return a;
  }
  return std::nullopt;
}

IpAddress IpAddress::Masked(int prefix) const {
  IpAddress m = *this;
  const int keep_bits = std::clamp(prefix, 0, bits());
  for (size_t i = 0; i < m.bytes.size(); ++i) {
    const int keep = std::clamp(keep_bits - static_cast<int>(i * 8), 0, 8);
    m.bytes[i] = static_cast<uint8_t>(m.bytes[i] & (0xff << (8 - keep)));
  }
  return m;
}

void IpAddress::AppendTo(std::string* out) const {
  char text[INET6_ADDRSTRLEN];
  inet_ntop(family == Family::kV4 ? AF_INET : AF_INET6, bytes.data(), text,
            sizeof text);
  out->append(text);
}

std::optional<IpNetwork> IpNetwork::Parse(std::string_view text) {
  const size_t slash = text.find('/');
  const std::optional<IpAddress> address =
      IpAddress::Parse(text.substr(0, slash));
  if (!address) return std::nullopt;
  int prefix = address->bits();
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    const char* const end = digits.data() + digits.size();
    // Digits only: from_chars would take a leading '-'.
    if (digits.empty() || digits[0] < '0' || digits[0] > '9') {
      return std::nullopt;
    }
    const auto [ptr, ec] = std::from_chars(digits.data(), end, prefix);
    if (ec != std::errc() || ptr != end || prefix > address->bits()) {
      return std::nullopt;
    }
  }
  return Containing(*address, prefix);
}

IpNetwork IpNetwork::Containing(const IpAddress& address, int prefix) {
  const int bits = std::clamp(prefix, 0, address.bits());
  return IpNetwork{address.Masked(bits), bits};
}

bool IpNetwork::Contains(const IpAddress& a) const {
  return a.family == address.family && a.Masked(prefix) == address;
}

void IpNetwork::AppendTo(std::string* out) const {
  address.AppendTo(out);
  char digits[8];
  digits[0] = '/';
  const auto r = std::to_chars(digits + 1, digits + sizeof digits, prefix);
  out->append(digits, static_cast<size_t>(r.ptr - digits));
}

}  // namespace flowmon
