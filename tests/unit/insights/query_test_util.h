// Running an Insights query in the unit tests, and reading its result.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/insights/query.h"
#include "test_util.h"

namespace flowmon::testing {

// The result of `text` over `records` (the five sample records unless
// given).
inline QueryResult Query(std::string_view text,
                         std::string_view records = kSampleRecords,
                         const PipelineOptions& options = {}) {
  auto sink = QuerySink::Create(text);
  INFO(sink.status().message());
  REQUIRE(sink.ok());
  RunOnText(sink->get(), records, options);
  return (*sink)->Output();
}

// Over lines of any text (--format raw): only @message is known.
inline QueryResult QueryRaw(std::string_view text, std::string_view lines) {
  PipelineOptions options;
  options.schema = Schema::Raw();
  return Query(text, lines, options);
}

// The error of a query that does not parse.
inline std::string QueryError(std::string_view text) {
  auto sink = QuerySink::Create(text);
  REQUIRE_FALSE(sink.ok());
  return sink.status().message();
}

// A value as text: numbers as fmt writes them, "null" for null.
inline std::string Text(const QueryValue& v) {
  if (const double* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  return "null";
}

// The column `name` of every row, as Text().
inline std::vector<std::string> Column(const QueryResult& r,
                                       std::string_view name) {
  size_t i = 0;
  while (i < r.columns.size() && r.columns[i] != name) ++i;
  INFO(name);
  REQUIRE(i < r.columns.size());
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(Text(row[i]));
  return out;
}

}  // namespace flowmon::testing
