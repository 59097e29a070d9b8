// The compiled record path of `filter ... | stats` (insights/record_stats)
// against the general evaluator: for many query shapes, over records with
// NODATA "-" values, non-numeric and zero-padded numbers, missing fields and
// other formats, on one thread and across workers, both give the same rows,
// and the rows of one worker; and a stats' rows written from its groups
// (QuerySink::Write) are its result's rows written, in every format.
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/insights/query.h"
#include "insights/query_test_util.h"
#include "insights/result_writer.h"

namespace flowmon {
namespace {

// Records beyond the samples: numbers as text where the format has ints,
// leading zeros ("0443" is 443), numeric-looking strings, times minutes,
// hours and days apart.
constexpr const char* kOddRecords =
    "2 1 e 10.0.0.9 10.0.1.25 0443 22 6 1 40 1563108000 1563108010 ACCEPT "
    "OK\n"
    "2 1 e 10.0.0.10 10.0.1.25 443 22 6 x abc 1563109000 1563109010 ACCEPT "
    "OK\n"
    "2 1 e 123 10.0.1.25 443 0 17 1 1e3 1563195000 1563195010 REJECT OK\n"
    "2 1 eni-REJECT 1.1.1.1 2.2.2.2 1 2 6 1 40 1563108000 1563108010 REJECT "
    "SKIPDATA\n"
    "2 1 e - - - - - - - 1563208250 1563208310 - NODATA\n"
    "2 1 e 10.0.0.9 10.0.1.25 80 22 6 3 -7 - - ACCEPT OK\n"
    "2 1 e 10.0.0.9 10.0.1.25 80 22 6 3 1.5 1563108000 1563108010 accept "
    "OK\n"
    // Text that is not ASCII, a port of 16 digits (not a key's digits).
    "2 1 e 10.0.0.9 h\xc3\xa9 80 1234567890123456 6 3 2 1563108000 "
    "1563108010 ACCEPT OK\n";

// Another format, by its header line: no bytes, no dstaddr.
constexpr const char* kHeaderRecords =
    "version srcaddr dstport packets start end action log-status\n"
    "2 10.0.0.9 22 1 1563108000 1563108010 REJECT OK\n"
    "2 10.0.0.9 0022 2 1563108000 1563108010 ACCEPT OK\n"
    "2 - - - 1563108250 1563108310 - NODATA\n";

constexpr OutputFormat kFormats[] = {OutputFormat::kText, OutputFormat::kCsv,
                                     OutputFormat::kTsv, OutputFormat::kJson,
                                     OutputFormat::kNdjson};

// What `write` writes to a file.
template <typename Write>
std::string Written(Write write) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  write(f);
  std::fflush(f);
  std::rewind(f);
  std::string text;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
    text.append(buf, n);
  std::fclose(f);
  return text;
}

// The sink's rows, and (when `written`) what QuerySink::Write writes in
// each of kFormats.
QueryResult Run(std::string_view query, std::string_view records, bool compile,
                const PipelineOptions& options, bool* compiled,
                std::vector<std::string>* written = nullptr) {
  auto sink = QuerySink::Create(query, compile);
  INFO(sink.status().message());
  REQUIRE(sink.ok());
  *compiled = (*sink)->compiled();
  testing::RunOnText(sink->get(), records, options);
  if (written != nullptr) {
    for (const OutputFormat f : kFormats) {
      written->push_back(
          Written([&](std::FILE* out) { (*sink)->Write(f, out); }));
    }
  }
  return (*sink)->Output();
}

// `r` written in each of kFormats as a QueryResult (no stats' groups).
std::vector<std::string> WrittenRows(const QueryResult& r) {
  std::vector<std::string> written;
  for (const OutputFormat f : kFormats) {
    written.push_back(Written([&](std::FILE* out) {
      insights::ResultRows rows(&r);
      insights::WriteResult(f, r.columns, r.time_columns, rows, out);
    }));
  }
  return written;
}

// The same result from both paths, over every record set and with one and
// with several workers; returns whether the query took the compiled path.
bool SameOnBothPaths(std::string_view query) {
  const std::vector<std::string> inputs = {
      std::string(testing::kSampleRecords),
      std::string(testing::kSampleRecords) + kOddRecords, kHeaderRecords};
  bool compiled = false;
  for (const std::string& records : inputs) {
    // One worker, no merges: what every run must give.
    bool one_compiled;
    const QueryResult one =
        Run(query, records, false, PipelineOptions(), &one_compiled);
    for (const unsigned threads : {1u, 2u}) {
      INFO(records << "threads " << threads);
      PipelineOptions options;
      options.threads = threads;
      options.span_bytes = 100;  // many rounds: workers' groups merge
      bool general_compiled;
      const QueryResult general =
          Run(query, records, false, options, &general_compiled);
      std::vector<std::string> written;
      const QueryResult fast =
          Run(query, records, true, options, &compiled, &written);
      CHECK_FALSE(general_compiled);
      CHECK(fast.columns == general.columns);
      CHECK(fast.time_columns == general.time_columns);
      CHECK(fast.rows == general.rows);
      // A stats' rows written from its groups are those of its result.
      CHECK(written == WrittenRows(general));
      // Workers keep their groups from round to round: the merged rows
      // are those of one worker.
      CHECK(general.rows == one.rows);
    }
  }
  return compiled;
}

TEST_CASE("query compiled stats: the rows of the general evaluator",
          "[query]") {
  for (const char* q : {
           // by 0, 1, 2 and 3 fields; bin of several units
           "stats count(*)",
           "stats count(*) by srcAddr",
           "stats sum(bytes) by srcAddr, dstAddr",
           "stats count(*) by action, protocol, bin(5m)",
           "stats count(*) by bin(1h), bin(1d)",
           "stats count() by bin(1mon)",
           "stats count(*) by @timestamp",
           // the aggregates over int fields, "-" and non-numbers among them
           "stats count(*), count(bytes), sum(bytes), avg(bytes), "
           "min(bytes), max(bytes) by dstPort",
           "stats stddev(bytes), pct(bytes, 50), count_distinct(dstPort), "
           "count(srcPort) by srcAddr",
           "stats min(packets), max(packets), sum(packets) by bin(5m)",
           // over string fields, and ints as keys (0443 is 443)
           "stats min(srcAddr), max(action), sum(srcAddr), avg(action), "
           "count(action) by logStatus",
           "stats sortsFirst(srcAddr), sortsLast(dstPort), "
           "count_distinct(srcAddr) by srcPort",
           "stats max(@timestamp), min(@timestamp) by srcAddr",
           "stats count(*) by @message",
           "stats count(*), sum(bytes) by nosuchField, dstAddr",
           // filters: =, != and orders with strings and numbers, either side
           R"(filter action = "REJECT" | stats count(*) by bin(5m))",
           R"(filter "REJECT" = action | stats sum(bytes) by srcAddr)",
           R"(filter action != "ACCEPT" | stats count(*) by interfaceId)",
           R"(filter dstPort = 22 or dstPort = "443" | stats count(*))",
           R"(filter srcPort = "0443" | stats count(*) by srcPort)",
           R"(filter bytes > 40 and bytes <= "4000" | stats sum(bytes))",
           R"(filter 100 < bytes | stats count(*) by dstAddr)",
           R"(filter srcAddr > "10.0.0.9" | stats count(*) by srcAddr)",
           R"(filter srcAddr >= 100 | stats count(*) by srcAddr)",
           R"(filter action < "REJECT" | stats count(*) by action)",
           R"(filter srcAddr = "123" | stats count(*) by srcAddr)",
           R"(filter srcAddr = 123 | stats count(*) by srcAddr)",
           // like, not, nulls
           R"(filter not srcAddr like "10." | stats count(*) by srcAddr)",
           R"(filter srcAddr not like "10." | stats count(*) by srcAddr)",
           R"(filter bytes like "4" | stats count(*) by bytes)",
           R"(filter @message like "REJECT" | stats count(*) by action)",
           R"(filter srcAddr = "-" | stats count(*) by logStatus)",
           R"(filter srcAddr != "-" | stats count(*) by logStatus)",
           R"(filter bytes != 40 | stats count(*) by logStatus)",
           R"(filter logStatus = "NODATA" | stats count(*) by bin(1h))",
           R"(filter nosuchField != "x" | stats count(*))",
           R"(filter action = "REJECT" | filter dstPort < 1024 )"
           "| stats count(*) by dstPort",
           // the stages after the stats
           "stats count(*) as n by srcAddr as s | sort n desc | limit 3",
           "stats sum(bytes) / count(*) as mean by srcAddr | filter mean > 1",
           "stats count(*) as n by srcAddr, dstAddr | stats sum(n) by srcAddr",
       }) {
    INFO(q);
    CHECK(SameOnBothPaths(q));
  }
}

TEST_CASE("query stats: many groups sorted and written on two threads",
          "[query]") {
  // More rows than the writer's two blocks, so that a second thread
  // formats every other block (result_writer.cc), and more groups than
  // StatsGroups::Widths and the sort take on one thread.
  std::string records;
  for (int i = 0; i < 70000; ++i) {
    records += fmt::format(
        "2 1 e 10.{}.{}.{} 10.0.0.{} 80 22 6 {} {} 1563108000 1563108010 "
        "ACCEPT OK\n",
        i / 65536, i / 256 % 256, i % 256, i % 7, i % 5, i * 13 % 1000);
  }
  PipelineOptions options;
  options.threads = 2;
  options.span_bytes = 1 << 16;
  for (const char* q : {"stats sum(bytes), count(*) by srcAddr, dstAddr",
                        "stats avg(bytes) by srcAddr | sort srcAddr desc"}) {
    INFO(q);
    bool compiled;
    std::vector<std::string> written;
    const QueryResult r = Run(q, records, true, options, &compiled, &written);
    CHECK(r.rows.size() == 70000);
    CHECK(written == WrittenRows(r));
  }
}

TEST_CASE("query compiled stats: what stays on the general path", "[query]") {
  for (const char* q : {
           "stats earliest(srcAddr) by dstAddr",
           "stats latest(bytes)",
           "stats sum(bytes * 2) by srcAddr",
           "stats count(*) by tolower(action)",
           "stats count(*) by datefloor(@timestamp, 1h)",
           R"(fields bytes * 2 as b | stats sum(b) by srcAddr)",
           R"(parse @message "* *" as a, rest | stats count(*) by a)",
           R"(filter action in ["REJECT"] | stats count(*))",
           R"(filter action like /REJ/ | stats count(*))",
           R"(filter isPresent(bytes) | stats count(*))",
           R"(filter bytes + 1 > 41 | stats count(*))",
           "fields srcAddr, bytes",
       }) {
    INFO(q);
    CHECK_FALSE(SameOnBothPaths(q));
  }
}

TEST_CASE("query compiled stats: lines of any text", "[query]") {
  PipelineOptions options;
  options.schema = Schema::Raw();
  const char* lines = "a b\nREJECT c\n\nREJECT c\n";
  for (const char* q : {
           "stats count(*) by @message",
           R"(filter @message like "REJECT" | stats count(*) by srcAddr)",
           "stats count(*) by bin(5m)",
       }) {
    INFO(q);
    bool compiled, general_compiled;
    const QueryResult general =
        Run(q, lines, false, options, &general_compiled);
    const QueryResult fast = Run(q, lines, true, options, &compiled);
    CHECK(compiled);
    CHECK(fast.rows == general.rows);
  }
}

}  // namespace
}  // namespace flowmon
