#include "flowmon/scan/tokenizer.h"

#include <random>
#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

std::vector<std::string> Split(std::string_view line,
                               LineError* error = nullptr) {
  Record rec;
  size_t column = 0;
  const LineError e = SplitFields(line, &rec, &column);
  if (error != nullptr) *error = e;
  std::vector<std::string> out;
  for (size_t i = 0; i < rec.size; ++i) out.emplace_back(rec.fields[i]);
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("fields are separated by runs of spaces", "[tokenizer]") {
  CHECK(Split("a b c") == V{"a", "b", "c"});
  CHECK(Split("  a   b  ") == V{"a", "b"});
  // AWS's own flow-log examples contain double spaces.
  CHECK(Split("2 123456789010 eni-1235b8ca123456789  - - - - - - - 1431280876 "
              "1431280934 - NODATA")
            .size() == 14);
}

TEST_CASE("quotes and brackets group a field and are removed", "[tokenizer]") {
  const std::string line =
      "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html "
      "HTTP/1.0\" 404 1534";
  CHECK(Split(line) == V{"127.0.0.1", "-", "frank",
                         "10/Oct/2000:13:25:15 -0700",
                         "GET /index.html HTTP/1.0", "404", "1534"});
  CHECK(Split("a \"\" b") == V{"a", "", "b"});
  CHECK(Split("a \"unterminated b") == V{"a", "unterminated b"});
  CHECK(Split("mid\"quote x") == V{"mid\"quote", "x"});
}

TEST_CASE("CRLF, blank lines, tabs and control bytes", "[tokenizer]") {
  CHECK(Split("a b\r") == V{"a", "b"});
  LineError e;
  Split("", &e);
  CHECK(e == LineError::kBlank);
  Split("    ", &e);
  CHECK(e == LineError::kBlank);
  Split("\r", &e);
  CHECK(e == LineError::kBlank);
  CHECK(Split("a\tb c") == V{"a\tb", "c"});
  Record rec;
  size_t column = 0;
  CHECK(SplitFields(std::string_view("ab c\x01 d", 7), &rec, &column) ==
        LineError::kBinary);
  CHECK(column == 4);
  CHECK(SplitFields(std::string_view("ab\0c", 4), &rec, &column) ==
        LineError::kBinary);
  CHECK(column == 2);
}

TEST_CASE("too many fields and too long lines are errors", "[tokenizer]") {
  std::string many;
  for (size_t i = 0; i <= kMaxFields; ++i) many += "x ";
  Record rec;
  size_t column = 0;
  CHECK(SplitFields(many, &rec, &column) == LineError::kTooManyFields);
  CHECK(column == 2 * kMaxFields);
  std::string exact;
  for (size_t i = 0; i < kMaxFields; ++i) exact += "x ";
  CHECK(SplitFields(exact, &rec, &column) == LineError::kOk);
  CHECK(rec.size == kMaxFields);
  const std::string huge(kMaxLineBytes + 1, 'a');
  CHECK(SplitFields(huge, &rec, &column) == LineError::kTooLong);
}

TEST_CASE("the SIMD path agrees with the byte loop", "[tokenizer]") {
  std::mt19937 rng(42);
  const std::string alphabet = "ab 01  -.\"[]\t\x01\x7f\xc3";
  for (int round = 0; round < 20000; ++round) {
    std::string line;
    const size_t len = rng() % 200;
    for (size_t i = 0; i < len; ++i) {
      // Mostly plain text, sometimes a special byte.
      line += (rng() % 8 == 0) ? alphabet[rng() % alphabet.size()]
                               : "abc  1-."[rng() % 8];
    }
    Record fast, slow;
    size_t c1 = 0, c2 = 0;
    const LineError e1 = SplitFields(line, &fast, &c1);
    const LineError e2 = SplitFieldsBytewise(line, &slow, &c2);
    REQUIRE(e1 == e2);
    if (e1 != LineError::kOk) {
      CHECK(c1 == c2);
      continue;
    }
    REQUIRE(fast.size == slow.size);
    for (size_t i = 0; i < fast.size; ++i) {
      REQUIRE(fast.fields[i] == slow.fields[i]);
    }
  }
}

// Issue #16 item 15: SplitFields stripped one '\r', and when the fast path
// declined the line the byte loop stripped another.
TEST_CASE("trailing carriage returns: the SIMD path agrees with the byte loop",
          "[tokenizer]") {
  // One trailing '\r' is the CRLF line end; a second one is a control byte.
  LineError e;
  Split("2 x OK\r\r", &e);
  CHECK(e == LineError::kBinary);
  std::mt19937 rng(16);
  for (int round = 0; round < 5000; ++round) {
    std::string line;
    const size_t len = rng() % 150;
    for (size_t i = 0; i < len; ++i) line += "abc  1-.\r"[rng() % 9];
    line.append(rng() % 4, '\r');
    Record fast, slow;
    size_t c1 = 0, c2 = 0;
    const LineError e1 = SplitFields(line, &fast, &c1);
    const LineError e2 = SplitFieldsBytewise(line, &slow, &c2);
    REQUIRE(e1 == e2);
    if (e1 != LineError::kOk) {
      CHECK(c1 == c2);
      continue;
    }
    REQUIRE(fast.size == slow.size);
    for (size_t i = 0; i < fast.size; ++i) {
      REQUIRE(fast.fields[i] == slow.fields[i]);
    }
  }
}

}  // namespace
}  // namespace flowmon
