#include "ingest/gzip_source.h"

#include <string>

#include "catch.h"
#include "flowmon/ingest/memory_source.h"
#include "ingest/ingest_test_util.h"
#include "test_util.h"

namespace flowmon {
namespace {

const std::string kText =
    "first line\nsecond\r\n\nthird line that is a bit longer than the rest\n"
    "last without newline";

TEST_CASE("gzip: single, multi-member, truncated and corrupt", "[source]") {
  Status s;
  for (size_t block : {1, 7, 64, 65536}) {
    auto single = NewMemorySource("a.gz", testing::Gzip(kText), block);
    CHECK(testing::DrainSource(*single, &s) == kText);
    CHECK(s.ok());
    auto multi = NewMemorySource(
        "m.gz", testing::Gzip("a b\nc d\n") + testing::Gzip("e f\n"), block);
    CHECK(testing::DrainSource(*multi, &s) == "a b\nc d\ne f\n");
    CHECK(s.ok());
  }
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "line " + std::to_string(i) + "\n";
  std::string gz = testing::Gzip(big);
  gz.resize(gz.size() / 2);
  auto truncated = NewMemorySource("t.gz", gz, 4096);
  const std::string got = testing::DrainSource(*truncated, &s);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message().find("t.gz: truncated gzip data") == 0);
  CHECK(!got.empty());
  CHECK(big.starts_with(got));  // everything before the damage comes out

  std::string corrupt = testing::Gzip(big);
  corrupt[corrupt.size() / 2] ^= 0x55;
  corrupt[corrupt.size() / 2 + 1] ^= 0x55;
  auto bad = NewMemorySource("c.gz", corrupt, 4096);
  testing::DrainSource(*bad, &s);
  CHECK(s.code() == Status::Code::kCorrupt);

  auto trailing = NewMemorySource("g.gz", testing::Gzip("a\n") + "garbage", 64);
  CHECK(testing::DrainSource(*trailing, &s) == "a\n");
  CHECK(s.message() == "g.gz: trailing garbage after gzip data");

  // Zero padding is not garbage, at any block size (the zeros arrive over
  // several reads) and inflated whole.
  const std::string padded = testing::Gzip("a\n") + std::string(300, '\0');
  for (const size_t block : {size_t{1}, size_t{7}, size_t{64}, size_t{4096}}) {
    auto zeros = NewMemorySource("z.gz", padded, block);
    CHECK(testing::DrainSource(*zeros, &s) == "a\n");
    CHECK(s.ok());
  }
  auto whole = OpenBytes("z.gz", padded, SourceOptions{});
  CHECK(whole->whole());
  CHECK(testing::DrainSource(*whole, &s) == "a\n");
  CHECK(s.ok());
}

// Whole (OpenBytes: libdeflate, then zlib with a 1 MiB buffer on damage)
// and streamed in small blocks, a truncated member hands out the same
// bytes, all zlib inflated before the cut, and then the same error.
void CheckCutAlike(const std::string& gz, const std::string& expected) {
  Status whole_status;
  auto whole = OpenBytes("cut.gz", gz, SourceOptions{});
  const std::string from_whole = testing::DrainSource(*whole, &whole_status);
  CHECK(from_whole == expected);
  CHECK(whole_status.message() ==
        "cut.gz: truncated gzip data (unexpected end of file)");
  for (const size_t block : {size_t{1}, size_t{7}, size_t{64}, size_t{4096}}) {
    INFO("block " << block);
    Status s;
    auto stream = NewMemorySource("cut.gz", gz, block);
    CHECK(testing::DrainSource(*stream, &s) == from_whole);
    CHECK(s.code() == whole_status.code());
    CHECK(s.message() == whole_status.message());
  }
}

TEST_CASE("gzip: a truncated member, whole and streamed", "[source]") {
  // A fuzz finding (tests/fuzz/corpus/pipeline/gzip_truncated_member):
  // 16 bytes of which `gzip -dc` prints 67 before "unexpected end of file".
  // zlib consumes them all while 16 bytes of output fill a small buffer,
  // and holds the rest back until it is asked for more output.
  const std::string fuzzed(
      "\x1f\x8b\x08\x00\xbc\xff\xff\x0d"
      "\xa5\x56\xdb\x6a\x1b\x41\x29\x54",
      16);
  std::string inflated = "\xb5=";
  for (int i = 0; i < 32; ++i) inflated += "X=";
  inflated += "X";
  CheckCutAlike(fuzzed, inflated);

  // A real member cut everywhere: in the header, the deflate data and the
  // trailer (where every line is out, and the check is what is missing).
  const std::string text = testing::ReadSample("v2.log").substr(0, 600);
  const std::string gz = testing::Gzip(text);
  REQUIRE(gz.size() > 30);
  std::string last;
  for (size_t cut = 2; cut < gz.size(); ++cut) {
    INFO("cut at " << cut << " of " << gz.size());
    Status s;
    auto whole = OpenBytes("cut.gz", gz.substr(0, cut), SourceOptions{});
    const std::string got = testing::DrainSource(*whole, &s);
    CHECK(text.starts_with(got));
    CHECK(got.size() >= last.size());
    if (cut >= gz.size() - 8) CHECK(got == text);
    CheckCutAlike(gz.substr(0, cut), got);
    last = got;
  }
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

TEST_CASE("gzip: bytes consumed are compressed bytes", "[source]") {
  std::string text;
  for (int i = 0; i < 200000; ++i) {
    text += "line " + std::to_string(i * 7919 % 100003) + "\n";
  }
  const std::string gz = testing::Gzip(text);
  auto source = NewMemorySource("a.gz", gz, 4096);
  CHECK(source->bytes_consumed() == 0);
  Chunk chunk;
  REQUIRE(source->Next(&chunk).ok());
  const uint64_t first = source->bytes_consumed();
  CHECK(first > 0);
  CHECK(first < gz.size());
  uint64_t last = first;
  while (source->Next(&chunk).ok() && !chunk.data.empty()) {
    CHECK(source->bytes_consumed() >= last);
    last = source->bytes_consumed();
  }
  CHECK(source->bytes_consumed() == gz.size());
}

}  // namespace
}  // namespace flowmon
