#include "flowmon/ingest/source.h"

#include <string>
#include <vector>

#include "catch.h"
#include "ingest/line_buffer.h"
#include "test_util.h"

namespace flowmon {
namespace {

// Reads a whole source; chunks must end on line boundaries.
std::string Drain(Source& source, Status* status, int* chunks = nullptr) {
  std::string all;
  Chunk chunk;
  int n = 0;
  while (true) {
    *status = source.Next(&chunk);
    if (!status->ok() || chunk.data.empty()) break;
    ++n;
    all += chunk.data;
    if (!all.empty() && all.back() != '\n') {
      // Only the very last chunk may end without a newline.
      Chunk next;
      Status s = source.Next(&next);
      CHECK(next.data.empty());
      *status = s;
      break;
    }
  }
  if (chunks != nullptr) *chunks = n;
  return all;
}

const std::string kText =
    "first line\nsecond\r\n\nthird line that is a bit longer than the rest\n"
    "last without newline";

TEST_CASE("string sources hand out whole lines at any block size", "[source]") {
  for (size_t block : {1, 2, 7, 64, 65536}) {
    auto source = NewStringSource("t", kText, block);
    Status s;
    CHECK(Drain(*source, &s) == kText);
    CHECK(s.ok());
  }
}

TEST_CASE("empty and one-byte inputs", "[source]") {
  Status s;
  auto empty = NewStringSource("e", "", 7);
  CHECK(Drain(*empty, &s).empty());
  CHECK(s.ok());
  auto one = NewStringSource("o", "x", 7);
  CHECK(Drain(*one, &s) == "x");
  auto nl = NewStringSource("n", "\n", 7);
  CHECK(Drain(*nl, &s) == "\n");
}

TEST_CASE("gzip: single, multi-member, truncated and corrupt", "[source]") {
  using testing::Gzip;
  Status s;
  for (size_t block : {1, 7, 64, 65536}) {
    auto single = NewStringSource("a.gz", Gzip(kText), block);
    CHECK(Drain(*single, &s) == kText);
    CHECK(s.ok());
    auto multi =
        NewStringSource("m.gz", Gzip("a b\nc d\n") + Gzip("e f\n"), block);
    CHECK(Drain(*multi, &s) == "a b\nc d\ne f\n");
    CHECK(s.ok());
  }
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "line " + std::to_string(i) + "\n";
  std::string gz = Gzip(big);
  gz.resize(gz.size() / 2);
  auto truncated = NewStringSource("t.gz", gz, 4096);
  const std::string got = Drain(*truncated, &s);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message().find("t.gz: truncated gzip data") == 0);
  CHECK(!got.empty());
  CHECK(big.starts_with(got));  // everything before the damage comes out

  std::string corrupt = Gzip(big);
  corrupt[corrupt.size() / 2] ^= 0x55;
  corrupt[corrupt.size() / 2 + 1] ^= 0x55;
  auto bad = NewStringSource("c.gz", corrupt, 4096);
  Drain(*bad, &s);
  CHECK(s.code() == Status::Code::kCorrupt);

  auto trailing = NewStringSource("g.gz", Gzip("a\n") + "garbage", 64);
  CHECK(Drain(*trailing, &s) == "a\n");
  CHECK(s.message() == "g.gz: trailing garbage after gzip data");
}

TEST_CASE("LineBuffer cuts lines longer than the maximum", "[source]") {
  LineBuffer buffer(8, 16);
  const std::string input = "short\n" + std::string(40, 'x') + "\nafter\n";
  size_t pos = 0;
  std::vector<std::string> normal;
  int too_long = 0;
  bool eof = false;
  while (true) {
    Chunk chunk;
    if (buffer.Take(eof, &chunk)) {
      if (chunk.too_long) {
        ++too_long;
      } else {
        normal.emplace_back(chunk.data);
      }
      continue;
    }
    if (eof) break;
    std::span<char> space = buffer.PrepareWrite();
    const size_t n = std::min(space.size(), input.size() - pos);
    std::copy_n(input.data() + pos, n, space.data());
    pos += n;
    buffer.Commit(n);
    eof = pos == input.size();
  }
  CHECK(too_long == 1);
  std::string joined;
  for (const auto& s : normal) joined += s;
  CHECK(joined == "short\nafter\n");
}

TEST_CASE("OpenSource reports missing files and directories", "[source]") {
  auto missing = OpenSource("/nonexistent/flows.log", SourceOptions{});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() ==
        "/nonexistent/flows.log: cannot open: No such file or directory");
  CHECK(missing.status().exit_code() == kExitInput);
  auto dir = OpenSource("/", SourceOptions{});
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.status().message() == "/: is a directory");
}

}  // namespace
}  // namespace flowmon
