#include "flowmon/core/dimension_key.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

std::string Key(const DimensionPairs& pairs) {
  std::string key;
  for (const auto& [name, value] : pairs) AppendDimension(&key, name, value);
  return key;
}

TEST_CASE("dimension keys: plain pairs are written as they are",
          "[dimension_key]") {
  CHECK(Key({{"Port", "22"}, {"Action", "REJECT"}}) == "Port=22,Action=REJECT");
  CHECK(Key({}).empty());
  CHECK(Key({{"Empty", ""}}) == "Empty=");
}

TEST_CASE("dimension keys: separators inside values cannot forge pairs",
          "[dimension_key]") {
  // Unescaped, both would be "A=x,B=y,B=z".
  const std::string one = Key({{"A", "x,B=y"}, {"B", "z"}});
  const std::string two = Key({{"A", "x"}, {"B", "y,B=z"}});
  CHECK(one == "A=x\\,B\\=y,B=z");
  CHECK(two == "A=x,B=y\\,B\\=z");
  CHECK(one != two);
  CHECK(Key({{"A", "\\"}, {"B", "c"}}) != Key({{"A", ",B=c"}}));
}

TEST_CASE("dimension keys: parsing gives back every pair", "[dimension_key]") {
  const DimensionPairs pairs = {
      {"A", "x,B=y"}, {"B", "z\\"}, {"C=D", ""}, {"E", "a=b=c,,"}};
  DimensionPairs back;
  REQUIRE(ParseDimensionKey(Key(pairs), &back));
  CHECK(back == pairs);
  REQUIRE(ParseDimensionKey("", &back));
  CHECK(back.empty());
}

TEST_CASE("dimension keys: text no AppendDimension wrote is refused",
          "[dimension_key]") {
  DimensionPairs pairs;
  CHECK_FALSE(ParseDimensionKey("Port", &pairs));
  CHECK_FALSE(ParseDimensionKey("Port=22,", &pairs));
  CHECK_FALSE(ParseDimensionKey("A=1=2", &pairs));
  CHECK_FALSE(ParseDimensionKey("A=1\\", &pairs));
  CHECK_FALSE(ParseDimensionKey(",A=1", &pairs));
}

}  // namespace
}  // namespace flowmon
