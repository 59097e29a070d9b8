#include "flowmon/sinks/top.h"

#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "test_util.h"

namespace flowmon {
namespace {

TEST_CASE("top: counts, sums, CIDR and time buckets", "[top]") {
  std::vector<TopKeyPart> parts = {*TopKeyPart::Parse("srcaddr/16")};
  TopSink by_net(parts, TopOrder::kFlows);
  testing::RunOnText(&by_net, testing::kSampleRecords);
  const auto rows = by_net.Top(0);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].key[0] == "61.177.0.0/16");
  CHECK(rows[0].count == 2);
  CHECK(by_net.total_count() == 5);
  TopSink by_bytes({*TopKeyPart::Parse("dstport")}, TopOrder::kBytes);
  testing::RunOnText(&by_bytes, testing::kSampleRecords);
  CHECK(by_bytes.Top(1)[0].key[0] == "50000");
  CHECK(by_bytes.Top(1)[0].bytes == 4000);
  TopSink by_time({*TopKeyPart::Parse("2m")}, TopOrder::kFlows);
  testing::RunOnText(&by_time, testing::kSampleRecords);
  CHECK(by_time.Top(0).size() == 3);
  CHECK_FALSE(TopKeyPart::Parse("srcaddr/129").ok());
}

// Runs the pipeline over one stream per text (an input's format is named
// by its own first line only).
void RunOnInputs(RecordSink* sink, const std::vector<std::string>& texts) {
  testing::CollectingDiagnostics diag;
  std::vector<std::unique_ptr<Source>> sources;
  for (const std::string& text : texts) {
    sources.push_back(NewStringSource("in", text, 4096));
  }
  RunPipeline(std::move(sources), PipelineOptions(), sink, &diag.diag);
}

TEST_CASE("top: flows, packets and bytes of each key", "[top]") {
  TopSink sink({*TopKeyPart::Parse("dstport")}, TopOrder::kPackets);
  testing::RunOnText(&sink, testing::kSampleRecords);
  const auto rows = sink.Top(0);
  REQUIRE(!rows.empty());
  double packets = 0, bytes = 0;
  for (const TopRow& r : rows) {
    packets += r.packets;
    bytes += r.bytes;
  }
  CHECK(packets == sink.total_packets());
  CHECK(bytes == sink.total_bytes());
  for (size_t i = 1; i < rows.size(); ++i)
    CHECK(rows[i - 1].packets >= rows[i].packets);
}

TEST_CASE("top: time buckets in time order", "[top]") {
  TopSink sink({*TopKeyPart::Parse("2m")}, TopOrder::kBytes);
  testing::RunOnText(&sink, testing::kSampleRecords);
  const auto rows = sink.Top(0);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].key[0] < rows[1].key[0]);
  CHECK(rows[1].key[0] < rows[2].key[0]);
}

TEST_CASE("top: impossible prefix lengths name --by", "[top]") {
  CHECK(TopKeyPart::Parse("srcaddr/33").status().message() ==
        "invalid --by 'srcaddr/33': an IPv4 prefix length is 0 to 32 (give "
        "an IPv6 one after it: srcaddr/24/33)");
  CHECK_FALSE(TopKeyPart::Parse("srcaddr/-1").ok());
  CHECK_FALSE(TopKeyPart::Parse("srcaddr/24/129").ok());
  CHECK_FALSE(TopKeyPart::Parse("srcaddr/2.5").ok());
  Result<TopKeyPart> both = TopKeyPart::Parse("srcaddr/24/64");
  REQUIRE(both.ok());
  CHECK(both->prefix == 24);
  CHECK(both->prefix6 == 64);
  TopSink sink({*both}, TopOrder::kFlows);
  testing::RunOnText(
      &sink,
      "2 123 eni-1 2001:db8:1:2:3::4 10.0.0.1 1 2 6 1 10 1 2 "
      "ACCEPT OK\n"
      "2 123 eni-1 10.1.2.3 10.0.0.1 1 2 6 1 10 1 2 ACCEPT OK\n");
  const auto rows = sink.Top(0);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].key[0] == "10.1.2.0/24");
  CHECK(rows[1].key[0] == "2001:db8:1:2::/64");
}

