#include "flowmon/core/ip_address.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

std::string Text(const IpAddress& a) {
  std::string out;
  a.AppendTo(&out);
  return out;
}

std::string Text(const IpNetwork& n) {
  std::string out;
  n.AppendTo(&out);
  return out;
}

// The block of `prefix` bits around `addr`, as top --by addr/N writes it.
std::string Block(std::string_view addr, int prefix) {
  const std::optional<IpAddress> a = IpAddress::Parse(addr);
  REQUIRE(a.has_value());
  return Text(IpNetwork::Containing(*a, prefix));
}

bool Contains(std::string_view cidr, std::string_view addr) {
  const std::optional<IpNetwork> net = IpNetwork::Parse(cidr);
  REQUIRE(net.has_value());
  const std::optional<IpAddress> a = IpAddress::Parse(addr);
  REQUIRE(a.has_value());
  return net->Contains(*a);
}

TEST_CASE("ip address: IPv4 and IPv6 text, nothing else", "[ip_address]") {
  const std::optional<IpAddress> v4 = IpAddress::Parse("10.0.1.25");
  REQUIRE(v4.has_value());
  CHECK(v4->family == IpAddress::Family::kV4);
  CHECK(v4->bits() == 32);
  CHECK(Text(*v4) == "10.0.1.25");
  const std::optional<IpAddress> v6 =
      IpAddress::Parse("2001:0DB8:0000:0000:0000:0000:0000:0001");
  REQUIRE(v6.has_value());
  CHECK(v6->family == IpAddress::Family::kV6);
  CHECK(v6->bits() == 128);
  CHECK(Text(*v6) == "2001:db8::1");
  CHECK(IpAddress::Parse("::ffff:1.2.3.4")->family == IpAddress::Family::kV6);
  // The longest IPv6 text still fits the parse buffer.
  CHECK(IpAddress::Parse("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255")
            .has_value());
  for (const char* bad :
       {"-", "", "10.0.0", "10.0.0.256", "10.0.0.0/8", " 10.0.0.1", "10.0.0.1 ",
        "2001:db8::1::2", "NODATA"}) {
    INFO(bad);
    CHECK_FALSE(IpAddress::Parse(bad).has_value());
  }
  // Longer than any address: not copied past the stack buffer.
  CHECK_FALSE(IpAddress::Parse(std::string(200, '1')).has_value());
}

TEST_CASE("ip address: masking to a prefix", "[ip_address]") {
  CHECK(Block("10.0.1.25", 24) == "10.0.1.0/24");
  CHECK(Block("10.0.1.25", 16) == "10.0.0.0/16");
  CHECK(Block("10.0.1.25", 20) == "10.0.0.0/20");
  CHECK(Block("10.0.1.25", 0) == "0.0.0.0/0");
  CHECK(Block("10.0.1.25", 32) == "10.0.1.25/32");
  // An IPv4 address keeps at most its 32 bits (top --by srcaddr/64).
  CHECK(Block("10.0.1.25", 64) == "10.0.1.25/32");
  CHECK(Block("2001:db8:abcd:12::1", 48) == "2001:db8:abcd::/48");
  CHECK(Block("2001:db8:abcd:12::1", 63) == "2001:db8:abcd:12::/63");
  CHECK(Block("2001:db8::1", 128) == "2001:db8::1/128");
}

TEST_CASE("ip network: CIDR text and membership", "[ip_address]") {
  const std::optional<IpNetwork> net = IpNetwork::Parse("10.0.1.7/16");
  REQUIRE(net.has_value());
  CHECK(net->prefix == 16);
  CHECK(Text(*net) == "10.0.0.0/16");  // host bits cleared
  CHECK(Text(*IpNetwork::Parse("10.0.1.7")) == "10.0.1.7/32");
  CHECK(Text(*IpNetwork::Parse("2001:db8::/32")) == "2001:db8::/32");

  CHECK(Contains("10.0.0.0/16", "10.0.255.255"));
  CHECK_FALSE(Contains("10.0.0.0/16", "10.1.0.0"));
  CHECK(Contains("0.0.0.0/0", "203.0.113.9"));
  CHECK(Contains("10.0.1.7", "10.0.1.7"));
  CHECK_FALSE(Contains("10.0.1.7", "10.0.1.8"));
  CHECK(Contains("2001:db8::/32", "2001:db8:ffff::1"));
  CHECK_FALSE(Contains("2001:db8::/32", "2001:db9::1"));
  // Families never mix, not even ::/0 and an IPv4 address.
  CHECK_FALSE(Contains("::/0", "10.0.0.1"));
  CHECK_FALSE(Contains("0.0.0.0/0", "::1"));

  for (const char* bad :
       {"10.0.0.0/", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.0/-1", "10.0.0.0/+8",
        "10.0.0.0/8x", "10.0.0.0/ 8", "2001:db8::/129", "/8", "-",
        "10.0.0/8"}) {
    INFO(bad);
    CHECK_FALSE(IpNetwork::Parse(bad).has_value());
  }
  CHECK(IpNetwork::Parse("2001:db8::/128").has_value());
  CHECK(IpNetwork::Parse("10.0.0.0/032")->prefix == 32);
}

}  // namespace
}  // namespace flowmon
