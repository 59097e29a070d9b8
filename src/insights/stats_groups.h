// The groups of a stats command and the state of its aggregate functions:
// fed event by event (or row by row, for a second stats), merged across
// workers, and turned into the stats' rows.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
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

  const Stats* stats_;
  int timestamp_slot_;
  // By the keys' text; a null key and an empty one differ.
  std::map<std::string, Group> groups_;
  std::string key_text_;                // scratch
  std::vector<QueryValue> key_values_;  // scratch
};

}  // namespace flowmon::insights
