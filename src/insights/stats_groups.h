// The groups of a stats command and the state of its aggregate functions:
// fed event by event (or row by row, for a second stats), merged across
// workers, and turned into the stats' rows.
#pragma once

#include <cstdint>
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "flowmon/insights/query.h"
#include "insights/ast.h"
#include "insights/evaluator.h"

namespace flowmon::insights {

// One aggregate function over the events of one group.
struct AggregateState {
  double count = 0;
  double sum = 0;
  double mean = 0, m2 = 0;  // stddev, by Welford's method
  QueryValue best;          // min, max, sortsFirst/Last, earliest/latest
  double best_time = 0;     // earliest, latest: the event's @timestamp
  std::set<std::string> distinct;
  std::vector<double> values;  // pct
};

// Lifetime: keeps a pointer to `stats`, which must outlive it.
class StatsGroups {
 public:
  StatsGroups(const Stats* stats, int timestamp_slot)
      : stats_(stats), timestamp_slot_(timestamp_slot) {}

  // Adds the event (or row) that `scope` shows to its group.
  void Add(Scope& scope);
  // Moves `other`'s groups in; `other` holds what came later in the input.
  void Absorb(StatsGroups& other);
  // One row per group, in the order of their keys: the `by` values, then
  // the items.
  std::vector<std::vector<QueryValue>> Rows() const;

 private:
  struct Group {
    std::vector<QueryValue> keys;
    std::vector<AggregateState> states;
  };

  // Hashes a key's text as a view, so that finding one copies nothing.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };

  // The group of the keys in key_text_, made when it is new.
  Group& GroupOf(Scope& scope);

  const Stats* stats_;
  int timestamp_slot_;
  // groups_[index_.at(text)] by the keys' text (a null key and an empty one
  // differ); rows come in the order of the texts.
  std::unordered_map<std::string, size_t, KeyHash, std::equal_to<>> index_;
  std::vector<std::string_view> texts_;  // of each group, into index_
  std::vector<Group> groups_;
  std::string key_text_;  // scratch
};

}  // namespace flowmon::insights
