// The groups of a stats command and the state of its aggregate functions:
// fed event by event (or row by row, for a second stats), merged across
// workers, and turned into the stats' rows.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "flowmon/core/key_table.h"
#include "flowmon/insights/query.h"
#include "insights/ast.h"
#include "insights/evaluator.h"
#include "insights/result_writer.h"

namespace flowmon::insights {

// One aggregate function over the events of one group.
struct AggregateState {
  double count = 0;
  double sum = 0;
  // What the aggregates other than count, sum and avg keep, made for them
  // only (once per group): the state of those stays small (24 bytes) in
  // the groups' array, which the events of all groups hit in turn.
  struct Collected {
    QueryValue best;       // min, max, sortsFirst/Last, earliest/latest
    double best_time = 0;  // earliest, latest: the event's @timestamp
    std::set<std::string> distinct;
    std::vector<double> values;  // pct
    double mean = 0, m2 = 0;     // stddev, by Welford's method
  };
  std::unique_ptr<Collected> collected;
  Collected& collect() {
    if (!collected) collected = std::make_unique<Collected>();
    return *collected;
  }
  // Welford's update of stddev's mean and squares with `d`, counted in
  // `count` already.
  void AddSquare(double d) {
    Collected& c = collect();
    const double delta = d - c.mean;
    c.mean += delta / count;
    c.m2 += delta * (d - c.mean);
  }
};

// Adds the value `v` of aggregate `a`'s argument (ignored for count(*)) of
// one event to `s`; `time` is the event's @timestamp when `has_time`, for
// earliest and latest.
void AddAggregateValue(const AggregateCall& a, QueryValue v, double time,
                       bool has_time, AggregateState* s);

// How a group's `by` value comes back from its part of the group's key
// text (GroupOf's: each value's text and '\x1f'): most values are their
// text, so a group keeps one byte per value instead of the value.
enum class KeyKind : uint8_t {
  kNull,    // null (the part is "\x1e")
  kDigits,  // the number the part's digits write (IsKeyDigits)
  kText,    // the part's text
  kValues,  // none of these: the group keeps its values (rare)
};

// Whether `text` is the digits AppendInsightsNumber writes for a whole
// number: at most 15 digits, no leading zero. Its number is then exact.
bool IsKeyDigits(std::string_view text);
// The number of digits that IsKeyDigits accepts.
double KeyDigitsValue(std::string_view digits);

// Lifetime: keeps a pointer to `stats`, which must outlive it.
class StatsGroups {
 public:
  StatsGroups(const Stats* stats, int timestamp_slot);

  // Adds the event (or row) that `scope` shows to its group.
  void Add(Scope& scope);
  // For the compiled record path (record_stats.h), which builds the same
  // key text as GroupOf: the states of the group of `key`. When the group
  // is new, *inserted is true and the caller gives its by values with
  // SetKeyKinds or SetKeyValues before the next call.
  AggregateState* GroupStates(std::string_view key, bool* inserted) {
    const uint32_t g = index_.Insert(key, inserted);
    if (*inserted) states_.resize(states_.size() + stats_->aggregates.size());
    Touch(g, *inserted);
    return StatesOf(g);
  }
  // The new group's by values, one KeyKind per value (none kValues);
  // part_ends[i]: where value i's text ends in the key.
  void SetKeyKinds(const KeyKind* kinds, const size_t* part_ends) {
    kinds_.insert(kinds_.end(), kinds, kinds + stats_->by.size());
    for (size_t i = 0, begin = 0; i < stats_->by.size(); ++i) {
      if (kinds[i] != KeyKind::kNull)
        by_widths_[i] = std::max(by_widths_[i], part_ends[i] - begin);
      begin = part_ends[i] + 1;
    }
  }
  // The new group's by values, as they are.
  void SetKeyValues(std::vector<QueryValue> values);
  // Moves `other`'s groups in; `other` holds what came later in the input.
  // `other` is absorbed into this table only, and this table into none.
  void Absorb(StatsGroups& other);

  size_t size() const { return index_.size(); }
  // The group numbers in the order of their keys' text, the rows' order,
  // sorted on up to `threads` threads.
  std::vector<uint32_t> Order(unsigned threads) const;
  // Asks the memory of group g's row to come into the cache: stage 0 its
  // arrays' entries, stage 1 (after stage 0 had time) its key's bytes.
  // Rows read in key order go all over memory; asked for ahead, they come
  // in parallel instead of one at a time.
  void Prefetch(uint32_t g, int stage) const;
  // Group g's row: the `by` values, then the items, into cells[0, by +
  // items). The views stay valid until the next call with `scratch`.
  // Thread-safe: calls with different scratches may run at once.
  void RowOf(uint32_t g, CellView* cells, RowScratch* scratch) const;
  // One row per group, in the order of their keys: the `by` values, then
  // the items.
  std::vector<std::vector<QueryValue>> Rows() const;
  // Raises widths[i] to the width (TextWidth) of column i's widest cell
  // over all rows, as the text table needs; false (nothing done) when a
  // `by` column holds times, which the groups do not keep widths for. On
  // up to `threads` threads.
  bool Widths(const std::vector<bool>& time_columns, size_t* widths,
              unsigned threads) const;

 private:
  // The number of the group of the keys the scope shows, made when new.
  uint32_t GroupOf(Scope& scope);
  // Notes that group g has events since the last Absorb into another.
  void Touch(uint32_t g, bool inserted) {
    if (inserted) touched_.push_back(0);
    if (touched_[g] == 0) {
      touched_[g] = 1;
      touched_list_.push_back(g);
    }
  }
  // Group g's states: aggregates().size() of them from states_[g * n].
  AggregateState* StatesOf(uint32_t g) {
    return states_.data() + g * stats_->aggregates.size();
  }

  const Stats* stats_;
  int timestamp_slot_;
  // Whether every item is one of the aggregates as it is.
  bool items_are_aggregates_;
  // The groups, numbered by the keys' text (a null key and an empty one
  // differ); rows come in the order of the texts. Flat arrays indexed by
  // group number hold how to read the by values back from the text and
  // the aggregates' states.
  KeyTable index_;
  std::vector<KeyKind> kinds_;          // by.size() per group
  std::vector<AggregateState> states_;  // aggregates.size() per group
  // The by values of the groups whose kinds are kValues.
  std::unordered_map<uint32_t, std::vector<QueryValue>> values_;
  std::string key_text_;                // scratch
  std::vector<KeyKind> kinds_scratch_;  // scratch
  std::vector<size_t> ends_scratch_;    // scratch
  // Per by value: the widest one's TextWidth (not a time's) of all groups.
  std::vector<size_t> by_widths_;
  // The groups with events since the last Absorb of this one into
  // another, in the order of their first: a worker keeps its groups across
  // the pipeline's rounds (up to kKeepGroups of them), so that a group is
  // not made anew, keys copied and all, in each round.
  static constexpr size_t kKeepGroups = size_t{1} << 16;
  std::vector<uint8_t> touched_;  // per group
  std::vector<uint32_t> touched_list_;
  // Per group: its number in the table this one is absorbed into, once it
  // was given there.
  static constexpr uint32_t kNotAbsorbed = UINT32_MAX;
  std::vector<uint32_t> absorbed_as_;
};

}  // namespace flowmon::insights
