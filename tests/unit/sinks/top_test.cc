#include "flowmon/sinks/top.h"

#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "test_util.h"

namespace flowmon {
namespace {

const char* const kRecords =
    "2 1 e 61.177.172.1 10.0.1.25 40000 22 6 1 40 1563108000 1563108010 REJECT "
    "OK\n"
    "2 1 e 61.177.172.1 10.0.1.25 40001 22 6 1 44 1563108070 1563108080 REJECT "
    "OK\n"
    "2 1 e 185.220.101.9 10.0.1.25 40002 3389 6 1 60 1563108130 1563108140 "
    "REJECT OK\n"
    "2 1 e 10.0.1.25 52.94.1.1 443 50000 6 10 4000 1563108190 1563108200 "
    "ACCEPT OK\n"
    "2 1 e - - - - - - - 1563108250 1563108310 - NODATA\n";

template <typename Sink>
void Feed(Sink* sink) {
  PipelineOptions options;
  testing::CollectingDiagnostics diag;
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(NewStringSource("in", kRecords, 4096));
  RunPipeline(std::move(sources), options, sink, &diag.diag);
}

TEST_CASE("top: counts, sums, CIDR and time buckets", "[top]") {
  std::vector<TopKeyPart> parts = {*TopKeyPart::Parse("srcaddr/16")};
  TopSink by_net(parts, "");
  Feed(&by_net);
  const auto rows = by_net.Top(0);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].key[0] == "61.177.0.0/16");
  CHECK(rows[0].count == 2);
  CHECK(by_net.total_count() == 5);
  TopSink by_bytes({*TopKeyPart::Parse("dstport")}, "bytes");
  Feed(&by_bytes);
  CHECK(by_bytes.Top(1)[0].key[0] == "50000");
  CHECK(by_bytes.Top(1)[0].sum == 4000);
  TopSink by_time({*TopKeyPart::Parse("2m")}, "");
  Feed(&by_time);
  CHECK(by_time.Top(0).size() == 3);
  CHECK_FALSE(TopKeyPart::Parse("nope").ok());
  CHECK_FALSE(TopKeyPart::Parse("srcaddr/129").ok());
}

}  // namespace
}  // namespace flowmon
