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
