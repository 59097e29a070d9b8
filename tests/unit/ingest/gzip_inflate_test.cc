#include "ingest/gzip_inflate.h"

#include <span>
#include <string>

#include "catch.h"
#include "test_util.h"

namespace flowmon {
namespace {

TEST_CASE("InflateGzip: members, damage, and no line limit", "[gzip]") {
  std::string out;
  CHECK(InflateGzip(testing::Gzip("a b\n") + testing::Gzip("c"), &out).ok());
  CHECK(out == "a b\nc");

  // One line longer than a stream's line buffer takes is kept whole.
  const std::string line(3 << 20, 'x');
  CHECK(InflateGzip(testing::Gzip(line), &out).ok());
  CHECK(out == line);

  std::string big;
  for (int i = 0; i < 5000; ++i) big += "line " + std::to_string(i) + "\n";
  std::string cut = testing::Gzip(big);
  cut.resize(cut.size() / 2);
  Status s = InflateGzip(cut, &out);
  CHECK(s.message() == "truncated gzip data (unexpected end of file)");
  CHECK(big.starts_with(out));

  s = InflateGzip(testing::Gzip("a\n") + "garbage", &out);
  CHECK(s.message() == "trailing garbage after gzip data");
  CHECK(out == "a\n");

  std::string corrupt = testing::Gzip(big);
  corrupt[corrupt.size() / 2] ^= 0x55;
  corrupt[corrupt.size() / 2 + 1] ^= 0x55;
  s = InflateGzip(corrupt, &out);
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message().starts_with("corrupt gzip data ("));
}

TEST_CASE("InflateGzip: zero padding after the last member", "[gzip]") {
  // gzip -d takes zero bytes after the data as padding.
  std::string out;
  const std::string padded =
      testing::Gzip("a\n") + testing::Gzip("b\n") + std::string(1000, '\0');
  CHECK(InflateGzip(padded, &out).ok());
  CHECK(out == "a\nb\n");
  Status s = InflateGzip(padded + "x", &out);
  CHECK(s.message() == "trailing garbage after zero padding");
  CHECK(out == "a\nb\n");
  // A member after padding is not one gzip reads either.
  s = InflateGzip(padded + testing::Gzip("c\n"), &out);
  CHECK(s.message() == "trailing garbage after zero padding");
}

TEST_CASE("GzipInflater: output held back when input runs out", "[gzip]") {
  // zlib may consume the last input bytes while the output span is full
  // and hold what they inflate to: needs_input() waits for it to be out.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "abcabcabc " + std::to_string(i) + "\n";
  const std::string gz = testing::Gzip(text);
  for (const size_t cut : {gz.size() / 2, gz.size() - 4, gz.size()}) {
    GzipInflater inflater;
    REQUIRE(inflater.Init().ok());
    inflater.Feed(gz.data(), cut);
    std::string out;
    Status error;
    char byte;
    while (!inflater.needs_input() && error.ok()) {
      out.append(&byte, inflater.Inflate(std::span<char>(&byte, 1), &error));
    }
    CHECK(error.ok());
    std::string whole;
    const Status expected = InflateGzip(gz.substr(0, cut), &whole);
    CHECK(out == whole);
    CHECK(inflater.Finish().message() == expected.message());
    CHECK(text.starts_with(out));
  }
}

}  // namespace
}  // namespace flowmon