TEST_CASE("top: field names it does not know", "[top]") {
  // A typo of a documented name, or no field name at all: a usage error.
  CHECK(TopKeyPart::Parse("srcadr").status().message() ==
        "invalid --by 'srcadr': unknown field 'srcadr' (see 'flowmon fields')");
  CHECK_FALSE(TopKeyPart::Parse("Nope").ok());
  // Any other name may be a field newer than flowmon, if a header line
  // brings it; so may one that --format names.
  Result<TopKeyPart> later = TopKeyPart::Parse("top-test-new");
  REQUIRE(later.ok());
  CHECK_FALSE(later->known);
  Result<Schema> format = Schema::FromFormat("${version} ${top-test-named}");
  REQUIRE(format.ok());
  Result<TopKeyPart> named = TopKeyPart::Parse("top-test-named", *format);
  REQUIRE(named.ok());
  CHECK(named->known);
  TopSink sink({*later}, TopOrder::kFlows);
  RunOnInputs(&sink, {"version top-test-new\n2 a\n2 b\n2 a\n",
                      "version srcaddr\n2 10.0.0.1\n"});
  CHECK(sink.met(0));
  REQUIRE(sink.Top(0).size() == 2);
  CHECK(sink.Top(0)[0].key[0] == "a");
  CHECK(sink.Top(0)[0].count == 2);
  CHECK(sink.absent() == 1);  // the srcaddr-only record
}

TEST_CASE("top: a key field the input's format lacks", "[top]") {
  // Transit Gateway flow logs have no action.
  std::string record = "6";
  for (size_t i = 1; i < Schema::DefaultTgw().size(); ++i) record += " -";
  TopSink sink({*TopKeyPart::Parse("action"), *TopKeyPart::Parse("srcaddr")},
               TopOrder::kFlows);
  RunOnInputs(&sink, {testing::HeaderLine(Schema::DefaultTgw()) + record +
                          "\n" + record + "\n",
                      testing::HeaderLine(Schema::DefaultV2()) +
                          testing::kSampleRecords});
  REQUIRE(sink.missing_fields().size() == 1);
  CHECK(sink.missing_fields()[0].field == "action");
  CHECK(sink.missing_fields()[0].format == "tgw");
  CHECK(sink.absent() == 2);
  CHECK(sink.met(0));  // the v2 records have it
  CHECK(sink.total_count() == 5);
}

// Two S3 objects whose header lines order the fields differently: each
// input's records must be read with its own header, although the pipeline
// keeps every input's Schema at the same address.
const char* const kHeaderA =
    "version account-id interface-id srcaddr dstaddr srcport dstport "
    "protocol packets bytes start end action log-status\n"
    "2 1 e 1.1.1.1 10.0.0.1 40000 22 6 1 40 1563108000 1563108010 REJECT OK\n"
    "2 1 e 1.1.1.1 10.0.0.1 40001 22 6 1 40 1563108000 1563108010 REJECT OK\n";
const char* const kHeaderB =
    "version account-id interface-id dstport srcaddr dstaddr srcport "
    "protocol packets bytes start end action log-status\n"
    "2 1 e 3389 2.2.2.2 10.0.0.1 50000 6 1 40 1563108000 1563108010 REJECT "
    "OK\n";

std::vector<std::string> DstPorts(const TopSink& sink) {
  std::vector<std::string> out;
  for (const TopRow& r : sink.Top(0)) {
    out.push_back(r.key[0] + "=" + std::to_string(r.count));
  }
  return out;
}

