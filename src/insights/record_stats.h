// The record path of `filter ... | stats ... by ...` compiled once: the
// filters, group keys and aggregates read their fields straight from the
// split record, as top and metric do, with no Scope, no QueryValue and no
// allocation per record (a new group's keys aside). It feeds the same
// StatsGroups as the general evaluator, building the same key text and
// the same aggregate states, so the rows are the same; queries it cannot
// take (fields, parse, other expressions) run on the general path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/record.h"
#include "flowmon/pipeline/sink.h"
#include "insights/ast.h"
#include "insights/period.h"
#include "insights/result_writer.h"
#include "insights/stats_groups.h"

namespace flowmon::insights {

class RecordStats {
 public:
  // The compiled form of `plan`'s record phase and first stats, or nullptr
  // when some part of them is not one this path takes. Lifetime: keeps
  // pointers into `plan`, which must outlive it.
  static std::unique_ptr<const RecordStats> Compile(const QueryPlan& plan);

  // A name's value in one record, as RecordScope gives it: null, a number,
  // or text (a view of the record).
  using Value = CellView;

  // What one worker keeps between records: the columns of the current
  // format and the key being built.
  struct Scratch {
    struct Column {
      int index = -1;  // in the record, or -1
      bool is_int = false;
    };
    uint64_t schema_id = UINT64_MAX;
    std::vector<Column> columns;  // per field
    std::string key;
    // Per key: the last bin() start and its text. Records come about in
    // time order, so most of them fall in the last one's bin.
    std::vector<double> last_bin;
    std::vector<std::string> last_bin_text;
    // The current record's key values and where each one's text ends in
    // `key`, and a new group's KeyKinds.
    std::vector<Value> key_values;
    std::vector<size_t> part_ends;
    std::vector<KeyKind> kinds;
  };

  // Runs the filters on `rec` and, when they keep it, adds it to its group
  // of `groups` (made for the plan's first stats).
  void Add(const Record& rec, const RecordContext& ctx, Scratch* scratch,
           StatsGroups* groups) const;

 private:
  // Where a name's value comes from.
  struct Field {
    enum Source : uint8_t { kNone, kTimestamp, kMessage, kColumn } source;
    std::string_view flow;  // kColumn: the flow-log field
  };
  // A filter's expression: a tree of and, or, not over comparisons of a
  // field with a literal and `like "text"`.
  struct Test {
    enum Kind : uint8_t { kAnd, kOr, kNot, kCompare, kLike } kind;
    int a = -1, b = -1;  // operands (tests_ indexes)
    int field = -1;
    BinaryOp op = BinaryOp::kEq;
    bool literal_left = false;  // "REJECT" = action
    bool literal_number = false;
    double number = 0;      // the literal's number, when it has one
    std::string_view text;  // a string literal; like's text
    bool negated = false;   // not like
  };
  struct Key {
    int field;
    const Period* bin;  // bin(period) of @timestamp, or nullptr
  };
  struct Aggregate {
    const AggregateCall* call;
    int field;  // -1: count(*)
  };

  int FieldOf(const QueryPlan& plan, int slot);
  int CompileTest(const QueryPlan& plan, const Expr& e);
  // Inlined: it runs for every key and aggregate of every record.
  [[gnu::always_inline]] inline Value Read(int field, const Record& rec,
                                           const RecordContext& ctx,
                                           const Scratch& scratch) const;
  // Gives the group just made for scratch->key its by values.
  void SetKeys(Scratch* scratch, StatsGroups* groups) const;
  bool Passes(int test, const Record& rec, const RecordContext& ctx,
              const Scratch& scratch) const;

  std::vector<Field> fields_;
  std::vector<int> field_of_slot_;
  std::vector<Test> tests_;
  std::vector<int> filters_;  // the root test of each filter
  std::vector<Key> keys_;
  std::vector<Aggregate> aggregates_;
};

}  // namespace flowmon::insights
