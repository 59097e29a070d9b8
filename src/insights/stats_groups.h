// The groups of a stats command and the state of its aggregate functions:
// fed event by event (or row by row, for a second stats), merged across
// workers, and turned into the stats' rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flowmon/core/key_table.h"
#include "flowmon/insights/query.h"
#include "insights/ast.h"
#include "insights/evaluator.h"

namespace flowmon::insights {

// One aggregate function over the events of one group.
struct AggregateState {
  double count = 0;
  double sum = 0;
  double mean = 0, m2 = 0;  // stddev, by Welford's method
  // What the aggregates other than count, sum, avg and stddev keep, made
  // for them only (once per group): the state of those stays small in the
  // groups' array, which the events of all groups hit in turn.
  struct Collected {
    QueryValue best;       // min, max, sortsFirst/Last, earliest/latest
    double best_time = 0;  // earliest, latest: the event's @timestamp
    std::set<std::string> distinct;
    std::vector<double> values;  // pct
  };
  std::unique_ptr<Collected> collected;
  Collected& collect() {
    if (!collected) collected = std::make_unique<Collected>();
    return *collected;
  }
};

// Adds the value `v` of aggregate `a`'s argument (ignored for count(*)) of
// one event to `s`; `time` is the event's @timestamp when `has_time`, for
// earliest and latest.
void AddAggregateValue(const AggregateCall& a, QueryValue v, double time,
                       bool has_time, AggregateState* s);

// Lifetime: keeps a pointer to `stats`, which must outlive it.
class StatsGroups {
 public:
  StatsGroups(const Stats* stats, int timestamp_slot)
      : stats_(stats), timestamp_slot_(timestamp_slot) {}

  // Adds the event (or row) that `scope` shows to its group.
  void Add(Scope& scope);
  // For the compiled record path (record_stats.h), which builds the same
  // key text as GroupOf: the states of the group of `key`. When the group
  // is new, *inserted is true and the caller appends its by values with
  // PushKey before the next call.
  AggregateState* GroupStates(std::string_view key, bool* inserted) {
    const uint32_t g = index_.Insert(key, inserted);
    if (*inserted) states_.resize(states_.size() + stats_->aggregates.size());
    Touch(g, *inserted);
    return StatesOf(g);
  }
  void PushKey(QueryValue v) { keys_.push_back(std::move(v)); }
  // Moves `other`'s groups in; `other` holds what came later in the input.
  void Absorb(StatsGroups& other);
  // One row per group, in the order of their keys: the `by` values, then
  // the items.
  std::vector<std::vector<QueryValue>> Rows() const;

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
  // The groups, numbered by the keys' text (a null key and an empty one
  // differ); rows come in the order of the texts. Flat arrays indexed by
  // group number hold the key values and the aggregates' states.
  KeyTable index_;
  std::vector<QueryValue> keys_;        // by.size() per group
  std::vector<AggregateState> states_;  // aggregates.size() per group
  std::string key_text_;                // scratch
  // The groups with events since the last Absorb of this one into
  // another, in the order of their first: a worker keeps its groups across
  // the pipeline's rounds (up to kKeepGroups of them), so that a group is
  // not made anew, keys copied and all, in each round.
  static constexpr size_t kKeepGroups = size_t{1} << 16;
  std::vector<uint8_t> touched_;  // per group
  std::vector<uint32_t> touched_list_;
};

}  // namespace flowmon::insights
