#include "insights/stats_groups.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <utility>
#include <variant>

#include "flowmon/core/percentile.h"
#include "insights/values.h"

namespace flowmon::insights {
namespace {

bool IsNull(const QueryValue& v) {
  return std::holds_alternative<std::monostate>(v);
}

// Whether `candidate` replaces `best` for min/max and sortsFirst/Last.
bool Better(AggregateFn fn, const QueryValue& candidate,
            const QueryValue& best) {
  if (IsNull(best)) return true;
  const int c = CompareValues(candidate, best);
  return fn == AggregateFn::kMin || fn == AggregateFn::kSortsFirst ? c < 0
                                                                   : c > 0;
}

}  // namespace

void AddAggregateValue(const AggregateCall& a, QueryValue v, double time,
                       bool has_time, AggregateState* s) {
  if (!a.arg) {  // count(*)
    ++s->count;
    return;
  }
  if (IsNull(v)) return;
  switch (a.fn) {
    case AggregateFn::kCount:
      ++s->count;
      return;
    case AggregateFn::kCountDistinct:
      s->collect().distinct.insert(AsString(v));
      return;
    case AggregateFn::kSortsFirst:
    case AggregateFn::kSortsLast:
      if (Better(a.fn, v, s->collect().best)) s->collected->best = std::move(v);
      return;
    case AggregateFn::kEarliest:
    case AggregateFn::kLatest:
      // Ties keep the first event for earliest and the last for latest.
      if (!has_time) return;
      if (AggregateState::Collected& c = s->collect();
          IsNull(c.best) ||
          (a.fn == AggregateFn::kEarliest ? time < c.best_time
                                          : time >= c.best_time)) {
        c.best = std::move(v);
        c.best_time = time;
      }
      return;
    case AggregateFn::kMin:
    case AggregateFn::kMax: {
      double d;
      if (AsNumber(v, &d)) v = d;  // "7" from parse counts as 7
      if (Better(a.fn, v, s->collect().best)) s->collected->best = std::move(v);
      return;
    }
    default:
      break;
  }
  double d;
  if (!AsNumber(v, &d)) return;
  ++s->count;
  s->sum += d;
  if (a.fn == AggregateFn::kStddev) {
    const double delta = d - s->mean;
    s->mean += delta / s->count;
    s->m2 += delta * (d - s->mean);
  }
  if (a.fn == AggregateFn::kPct) s->collect().values.push_back(d);
}

namespace {

void Merge(const AggregateCall& a, AggregateState&& b, AggregateState* s) {
  switch (a.fn) {
    case AggregateFn::kSortsFirst:
    case AggregateFn::kSortsLast:
    case AggregateFn::kMin:
    case AggregateFn::kMax:
      if (b.collected && !IsNull(b.collected->best) &&
          Better(a.fn, b.collected->best, s->collect().best))
        s->collected->best = std::move(b.collected->best);
      return;
    case AggregateFn::kEarliest:
    case AggregateFn::kLatest:
      if (!b.collected || IsNull(b.collected->best)) return;
      if (AggregateState::Collected& c = s->collect();
          IsNull(c.best) || (a.fn == AggregateFn::kEarliest
                                 ? b.collected->best_time < c.best_time
                                 : b.collected->best_time >= c.best_time)) {
        c.best = std::move(b.collected->best);
        c.best_time = b.collected->best_time;
      }
      return;
    case AggregateFn::kCountDistinct:
      if (b.collected) s->collect().distinct.merge(b.collected->distinct);
      return;
    default:
      break;
  }
  if (a.fn == AggregateFn::kStddev && b.count > 0) {
    // Chan et al.'s pairwise update of the mean and the squares.
    const double n = s->count + b.count;
    const double delta = b.mean - s->mean;
    s->m2 += b.m2 + delta * delta * s->count * b.count / n;
    s->mean += delta * b.count / n;
  }
  s->count += b.count;
  s->sum += b.sum;
  if (b.collected) {
    std::vector<double>& values = s->collect().values;
    values.insert(values.end(), b.collected->values.begin(),
                  b.collected->values.end());
  }
}

QueryValue Result(const AggregateCall& a, const AggregateState& s) {
  switch (a.fn) {
    case AggregateFn::kCount:
      return s.count;
    case AggregateFn::kCountDistinct:
      return s.collected ? static_cast<double>(s.collected->distinct.size())
                         : 0.0;
    case AggregateFn::kMin:
    case AggregateFn::kMax:
    case AggregateFn::kSortsFirst:
    case AggregateFn::kSortsLast:
    case AggregateFn::kEarliest:
    case AggregateFn::kLatest:
      return s.collected ? s.collected->best : QueryValue();
    default:
      break;
  }
  if (s.count == 0) return {};
  switch (a.fn) {
    case AggregateFn::kSum:
      return s.sum;
    case AggregateFn::kAvg:
      return s.sum / s.count;
    case AggregateFn::kStddev:
      // The sample standard deviation, as SQL's stddev.
      if (s.count < 2) return {};
      return std::sqrt(s.m2 / (s.count - 1));
    case AggregateFn::kPct:
      if (!s.collected) return {};
      if (auto p = NearestRankPercentile(s.collected->values, a.percentile))
        return *p;
      return {};
    default:
      return {};
  }
}

// The aggregates' results of one group, for the items.
class ResultScope : public Scope {
 public:
  explicit ResultScope(const std::vector<QueryValue>* results)
      : results_(results) {}
  QueryValue Value(int) override { return {}; }
  void Set(int, QueryValue) override {}
  QueryValue Aggregate(int i) override {
    return (*results_)[static_cast<size_t>(i)];
  }

