// The pattern a query's first filters imply (insights/prefilter): which
// filters compile into one and which must not, and the differential check
// that a query answers the same with the pattern in the pipeline as the
// evaluator alone does, over the sample records and edge cases.
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/insights/query.h"
#include "insights/parser.h"
#include "insights/prefilter.h"
#include "insights/query_test_util.h"

namespace flowmon {
namespace {

std::string PatternOf(std::string_view query) {
  QueryPlan plan;
  REQUIRE(insights::ParseQuery(query, &plan).ok());
  return insights::PrefilterPattern(plan);
}

TEST_CASE("query prefilter: what compiles into a pattern", "[query]") {
  CHECK(PatternOf(R"(filter action = "REJECT")") == R"("REJECT")");
  CHECK(PatternOf(R"(filter "REJECT" = action | stats count(*))") ==
        R"("REJECT")");
  CHECK(PatternOf(R"(filter action="REJECT" and logStatus="OK")") ==
        R"("REJECT" "OK")");
  CHECK(PatternOf(
            R"(filter action="REJECT" | filter interfaceId like "eni-1")") ==
        R"("REJECT" "eni-1")");
  // One conjunct that says nothing leaves the others.
  CHECK(PatternOf(R"(filter action="REJECT" and bytes > 100)") ==
        R"("REJECT")");
  CHECK(PatternOf(R"(filter Action = "REJECT")") == R"("REJECT")");
}

TEST_CASE("query prefilter: what must not compile", "[query]") {
  for (const char* q : {
           R"(filter action != "REJECT")",
           R"(filter not action = "REJECT")",
           R"(filter action = "REJECT" or action = "ACCEPT")",
           R"(filter action in ["REJECT"])",
           // A number compares as a number: 0443 = "443".
           R"(filter dstPort = "443")",
           R"(filter dstPort = 443)",
           R"(filter action like /REJ/)",
           R"(filter action =~ /REJ/)",
           R"(filter action not like "REJ")",
           // Characters a term would have to escape.
           R"(filter action = "RE JECT")",
           R"(filter action = "RE\"JECT")",
           R"(filter action = "")",
           // fields and parse may give the name another value.
           R"(fields "REJECT" as a | filter a = "REJECT")",
           R"(parse @message "* *" as a, b | filter a = "REJECT")",
           R"(fields srcAddr | filter action = "REJECT")",
           R"(stats count(*) by action | filter action = "REJECT")",
           R"(filter tolower(action) = "reject")",
       }) {
    INFO(q);
    CHECK(PatternOf(q).empty());
  }
}

// Records that put the pattern to the test: the literal in another field,
// in another case, as a prefix, "-" values, a line of one field.
constexpr const char* kEdgeRecords =
    "2 1 eni-REJECT 1.1.1.1 2.2.2.2 1 2 6 1 40 1563108000 1563108010 ACCEPT "
    "OK\n"
    "2 1 e 1.1.1.1 2.2.2.2 1 2 6 1 40 1563108000 1563108010 reject OK\n"
    "2 1 e 1.1.1.1 2.2.2.2 1 2 6 1 40 1563108000 1563108010 REJECTED OK\n"
    "2 1 e 1.1.1.1 2.2.2.2 1 2 6 1 40 1563108000 1563108010 REJECT OK\n"
    "2 1 e - - - - - - - 1563108250 1563108310 - NODATA\n"
    "REJECT\n"
    "2 1 e 1.1.1.1 2.2.2.2 1 2 6 1 40 1563108000 1563108010 REJECT SKIPDATA\n";

TEST_CASE("query prefilter: the same answer with the pattern as without",
          "[query]") {
  const std::vector<std::string> records = {
      std::string(testing::kSampleRecords), std::string(kEdgeRecords),
      std::string(testing::kSampleRecords) + kEdgeRecords};
  for (const char* q : {
           R"(filter action = "REJECT" | stats count(*) by srcAddr)",
           R"(filter action = "REJECT" and logStatus = "OK" | stats count(*))",
           R"(filter action = "REJECT" | fields srcAddr, bytes)",
           R"(filter "REJECT" = action | stats sum(bytes) by bin(5m))",
           R"(filter interfaceId like "REJ" | stats count(*))",
           R"(filter action like "REJ" | stats count(*) by action)",
           R"(filter logStatus = "NODATA" | fields @timestamp, action)",
           R"(filter action = "-" | stats count(*))",
           R"(filter @message like "REJECT" | stats count(*))",
           R"(filter srcaddr = "-" or action = "REJECT" | stats count(*))",
       }) {
    INFO(q);
    auto sink = QuerySink::Create(q);
    REQUIRE(sink.ok());
    for (const std::string& r : records) {
      INFO(r);
      const QueryResult plain = testing::Query(q, r);
      auto with = QuerySink::Create(q);
      REQUIRE(with.ok());
      PipelineOptions options;
      options.pattern = (*with)->prefilter();
      testing::RunOnText(with->get(), r, options);
      const QueryResult filtered = (*with)->Output();
      CHECK(filtered.columns == plain.columns);
      CHECK(filtered.rows == plain.rows);
    }
  }
  // Where a pattern applies, it is there.
  auto sink = QuerySink::Create(R"(filter action = "REJECT" | stats count(*))");
  REQUIRE(sink.ok());
  REQUIRE((*sink)->prefilter() != nullptr);
  CHECK((*sink)->prefilter()->text() == R"("REJECT")");
}

}  // namespace
}  // namespace flowmon
