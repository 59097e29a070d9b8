#include "scan/plain_field.h"

#include <random>
#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

// The fields of `line`, split on runs of spaces, one byte at a time.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

TEST_CASE("plain field: every field of a flow-log line, from either end",
          "[scan]") {
  const std::string line =
      "2 123456789010 eni-0a1b2c3d4e5f60789 10.0.1.5 203.0.113.9 443 49152 6 "
      "10 8400 1700000000 1700000060 ACCEPT OK";
  const std::vector<std::string_view> want = Fields(line);
  REQUIRE(want.size() == 14);
  for (size_t i = 0; i < want.size(); ++i) {
    INFO("field " << i);
    const std::string_view got = PlainField(line, i, want.size());
    CHECK(got == want[i]);
    // A view into the line, not a copy.
    CHECK(got.data() == want[i].data());
  }
  CHECK(PlainField(line, 10, 14) == "1700000000");
}

TEST_CASE(
    "plain field: runs of spaces, leading and trailing spaces, short "
    "lines, every offset",
    "[scan]") {
  // Against the byte loop on random lines of 1 to 40 fields, fields of 1
  // to 19 bytes and runs of 1 to 3 spaces, with and without spaces at
  // either end, so that fields and words of 8 bytes meet at every offset.
  std::mt19937 rng(20261204);
  auto pick = [&rng](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  for (int round = 0; round < 20000; ++round) {
    std::string line(static_cast<size_t>(pick(0, 2)), ' ');
    const int count = pick(1, 40);
    for (int f = 0; f < count; ++f) {
      if (f > 0) line.append(static_cast<size_t>(pick(1, 3)), ' ');
      const int len = pick(1, 19);
      for (int k = 0; k < len; ++k) {
        line.push_back(static_cast<char>(pick(0, 3) == 0 ? '-' : 'a' + k % 26));
      }
    }
    line.append(static_cast<size_t>(pick(0, 2)), ' ');
    // In a buffer of its own, so that reads past either end are caught by
    // the sanitizer builds.
    const std::vector<char> bytes(line.begin(), line.end());
    const std::string_view view(bytes.data(), bytes.size());
    const std::vector<std::string_view> want = Fields(view);
    REQUIRE(want.size() == static_cast<size_t>(count));
    for (size_t i = 0; i < want.size(); ++i) {
      INFO("line '" << line << "', field " << i);
      REQUIRE(PlainField(view, i, want.size()) == want[i]);
    }
  }
}

}  // namespace
}  // namespace flowmon
