#include "flowmon/core/human_text.h"

#include <string>
#include <utility>

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("HumanBytes: one decimal in the largest binary unit", "[human]") {
  const std::pair<double, const char*> cases[] = {{0, "0 B"},
                                                  {512, "512 B"},
                                                  {1023, "1023 B"},
                                                  {1024, "1.0 KiB"},
                                                  {1536, "1.5 KiB"},
                                                  {1288490188.8, "1.2 GiB"},
                                                  {1099511627776.0, "1.0 TiB"}};
  for (const auto& [bytes, text] : cases) CHECK(HumanBytes(bytes) == text);
}

TEST_CASE("GroupThousands: commas between groups of three", "[human]") {
  const std::pair<double, const char*> cases[] = {{0, "0"},
                                                  {999, "999"},
                                                  {1000, "1,000"},
                                                  {1234567, "1,234,567"},
                                                  {-1234567, "-1,234,567"},
                                                  {2.5, "2.5"},
                                                  {1e20, "1e+20"}};
  for (const auto& [value, text] : cases) CHECK(GroupThousands(value) == text);
}

TEST_CASE("ProtocolName: IANA keywords, else the number", "[human]") {
  const std::pair<int, const char*> cases[] = {
      {6, "TCP"}, {17, "UDP"}, {1, "ICMP"}, {58, "ICMPv6"}, {253, "253"}};
  for (const auto& [number, name] : cases) CHECK(ProtocolName(number) == name);
}

}  // namespace
}  // namespace flowmon
