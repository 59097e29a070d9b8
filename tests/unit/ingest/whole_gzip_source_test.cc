#include "ingest/whole_gzip_source.h"

#include <string>

#include "catch.h"
#include "test_util.h"

namespace flowmon {
namespace {

std::string Drain(Source& source) {
  std::string out;
  Chunk chunk;
  while (source.Next(&chunk).ok() && !chunk.data.empty()) {
    out.append(chunk.data);
  }
  return out;
}

TEST_CASE(
    "WholeGzipSource: members that inflate far past the first guess come "
    "out whole, the bytes before each growth kept",
    "[gzip]") {
  // Runs of one byte deflate a thousandfold: each member outgrows the
  // buffer, which grows keeping the members before it.
  const std::string a(3 << 20, 'a');
  const std::string b = std::string(2 << 20, 'b') + "\nend\n";
  const std::string gz = testing::Gzip(a) + testing::Gzip(b);
  for (int round = 0; round < 3; ++round) {  // recycled buffers too
    WholeGzipSource source("runs.gz");
    REQUIRE(source.Inflate(gz, 512 << 20));
    CHECK(Drain(source) == a + b);
  }
  WholeGzipSource capped("runs.gz");
  CHECK_FALSE(capped.Inflate(gz, 1 << 20));  // over the limit: nothing kept
}

TEST_CASE("InflateBuffer: a buffer handed back is handed out again", "[gzip]") {
  const char* first = nullptr;
  {
    InflateBuffer b = InflateBuffer::Get(1 << 20);
    REQUIRE(b.capacity() >= size_t{1} << 20);
    first = b.data();
    b.data()[0] = 'x';
    b.Grow(2 << 20, 1);  // keeps the first byte
    CHECK(b.capacity() >= size_t{2} << 20);
    CHECK(b.data()[0] == 'x');
    first = b.data();
  }
  InflateBuffer again = InflateBuffer::Get(1 << 20);
  CHECK(again.data() == first);  // the idle one, big enough
  InflateBuffer other = InflateBuffer::Get(1 << 20);
  CHECK(other.data() != first);
  // Too big to keep idle: freed when handed back, never handed out again.
  const char* huge = nullptr;
  {
    InflateBuffer h = InflateBuffer::Get(64 << 20);
    huge = h.data();
  }
  InflateBuffer after = InflateBuffer::Get(64 << 20);
  CHECK(after.capacity() >= size_t{64} << 20);
  (void)huge;  // the allocator may reuse the address: nothing to compare
}

}  // namespace
}  // namespace flowmon
