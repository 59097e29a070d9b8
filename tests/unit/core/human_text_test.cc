#include "flowmon/core/human_text.h"

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("HumanBytes: one decimal in the largest binary unit", "[human]") {
  CHECK(HumanBytes(0) == "0 B");
  CHECK(HumanBytes(512) == "512 B");
  CHECK(HumanBytes(1023) == "1023 B");
  CHECK(HumanBytes(1024) == "1.0 KiB");
  CHECK(HumanBytes(1536) == "1.5 KiB");
  CHECK(HumanBytes(1288490188.8) == "1.2 GiB");
  CHECK(HumanBytes(1099511627776.0) == "1.0 TiB");
}

TEST_CASE("GroupThousands: commas between groups of three", "[human]") {
  CHECK(GroupThousands(0) == "0");
  CHECK(GroupThousands(999) == "999");
  CHECK(GroupThousands(1000) == "1,000");
  CHECK(GroupThousands(1234567) == "1,234,567");
  CHECK(GroupThousands(-1234567) == "-1,234,567");
  CHECK(GroupThousands(2.5) == "2.5");
  CHECK(GroupThousands(1e20) == "1e+20");
}

TEST_CASE("ProtocolName: IANA keywords, else the number", "[human]") {
  CHECK(ProtocolName(6) == "TCP");
  CHECK(ProtocolName(17) == "UDP");
  CHECK(ProtocolName(1) == "ICMP");
  CHECK(ProtocolName(58) == "ICMPv6");
  CHECK(ProtocolName(253) == "253");
}

}  // namespace
}  // namespace flowmon