TEST_CASE("top: a schema change between inputs is seen", "[top]") {
  for (bool whole : {false, true}) {
    for (unsigned threads : {1u, 2u}) {
      PipelineOptions options;
      options.threads = threads;
      options.span_bytes = 64;
      testing::CollectingDiagnostics diag;
      std::vector<std::unique_ptr<Source>> sources;
      for (const char* text : {kHeaderA, kHeaderB, kHeaderA}) {
        sources.push_back(whole ? NewWholeStringSource("in", text)
                                : NewStringSource("in", text, 4096));
      }
      TopSink sink({*TopKeyPart::Parse("dstport")}, TopOrder::kFlows);
      RunPipeline(std::move(sources), options, &sink, &diag.diag);
      CHECK(DstPorts(sink) == std::vector<std::string>{"22=4", "3389=1"});
      CHECK(diag.warnings.empty());
      // With a second key part the key is built field by field.
      TopSink pairs(
          {*TopKeyPart::Parse("dstport"), *TopKeyPart::Parse("srcaddr")},
          TopOrder::kFlows);
      std::vector<std::unique_ptr<Source>> again;
      for (const char* text : {kHeaderA, kHeaderB}) {
        again.push_back(whole ? NewWholeStringSource("in", text)
                              : NewStringSource("in", text, 4096));
      }
      RunPipeline(std::move(again), options, &pairs, &diag.diag);
      const std::vector<TopRow> rows = pairs.Top(0);
      REQUIRE(rows.size() == 2);
      CHECK(rows[1].key == std::vector<std::string>{"3389", "2.2.2.2"});
    }
  }
}

TEST_CASE("top: a later header line switches the columns", "[top]") {
  // Concatenated objects on one stream, read in chunks of every size, and
  // the same bytes as a mapped file: B's header names the columns of B's
  // record, A's again those after it, and the stream agrees with the file
  // and with the three objects read as separate inputs.
  const std::string text = std::string(kHeaderA) + kHeaderB + kHeaderA;
  for (size_t block : {0, 7, 64, 4096}) {
    INFO("block " << block);
    PipelineOptions options;
    testing::CollectingDiagnostics diag;
    std::vector<std::unique_ptr<Source>> sources;
    sources.push_back(block == 0 ? NewWholeStringSource("cat", text)
                                 : NewStringSource("cat", text, block));
    TopSink sink({*TopKeyPart::Parse("dstport")}, TopOrder::kFlows);
    const PipelineStats stats =
        RunPipeline(std::move(sources), options, &sink, &diag.diag);
    CHECK(DstPorts(sink) == std::vector<std::string>{"22=4", "3389=1"});
    CHECK(stats.malformed == 0);
    CHECK(stats.headers == 3);
  }
}

TEST_CASE("top: ties rank by key bytes, whole or partial sort", "[top]") {
  // Keys alike in their first 8 bytes, a key that is another's prefix and
  // a byte above 0x7f: the tie is the keys' bytewise order, whether all
  // keys are ranked (a whole sort) or a few (a partial one).
  TopSink sink({*TopKeyPart::Parse("top-test-tie")}, TopOrder::kFlows);
  RunOnInputs(&sink, {"version top-test-tie\n2 10.0.0.100\n2 10.0.0.1\n"
                      "2 \xc3\xa9t\xc3\xa9\n2 10.0.0.10\n2 10.0.0.1\n"
                      "2 10.0.0.2\n2 10.0.0.10\n"});
  std::vector<std::string> all;
  for (const TopRow& r : sink.Top(0)) all.push_back(r.key[0]);
  CHECK(all == std::vector<std::string>{"10.0.0.1", "10.0.0.10", "10.0.0.100",
                                        "10.0.0.2", "\xc3\xa9t\xc3\xa9"});
  for (size_t limit = 1; limit <= all.size(); ++limit) {
    const std::vector<TopRow> rows = sink.Top(limit);
    REQUIRE(rows.size() == limit);
    for (size_t i = 0; i < limit; ++i) CHECK(rows[i].key[0] == all[i]);
  }
}

}  // namespace
}  // namespace flowmon
