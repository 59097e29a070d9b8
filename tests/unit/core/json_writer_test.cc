#include "flowmon/core/json_writer.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

std::string Json(std::string_view s) {
  fmt::memory_buffer out;
  AppendJsonString(&out, s);
  return fmt::to_string(out);
}

TEST_CASE("AppendJsonString: quotes, backslashes and control characters",
          "[json]") {
  CHECK(Json("a\"b\\c\td\x01") == "\"a\\\"b\\\\c\\td\\u0001\"");
  CHECK(Json("l1\nl2\r") == "\"l1\\nl2\\r\"");
  CHECK(Json("\x7f") == "\"\\u007f\"");
  CHECK(Json("") == "\"\"");
  CHECK(Json("caf\xc3\xa9 /") == "\"caf\xc3\xa9 /\"");  // UTF-8 and '/' kept
}

TEST_CASE("AppendJsonString: bytes that are not UTF-8 become U+FFFD",
          "[json]") {
  CHECK(Json("a\xff"
             "b") == "\"a\\ufffdb\"");
  CHECK(Json("\xc3") == "\"\\ufffd\"");             // truncated sequence
  CHECK(Json("\xc0\xaf") == "\"\\ufffd\\ufffd\"");  // overlong '/'
  CHECK(Json("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // surrogate
  CHECK(Json("\xf0\x9f\x98\x80") == "\"\xf0\x9f\x98\x80\"");   // U+1F600 kept
}

TEST_CASE("IsJsonNumber: JSON's number grammar", "[json]") {
  CHECK(IsJsonNumber("0"));
  CHECK(IsJsonNumber("-12.5e+3"));
  CHECK(IsJsonNumber("1E9"));
  CHECK_FALSE(IsJsonNumber("012"));
  CHECK_FALSE(IsJsonNumber("1."));
  CHECK_FALSE(IsJsonNumber("-"));
  CHECK_FALSE(IsJsonNumber("+1"));
  CHECK_FALSE(IsJsonNumber(""));
  CHECK_FALSE(IsJsonNumber("1e"));
}

}  // namespace
}  // namespace flowmon