 private:
  const std::vector<QueryValue>* results_;
};

// The first 16 bytes of `key` as two big-endian numbers, zero-padded: when
// two keys' prefixes differ, they order as the keys do (a shorter key's
// padding is below the other's byte there, which is then not zero).
struct KeyPrefix {
  uint64_t hi = 0, lo = 0;
  uint32_t group = 0;
};

KeyPrefix PrefixOf(std::string_view key, uint32_t group) {
  unsigned char bytes[16] = {};
  std::memcpy(bytes, key.data(), std::min<size_t>(key.size(), 16));
  KeyPrefix p;
  for (int i = 0; i < 8; ++i) p.hi = p.hi << 8 | bytes[i];
  for (int i = 8; i < 16; ++i) p.lo = p.lo << 8 | bytes[i];
  p.group = group;
  return p;
}

// The group numbers in the (bytewise) order of their keys; the prefixes
// decide most comparisons without reaching the arena.
std::vector<uint32_t> SortedByKey(const KeyTable& index) {
  std::vector<KeyPrefix> keys;
  keys.reserve(index.size());
  for (uint32_t g = 0; g < index.size(); ++g)
    keys.push_back(PrefixOf(index.Key(g), g));
  std::sort(keys.begin(), keys.end(),
            [&index](const KeyPrefix& a, const KeyPrefix& b) {
              if (a.hi != b.hi) return a.hi < b.hi;
              if (a.lo != b.lo) return a.lo < b.lo;
              return index.Key(a.group) < index.Key(b.group);
            });
  std::vector<uint32_t> order;
  order.reserve(keys.size());
  for (const KeyPrefix& k : keys) order.push_back(k.group);
  return order;
}

}  // namespace

uint32_t StatsGroups::GroupOf(Scope& scope) {
  key_text_.clear();
  for (const Named& by : stats_->by) {
    std::string_view view;
    if (ViewOf(*by.expr, scope, &view)) {
      key_text_.append(view);
    } else {
      const QueryValue v = Eval(*by.expr, scope);
      // A null key sorts with "" (before the printable ones) but is its own.
      if (IsNull(v)) key_text_.push_back('\x1e');
      AppendText(v, &key_text_);
    }
    key_text_.push_back('\x1f');
  }
  bool inserted;
  const uint32_t g = index_.Insert(key_text_, &inserted);
  if (inserted) {
    for (const Named& by : stats_->by) keys_.push_back(Eval(*by.expr, scope));
    states_.resize(states_.size() + stats_->aggregates.size());
  }
  Touch(g, inserted);
  return g;
}

void StatsGroups::Add(Scope& scope) {
  AggregateState* states = StatesOf(GroupOf(scope));
  double time = 0;
  bool has_time = false;
  for (size_t i = 0; i < stats_->aggregates.size(); ++i) {
    const AggregateCall& a = stats_->aggregates[i];
    if ((a.fn == AggregateFn::kEarliest || a.fn == AggregateFn::kLatest) &&
        !has_time) {
      has_time = AsNumber(scope.Value(timestamp_slot_), &time);
    }
    AddAggregateValue(a, a.arg ? Eval(*a.arg, scope) : QueryValue(), time,
                      has_time, &states[i]);
  }
}

void StatsGroups::Absorb(StatsGroups& other) {
  const size_t nby = stats_->by.size(), n = stats_->aggregates.size();
  // Only the groups `other` saw since its last Absorb have events to give.
  for (const uint32_t g : other.touched_list_) {
    AggregateState* theirs = other.StatesOf(g);
    bool inserted;
    const uint32_t mine = index_.Insert(other.index_.Key(g), &inserted);
    if (inserted) {
      // `other` keeps the keys for its next rounds: a copy.
      for (size_t k = 0; k < nby; ++k)
        keys_.push_back(other.keys_[g * nby + k]);
      for (size_t i = 0; i < n; ++i)
        states_.push_back(std::exchange(theirs[i], AggregateState()));
    } else {
      AggregateState* states = StatesOf(mine);
      for (size_t i = 0; i < n; ++i) {
        Merge(stats_->aggregates[i], std::move(theirs[i]), &states[i]);
        theirs[i] = AggregateState();
      }
    }
    Touch(mine, inserted);
    other.touched_[g] = 0;
  }
  other.touched_list_.clear();
  if (other.index_.size() > kKeepGroups) {
    other.index_.Clear();
    other.keys_.clear();
    other.states_.clear();
    other.touched_.clear();
  }
}

std::vector<std::vector<QueryValue>> StatsGroups::Rows() const {
  std::vector<std::vector<QueryValue>> rows;
  rows.reserve(index_.size());
  std::vector<QueryValue> results(stats_->aggregates.size());
  ResultScope scope(&results);
  const std::vector<uint32_t> order = SortedByKey(index_);
  const size_t nby = stats_->by.size(), n = stats_->aggregates.size();
  for (const uint32_t g : order) {
    for (size_t i = 0; i < n; ++i)
      results[i] = Result(stats_->aggregates[i], states_[g * n + i]);
    std::vector<QueryValue> row;
    row.reserve(nby + stats_->items.size());
    row.insert(row.end(), keys_.begin() + g * nby,
               keys_.begin() + (g + 1) * nby);
    for (const Named& item : stats_->items)
      row.push_back(Eval(*item.expr, scope));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace flowmon::insights
