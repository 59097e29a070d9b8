#include "flowmon/ingest/memory_source.h"

#include <string>

#include "catch.h"
#include "ingest/ingest_test_util.h"

namespace flowmon {
namespace {

const std::string kText =
    "first line\nsecond\r\n\nthird line that is a bit longer than the rest\n"
    "last without newline";

TEST_CASE("memory sources hand out whole lines at any block size", "[source]") {
  for (size_t block : {1, 2, 7, 64, 65536}) {
    auto source = NewMemorySource("t", kText, block);
    Status s;
    CHECK(testing::DrainSource(*source, &s) == kText);
    CHECK(s.ok());
    CHECK_FALSE(source->whole());
  }
}

TEST_CASE("empty and one-byte inputs", "[source]") {
  Status s;
  auto empty = NewMemorySource("e", "", 7);
  CHECK(testing::DrainSource(*empty, &s).empty());
  CHECK(s.ok());
  auto one = NewMemorySource("o", "x", 7);
  CHECK(testing::DrainSource(*one, &s) == "x");
  auto nl = NewMemorySource("n", "\n", 7);
  CHECK(testing::DrainSource(*nl, &s) == "\n");
}

TEST_CASE("a whole memory source is one chunk", "[source]") {
  auto source = NewWholeMemorySource("w", kText);
  CHECK(source->whole());
  Chunk chunk;
  REQUIRE(source->Next(&chunk).ok());
  CHECK(chunk.data == kText);
  REQUIRE(source->Next(&chunk).ok());
  CHECK(chunk.data.empty());
}

}  // namespace
}  // namespace flowmon
