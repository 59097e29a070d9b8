// CloudWatch Logs Insights queries, run locally over flow-log records:
// fields, filter, parse, stats (two at most), sort, limit, dedup, display
// and AWS's functions (docs/query.md). What it does not support is a caret
// error, never a different answer.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "flowmon/core/status.h"
#include "flowmon/pattern/pattern.h"
#include "flowmon/pipeline/sink.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {

// A query value: null, a number or a string.
using QueryValue = std::variant<std::monostate, double, std::string>;

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<QueryValue>> rows;
  // Columns holding Insights timestamps (ms), written "yyyy-MM-dd
  // HH:mm:ss.SSS": @timestamp, bin(), datefloor(), fromMillis(), and min,
  // max, earliest, ... of a time.
  std::vector<bool> time_columns;
};

class QueryPlan;
namespace insights {
class RecordStats;
}

// Parses and runs a query as a RecordSink. Errors in the query text are
// caret errors, laid out as filter-pattern errors (FormatCaretError):
// "query:1:1: unsupported command 'stast' ...", the query's line, and a '^'
// under the column.
class QuerySink : public RecordSink {
 public:
  // `compile`: run a `filter ... | stats` whose parts allow it on the
  // compiled record path (the fields read straight from the split record);
  // false runs every query on the general evaluator, which gives the same
  // rows (tests compare the two).
  static Result<std::unique_ptr<QuerySink>> Create(std::string_view text,
                                                   bool compile = true);
  ~QuerySink() override;

  std::unique_ptr<RecordSink> NewWorker() const override;
  bool OnRecord(const Record& rec, const RecordContext& ctx) override;
  void Absorb(RecordSink& worker) override;
  // The rows after every input was read (sorted, limited, displayed).
  QueryResult Output() const;
  // Writes Output()'s rows in `format` to `out` (docs/query.md#output), a
  // part at a time, and returns how many rows there were. A stats' rows
  // are written from its groups, not made into a QueryResult first.
  size_t Write(OutputFormat format, std::FILE* out) const;
  // A pattern every record the query keeps matches (the text its first
  // filters require), or nullptr. Set as PipelineOptions::pattern, the
  // scan skips the other lines before tokenizing them; the answer is the
  // same without it. Lifetime: the sink's.
  const CompiledPattern* prefilter() const { return prefilter_.get(); }
  // Whether the records go the compiled path.
  bool compiled() const { return compiled_ != nullptr; }

 private:
  QuerySink() = default;
  std::shared_ptr<const QueryPlan> plan_;
  std::shared_ptr<const CompiledPattern> prefilter_;
  std::shared_ptr<const insights::RecordStats> compiled_;
  struct State;
  std::unique_ptr<State> state_;
};

// "2019-07-14 12:43:08.000", how Insights writes @timestamp and bin().
std::string InsightsTime(int64_t ms);

// Appends number `d` as a query writes it (fmt's "{}"): whole numbers below
// 1e15 as their digits, without fmt's float formatting, which a row per
// group makes much of a query's time.
void AppendInsightsNumber(double d, std::string* out);

}  // namespace flowmon
