#include "flowmon/sinks/printer.h"

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/time_util.h"
#include "flowmon/ingest/input_files.h"

namespace flowmon {
namespace {

TEST_CASE("JSON helpers", "[printer]") {
  fmt::memory_buffer out;
  AppendJsonString(&out, "a\"b\\c\td\x01");
  CHECK(fmt::to_string(out) == "\"a\\\"b\\\\c\\td\\u0001\"");
  CHECK(IsJsonNumber("0"));
  CHECK(IsJsonNumber("-12.5e+3"));
  CHECK_FALSE(IsJsonNumber("012"));
  CHECK_FALSE(IsJsonNumber("1."));
  CHECK_FALSE(IsJsonNumber("-"));
  CHECK_FALSE(IsJsonNumber("+1"));
  CHECK_FALSE(ParseOutputFormat("xml").ok());
}

}  // namespace
}  // namespace flowmon
