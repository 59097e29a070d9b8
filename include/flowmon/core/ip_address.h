// IpAddress and IpNetwork: IPv4 and IPv6 addresses as flow logs write them
// (srcaddr, dstaddr, pkt-srcaddr, ...) and CIDR blocks. The one rule for
// parsing an address and masking it to a prefix, used by `top --by
// srcaddr/24` (once per record: nothing here allocates) and by Logs Insights'
// isIpInSubnet, isIpv4InSubnet and isIpv6InSubnet.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowmon {

// A value type: holds its bytes, keeps nothing of the text it was parsed from.
struct IpAddress {
  enum class Family : unsigned char { kV4, kV6 };

  Family family = Family::kV4;
  // Network byte order; an IPv4 address uses the first 4.
  std::array<uint8_t, 16> bytes{};

  // "10.0.1.25" or "2001:db8::1" (inet_pton's forms: dotted quad, no
  // leading zeros; any IPv6 text form, "::ffff:1.2.3.4" is IPv6). Nullopt
  // for anything else: "-", "", "10.0.0.0/8", " 10.0.0.1".
  static std::optional<IpAddress> Parse(std::string_view text);

  // 32 or 128.
  int bits() const { return family == Family::kV4 ? 32 : 128; }
  // This address with every bit after the first `prefix` cleared; `prefix`
  // is clamped to 0..bits().
  IpAddress Masked(int prefix) const;
  // Appends the canonical text (inet_ntop's: "10.0.1.0", "2001:db8::").
  // Allocates only when `out` must grow.
  void AppendTo(std::string* out) const;

  bool operator==(const IpAddress& other) const = default;
};

// A CIDR block: a network address and a prefix length. A value type.
struct IpNetwork {
  IpAddress address;  // host bits are cleared
  int prefix = 0;     // 0..address.bits()

  // "10.0.0.0/16" or "2001:db8::/32". A bare address is its own /32 or
  // /128 block. Host bits may be set ("10.0.0.1/8" is 10.0.0.0/8). Nullopt
  // when the address does not parse or the prefix is not a decimal number
  // from 0 to the family's bits ("10.0.0.0/", "10.0.0.0/33", "/x", "/-1").
  static std::optional<IpNetwork> Parse(std::string_view text);
  // The block of `prefix` bits (clamped to 0..bits()) around `address`.
  static IpNetwork Containing(const IpAddress& address, int prefix);

  // True when `a` is of the same family and its first `prefix` bits are
  // the network's.
  bool Contains(const IpAddress& a) const;
  // Appends "10.0.1.0/24". Allocates only when `out` must grow.
  void AppendTo(std::string* out) const;
};

}  // namespace flowmon
