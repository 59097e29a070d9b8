// Progress counts input bytes: a large gzip stream advances by the
// compressed bytes read, not only when it ends.
#include <random>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "test_util.h"

namespace flowmon {
namespace {

// Records with random addresses and ports, so that gzip cannot shrink them
// to almost nothing.
std::string RandomRecords(size_t bytes) {
  std::mt19937 rng(7);
  std::string out;
  while (out.size() < bytes) {
    out += "2 123456789012 eni-1 10." + std::to_string(rng() % 256) + "." +
           std::to_string(rng() % 256) + ".1 172.31.0." +
           std::to_string(rng() % 256) + " " + std::to_string(rng() % 65536) +
           " 443 6 " + std::to_string(rng() % 100) + " " +
           std::to_string(rng() % 100000) +
           " 1563108188 1563108227 ACCEPT OK\n";
  }
  return out;
}

std::vector<uint64_t> ProgressOf(std::unique_ptr<Source> source,
                                 uint64_t size) {
  source->set_size_hint(size);
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(std::move(source));
  PipelineOptions options;
  std::vector<uint64_t> done;
  options.progress = [&](const PipelineProgress& p) {
    done.push_back(p.bytes_done);
  };
  testing::CollectingSink sink;
  testing::CollectingDiagnostics diag;
  RunPipeline(std::move(sources), options, &sink, &diag.diag);
  CHECK(diag.errors.empty());
  return done;
}

// How many progress reports fall strictly inside (0, total).
size_t Partway(const std::vector<uint64_t>& done, uint64_t total) {
  size_t n = 0;
  for (uint64_t d : done) n += d > 0 && d < total;
  return n;
}

TEST_CASE("progress: a gzip stream advances by compressed bytes read",
          "[pipeline]") {
  const std::string gz = testing::Gzip(RandomRecords(4 << 20));
  const std::vector<uint64_t> done =
      ProgressOf(NewMemorySource("big.gz", gz, 64 << 10), gz.size());
  REQUIRE(!done.empty());
  CHECK(std::is_sorted(done.begin(), done.end()));
  CHECK(done.back() == gz.size());
  CHECK(Partway(done, gz.size()) > 5);
}

TEST_CASE("progress: text streams and whole inputs", "[pipeline]") {
  const std::string text = RandomRecords(1 << 20);
  const std::vector<uint64_t> stream =
      ProgressOf(NewMemorySource("s", text, 64 << 10), text.size());
  CHECK(std::is_sorted(stream.begin(), stream.end()));
  CHECK(stream.back() == text.size());
  CHECK(Partway(stream, text.size()) > 5);
  // A whole input is done once its one chunk is scanned.
  const std::vector<uint64_t> whole =
      ProgressOf(NewWholeMemorySource("w", text), text.size());
  CHECK(whole.front() == text.size());
  CHECK(whole.back() == text.size());
}

}  // namespace
}  // namespace flowmon
