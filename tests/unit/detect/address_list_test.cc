#include "flowmon/detect/address_list.h"

#include "catch.h"

namespace flowmon {
namespace {

const std::string* Find(const AddressList& l, std::string_view a) {
  return l.Find(*IpAddress::Parse(a));
}

TEST_CASE("address list: plain lists as the public ones ship", "[detect]") {
  AddressList l;
  REQUIRE(l.LoadText("# FireHOL-like\n"
                     "1.10.16.0/20\n"
                     "  5.6.7.8   # one host\n"
                     "\n"
                     "203.0.113.0/24 ; SBL123\r\n"
                     "2001:db8:bad::/48\n",
                     "lists/level1.netset")
              .ok());
  l.Build();
  CHECK(l.ranges() == 4);
  REQUIRE(Find(l, "1.10.31.255") != nullptr);
  CHECK(*Find(l, "1.10.31.255") == "level1.netset");
  CHECK(Find(l, "1.10.32.0") == nullptr);
  CHECK(Find(l, "5.6.7.8") != nullptr);
  CHECK(Find(l, "5.6.7.9") == nullptr);
  CHECK(Find(l, "2001:db8:bad:1::5") != nullptr);
  CHECK(Find(l, "2001:db8:bae::1") == nullptr);
  AddressList bad;
  const Status s = bad.LoadText("1.2.3.4\n1.2.3.300\n", "x.txt");
  CHECK(s.message() == "x.txt:2: '1.2.3.300' is not an address or CIDR block");
}

TEST_CASE("address list: nested blocks name the innermost", "[detect]") {
  AddressList l;
  l.Add(*IpNetwork::Parse("10.0.0.0/8"), "wide");
  l.Add(*IpNetwork::Parse("10.1.2.0/24"), "narrow");
  l.Add(*IpNetwork::Parse("10.1.2.0/24"), "again");
  l.Add(*IpNetwork::Parse("0.0.0.0/0"), "everything");
  l.Build();
  CHECK(*Find(l, "10.1.2.3") == "narrow");
  CHECK(*Find(l, "10.9.9.9") == "wide");
  CHECK(*Find(l, "8.8.8.8") == "everything");
}

TEST_CASE("address list: AWS's ip-ranges.json", "[detect]") {
  AddressList l;
  REQUIRE(l.LoadText(R"({
    "syncToken": "1700000000", "createDate": "2024-01-01-00-00-00",
    "prefixes": [
      {"ip_prefix": "3.0.0.0/15", "region": "ap-northeast-1", "service": "AMAZON", "network_border_group": "ap-northeast-1"},
      {"ip_prefix": "3.0.0.0/15", "region": "ap-northeast-1", "service": "EC2", "network_border_group": "ap-northeast-1"},
      {"ip_prefix": "52.94.0.0/22", "region": "GLOBAL", "service": "AMAZON", "network_border_group": "GLOBAL"}],
    "ipv6_prefixes": [
      {"ipv6_prefix": "2600:1f14::/35", "region": "us-west-2", "service": "S3", "network_border_group": "us-west-2"}]})",
                     "ip-ranges.json")
              .ok());
  l.Build();
  CHECK(*Find(l, "3.1.2.3") == "AWS EC2 ap-northeast-1");
  CHECK(*Find(l, "52.94.1.1") == "AWS AMAZON GLOBAL");
  CHECK(*Find(l, "2600:1f14::1") == "AWS S3 us-west-2");
  CHECK_FALSE(AddressList().LoadText("{\"x\": 1}", "y.json").ok());
}

}  // namespace
}  // namespace flowmon
