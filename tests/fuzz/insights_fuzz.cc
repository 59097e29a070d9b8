// CloudWatch Logs Insights queries: the bytes up to the first NUL are a
// query, the rest log lines (five v2 records when there is no NUL). A query
// that parses runs over the lines, single-threaded and split across two
// threads (the same rows either way), and its rows are formatted.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "flowmon/ingest/memory_source.h"
#include "flowmon/insights/query.h"
#include "fuzz_util.h"

namespace flowmon::fuzz {
namespace {

constexpr std::string_view kRecords =
    "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 "
    "336 1432917027 1432917142 ACCEPT OK\n"
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 "
    "336 1432917094 1432917142 REJECT OK\n"
    "2 123456789010 eni-1235b8ca123456789 198.51.100.7 172.31.16.21 49761 22 "
    "6 20 4249 1418530010 1418530070 REJECT OK\n"
    "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 "
    "- NODATA\n"
    "2 123456789010 eni-1235b8ca123456789 198.51.100.7 172.31.16.21 3389 3389 "
    "6 20 4249 1418530010 1418530070 REJECT OK\n";

std::string Rows(const QueryResult& r) {
  std::string out;
  for (const std::string& c : r.columns) out += c + "\t";
  for (const auto& row : r.rows) {
    out += "\n";
    for (size_t i = 0; i < row.size(); ++i) {
      const QueryValue& v = row[i];
      if (const double* d = std::get_if<double>(&v)) {
        if (i < r.time_columns.size() && r.time_columns[i])
          out += InsightsTime(static_cast<int64_t>(*d));
        else
          out += std::to_string(*d);
      } else if (const std::string* s = std::get_if<std::string>(&v)) {
        out += *s;
      }
      out += "\t";
    }
  }
  return out;
}

Result<std::string> Run(std::string_view query, const std::string& lines,
                        unsigned threads) {
  Result<std::unique_ptr<QuerySink>> sink = QuerySink::Create(query);
  if (!sink.ok()) return sink.status();
  PipelineOptions options;
  options.threads = threads;
  options.span_bytes = 512;
  RunOn(NewWholeMemorySource("q", lines), options, sink->get());
  if (!(*sink)->Finish().ok()) return std::string();
  return Rows((*sink)->Output());
}

}  // namespace
}  // namespace flowmon::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace flowmon;
  using namespace flowmon::fuzz;
  const TwoParts input = SplitAt(bytes, size, '\0', kRecords);
  const std::string_view query = input.head;
  const std::string& lines = input.rest;
  const Result<std::string> one = Run(query, lines, 1);
  if (!one.ok()) return 0;
  const Result<std::string> two = Run(query, lines, 2);
  if (!two.ok()) std::abort();  // the query parsed once
  (void)two.value();
  return 0;
}
