// The per-record paths of a query (views, the groups' key table, the
// newest events kept for a limit) against a plain model of the same
// queries, and one worker against several with small spans (Absorb), on
// the same generated records.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "catch.h"
#include "query_test_util.h"

namespace flowmon::testing {
namespace {

struct FlowRecord {
  std::string src, action, bytes;
  int64_t start;
};

// v2 records: few addresses (and "-" for NODATA), bytes that are numbers,
// "-" or numbers with leading zeros, starts over half an hour with ties.
std::vector<FlowRecord> Generate(uint32_t seed, size_t n) {
  std::mt19937 rng(seed);
  auto pick = [&](int k) { return static_cast<int>(rng() % k); };
  std::vector<FlowRecord> out;
  for (size_t i = 0; i < n; ++i) {
    FlowRecord r;
    const int a = pick(40);
    r.src = a == 0 ? "-" : fmt::format("10.0.{}.{}", a % 3, a * 7 % 256);
    r.action = pick(3) == 0 ? "REJECT" : "ACCEPT";
    const int b = pick(20);
    r.bytes = b == 0   ? "-"
              : b == 1 ? fmt::format("0{}", pick(1000))
                       : std::to_string(pick(100000));
    r.start = 1700000000 + pick(1800);
    out.push_back(r);
  }
  return out;
}

std::string LogText(const std::vector<FlowRecord>& records) {
  std::string out;
  for (const FlowRecord& r : records) {
    out += fmt::format(
        "2 123456789010 eni-1 {} 10.1.0.1 443 {} 6 1 {} {} {} {} OK\n", r.src,
        1024 + r.start % 7, r.bytes, r.start, r.start + 60, r.action);
  }
  return out;
}

// The result as lines of text, to compare and to show.
std::vector<std::string> Lines(const QueryResult& r) {
  std::vector<std::string> out{fmt::format("{}", fmt::join(r.columns, " "))};
  for (const auto& row : r.rows) {
    std::string line;
    for (const QueryValue& v : row) line += Text(v) + " ";
    out.push_back(line);
  }
  return out;
}

PipelineOptions Workers() {
  PipelineOptions o;
  o.threads = 3;
  o.span_bytes = 2000;  // many rounds, each absorbed
  return o;
}

struct Model {
  double count = 0, n = 0, sum = 0;
  std::vector<double> values;
};

}  // namespace

TEST_CASE("query paths: stats by a key against a plain model") {
  const std::vector<FlowRecord> records = Generate(7, 3000);
  const std::string text = LogText(records);
  // filter action="REJECT" | stats count(*), sum, avg, min, max by srcAddr
  std::map<std::string, Model> model;
  for (const FlowRecord& r : records) {
    if (r.action != "REJECT") continue;
    Model& m = model[r.src];
    ++m.count;
    if (r.bytes == "-") continue;
    const double b = std::stod(r.bytes);
    ++m.n;
    m.sum += b;
    m.values.push_back(b);
  }
  std::vector<std::string> want{
      "srcAddr count(*) sum(bytes) avg(bytes) min(bytes) max(bytes)"};
  for (const auto& [src, m] : model) {
    // "-" sorts before the digits, as the query's key order does.
    want.push_back(fmt::format(
        "{} {} {} {} {} {} ", src, m.count,
        m.n ? fmt::format("{}", m.sum) : "null",
        m.n ? fmt::format("{}", m.sum / m.n) : "null",
        m.n ? fmt::format("{}",
                          *std::min_element(m.values.begin(), m.values.end()))
            : "null",
        m.n ? fmt::format("{}",
                          *std::max_element(m.values.begin(), m.values.end()))
            : "null"));
  }
  const char* q =
      "filter action=\"REJECT\" | stats count(*), sum(bytes), avg(bytes), "
      "min(bytes), max(bytes) by srcAddr";
  CHECK(Lines(Query(q, text)) == want);
  CHECK(Lines(Query(q, text, Workers())) == want);
}

TEST_CASE("query paths: bin() groups against a plain model") {
  const std::vector<FlowRecord> records = Generate(11, 2000);
  const std::string text = LogText(records);
  std::map<int64_t, double> model;
  for (const FlowRecord& r : records) {
    if (r.action != "ACCEPT") model[r.start / 300 * 300] += 1;
  }
  std::vector<std::string> want{"bin(5m) count(*)"};
  for (const auto& [t, n] : model)
    want.push_back(fmt::format("{} {} ", static_cast<double>(t * 1000), n));
  const char* q = "filter action != \"ACCEPT\" | stats count(*) by bin(5m)";
  CHECK(Lines(Query(q, text)) == want);
  CHECK(Lines(Query(q, text, Workers())) == want);
}

TEST_CASE("query paths: one worker and several give the same answers") {
  const std::string text = LogText(Generate(3, 2500));
  for (const char* q : {
           "stats count(*) by srcAddr, action",
           "stats sum(bytes) by srcAddr, dstAddr",
           "filter srcAddr > \"10.0.1\" and action = \"ACCEPT\" | stats "
           "pct(bytes, 90), count_distinct(srcAddr) by bin(10m)",
           "filter bytes > 500 | stats avg(bytes) as a by srcAddr | sort a "
           "desc | limit 7",
           "fields srcAddr, bytes | filter action in [\"REJECT\"] | limit 15",
           "fields @timestamp, srcAddr | limit 30",
           "fields srcAddr, bytes | sort bytes desc | limit 12",
           "fields srcAddr, bytes | dedup srcAddr | limit 9",
           "fields srcAddr | limit 5000",
       }) {
    INFO(q);
    const std::vector<std::string> one = Lines(Query(q, text));
    CHECK(one.size() > 1);
    CHECK(Lines(Query(q, text, Workers())) == one);
  }
}

TEST_CASE("query paths: a limit of the newest events against a plain model") {
  const std::vector<FlowRecord> records = Generate(5, 9000);
  // Newest first, ties in the input's order; more records than the pruning
  // keeps at a time.
  std::vector<size_t> order(records.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return records[a].start > records[b].start;
  });
  std::vector<std::string> want{"srcAddr bytes"};
  for (size_t i = 0; i < 25; ++i) {
    const FlowRecord& r = records[order[i]];
    double b;
    const bool number = r.bytes != "-";
    if (number) b = std::stod(r.bytes);
    want.push_back(
        fmt::format("{} {} ", r.src, number ? fmt::format("{}", b) : "null"));
  }
  const char* q = "fields srcAddr, bytes | limit 25";
  CHECK(Lines(Query(q, LogText(records))) == want);
  CHECK(Lines(Query(q, LogText(records), Workers())) == want);
}

}  // namespace flowmon::testing
