#include "insights/stats_groups.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <string_view>
#include <thread>
#include <utility>
#include <variant>

#include "flowmon/core/number.h"
#include "flowmon/core/percentile.h"
#include "flowmon/core/sorted_indexes.h"
#include "insights/result_writer.h"
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

// The kind that reads `v` back from `part`, its text in a group's key.
KeyKind KindOf(const QueryValue& v, std::string_view part) {
  if (IsNull(v)) return KeyKind::kNull;
  if (const double* d = std::get_if<double>(&v)) {
    return IsKeyDigits(part) && KeyDigitsValue(part) == *d ? KeyKind::kDigits
                                                           : KeyKind::kValues;
  }
  return std::get<std::string>(v) == part ? KeyKind::kText : KeyKind::kValues;
}

}  // namespace

bool IsKeyDigits(std::string_view text) {
  return !text.empty() && text.size() <= 15 && IsDecimalDigits(text) &&
         (text.size() == 1 || text[0] != '0');
}

double KeyDigitsValue(std::string_view digits) {
  int64_t n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return static_cast<double>(n);
}

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
  if (a.fn == AggregateFn::kStddev) s->AddSquare(d);
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
    AggregateState::Collected& c = s->collect();
    const AggregateState::Collected& o = *b.collected;
    const double n = s->count + b.count;
    const double delta = o.mean - c.mean;
    c.m2 += o.m2 + delta * delta * s->count * b.count / n;
    c.mean += delta * b.count / n;
  }
  s->count += b.count;
  s->sum += b.sum;
  if (b.collected) {
    std::vector<double>& values = s->collect().values;
    values.insert(values.end(), b.collected->values.begin(),
                  b.collected->values.end());
  }
}

// A view of a value kept in an aggregate's state.
CellView CellOf(const QueryValue& v) {
  CellView c;
  if (const std::string* s = std::get_if<std::string>(&v)) {
    c.kind = CellView::kText;
    c.text = *s;
  } else if (const double* d = std::get_if<double>(&v)) {
    c.kind = CellView::kNumber;
    c.number = *d;
  }
  return c;
}

CellView Number(double d) {
  CellView c;
  c.kind = CellView::kNumber;
  c.number = d;
  return c;
}

// Aggregate a's result over state s, viewed (valid while s is).
CellView ResultView(const AggregateCall& a, const AggregateState& s) {
  switch (a.fn) {
    case AggregateFn::kCount:
      return Number(s.count);
    case AggregateFn::kCountDistinct:
      return Number(s.collected
                        ? static_cast<double>(s.collected->distinct.size())
                        : 0.0);
    case AggregateFn::kMin:
    case AggregateFn::kMax:
    case AggregateFn::kSortsFirst:
    case AggregateFn::kSortsLast:
    case AggregateFn::kEarliest:
    case AggregateFn::kLatest:
      return s.collected ? CellOf(s.collected->best) : CellView();
    default:
      break;
  }
  if (s.count == 0) return {};
  switch (a.fn) {
    case AggregateFn::kSum:
      return Number(s.sum);
    case AggregateFn::kAvg:
      return Number(s.sum / s.count);
    case AggregateFn::kStddev:
      // The sample standard deviation, as SQL's stddev.
      if (s.count < 2) return {};
      return Number(std::sqrt(s.collected->m2 / (s.count - 1)));
    case AggregateFn::kPct:
      if (!s.collected) return {};
      if (auto p = NearestRankPercentile(s.collected->values, a.percentile))
        return Number(*p);
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

// The first 24 bytes of `key` as three KeyTable::OrderWord's: 24 bytes
// tell most keys of two IPv4 addresses apart.
struct KeyPrefix {
  uint64_t w[3] = {};
  uint32_t group = 0;
};

KeyPrefix PrefixOf(std::string_view key, uint32_t group) {
  KeyPrefix p;
  for (size_t w = 0; w < 3; ++w) p.w[w] = KeyTable::OrderWord(key, w * 8);
  p.group = group;
  return p;
}

// The group numbers in the (bytewise) order of their keys; the prefixes
// decide most comparisons without reaching the arena; with `threads` > 1,
// on two threads (SortedIndexes).
std::vector<uint32_t> SortedByKey(const KeyTable& index, unsigned threads) {
  std::vector<KeyPrefix> keys;
  keys.reserve(index.size());
  for (uint32_t g = 0; g < index.size(); ++g)
    keys.push_back(PrefixOf(index.Key(g), g));
  auto before = [&index](const KeyPrefix& a, const KeyPrefix& b) {
    for (int w = 0; w < 3; ++w) {
      if (a.w[w] != b.w[w]) return a.w[w] < b.w[w];
    }
    return index.Key(a.group) < index.Key(b.group);
  };
  return SortedIndexes(
      keys, before, [](const KeyPrefix& k) { return k.group; }, threads);
}

}  // namespace

StatsGroups::StatsGroups(const Stats* stats, int timestamp_slot)
    : stats_(stats),
      timestamp_slot_(timestamp_slot),
      items_are_aggregates_(std::all_of(
          stats->items.begin(), stats->items.end(),
          [](const Named& n) { return n.expr->kind == Expr::kAggregate; })),
      by_widths_(stats->by.size(), 0) {}

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
    std::vector<QueryValue> values;
    values.reserve(stats_->by.size());
    for (const Named& by : stats_->by) values.push_back(Eval(*by.expr, scope));
    // Each value is read back from its part of the key, unless a value's
    // text holds the separator (or reads back as another value).
    const size_t n = stats_->by.size();
    std::vector<KeyKind>& kinds = kinds_scratch_;
    kinds.resize(n);
    bool plain = static_cast<size_t>(std::count(key_text_.begin(),
                                                key_text_.end(), '\x1f')) == n;
    ends_scratch_.resize(n);
    for (size_t i = 0, begin = 0; plain && i < n; ++i) {
      const size_t end = key_text_.find('\x1f', begin);
      kinds[i] = KindOf(values[i],
                        std::string_view(key_text_).substr(begin, end - begin));
      plain = kinds[i] != KeyKind::kValues;
      ends_scratch_[i] = end;
      begin = end + 1;
    }
    if (plain) {
      SetKeyKinds(kinds.data(), ends_scratch_.data());
    } else {
      SetKeyValues(std::move(values));
    }
    states_.resize(states_.size() + stats_->aggregates.size());
  }
  Touch(g, inserted);
  return g;
}

void StatsGroups::SetKeyValues(std::vector<QueryValue> values) {
  for (size_t i = 0; i < values.size(); ++i) {
    char buf[kNumberChars];
    by_widths_[i] =
        std::max(by_widths_[i], TextWidth(CellOf(values[i]), false, buf));
  }
  kinds_.insert(kinds_.end(), stats_->by.size(), KeyKind::kValues);
  values_[static_cast<uint32_t>(index_.size() - 1)] = std::move(values);
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
  other.absorbed_as_.resize(other.index_.size(), kNotAbsorbed);
  for (size_t k = 0; k < nby; ++k)
    by_widths_[k] = std::max(by_widths_[k], other.by_widths_[k]);
  // Only the groups `other` saw since its last Absorb have events to give.
  // A group given before has its number in absorbed_as_: no lookup by its
  // key. The others' slots here are asked for kAhead groups ahead: with
  // millions of groups each lookup is a cache miss, and they overlap.
  const std::vector<uint32_t>& list = other.touched_list_;
  constexpr size_t kAhead = 8;
  KeyTable::Probe probes[kAhead];
  auto ask = [&](size_t j) {
    const uint32_t g = list[j];
    if (other.absorbed_as_[g] != kNotAbsorbed) return;
    probes[j % kAhead] = KeyTable::ProbeOf(other.index_.Key(g));
    index_.Prefetch(probes[j % kAhead]);
  };
  for (size_t j = 0; j < std::min(kAhead, list.size()); ++j) ask(j);
  for (size_t j = 0; j < list.size(); ++j) {
    const uint32_t g = list[j];
    AggregateState* theirs = other.StatesOf(g);
    uint32_t& known = other.absorbed_as_[g];
    bool inserted = false;
    const uint32_t mine =
        known != kNotAbsorbed
            ? known
            : index_.Insert(other.index_.Key(g), probes[j % kAhead], &inserted);
    if (j + kAhead < list.size()) ask(j + kAhead);
    known = mine;
    if (inserted) {
      // `other` keeps the keys for its next rounds: a copy.
      const KeyKind* kinds = other.kinds_.data() + g * nby;
      kinds_.insert(kinds_.end(), kinds, kinds + nby);
      if (nby > 0 && kinds[0] == KeyKind::kValues)
        values_[mine] = other.values_.at(g);
      for (size_t i = 0; i < n; ++i)
        states_.push_back(std::exchange(theirs[i], AggregateState()));
      // This table is absorbed into no other: it keeps no list of the
      // groups it was given.
      touched_.push_back(0);
    } else {
      AggregateState* states = StatesOf(mine);
      for (size_t i = 0; i < n; ++i) {
        Merge(stats_->aggregates[i], std::move(theirs[i]), &states[i]);
        theirs[i] = AggregateState();
      }
    }
    other.touched_[g] = 0;
  }
  other.touched_list_.clear();
  if (other.index_.size() > kKeepGroups) {
    other.index_.Clear();
    other.kinds_.clear();
    other.values_.clear();
    other.states_.clear();
    other.touched_.clear();
    other.absorbed_as_.clear();
  }
}

std::vector<uint32_t> StatsGroups::Order(unsigned threads) const {
  return SortedByKey(index_, threads);
}

void StatsGroups::Prefetch(uint32_t g, int stage) const {
  if (stage == 0) {
    index_.PrefetchSpan(g);
    __builtin_prefetch(kinds_.data() + g * stats_->by.size());
    __builtin_prefetch(states_.data() + g * stats_->aggregates.size());
  } else {
    index_.PrefetchKey(g);
  }
}

void StatsGroups::RowOf(uint32_t g, CellView* cells,
                        RowScratch* scratch) const {
  const size_t nby = stats_->by.size(), n = stats_->aggregates.size();
  const KeyKind* kinds = kinds_.data() + g * nby;
  if (nby > 0 && kinds[0] == KeyKind::kValues) {
    scratch->c = values_.at(g);
    ResultRows::Cells(scratch->c, cells);
  } else {
    const std::string_view key = index_.Key(g);
    size_t begin = 0;
    for (size_t k = 0; k < nby; ++k) {
      const size_t end = key.find('\x1f', begin);
      const std::string_view part = key.substr(begin, end - begin);
      begin = end + 1;
      CellView& c = cells[k];
      switch (kinds[k]) {
        case KeyKind::kNull:
          c.kind = CellView::kNull;
          break;
        case KeyKind::kDigits:
          c.kind = CellView::kNumber;
          c.number = KeyDigitsValue(part);
          break;
        case KeyKind::kText:
        case KeyKind::kValues:
          c.kind = CellView::kText;
          c.text = part;
          break;
      }
    }
  }
  const AggregateState* states = states_.data() + g * n;
  if (items_are_aggregates_) {
    // The usual items, `count(*)`, `sum(bytes) as b`: their results are
    // viewed in the states, with no value made.
    for (size_t i = 0; i < stats_->items.size(); ++i) {
      const size_t a = static_cast<size_t>(stats_->items[i].expr->aggregate);
      cells[nby + i] = ResultView(stats_->aggregates[a], states[a]);
    }
    return;
  }
  scratch->a.resize(n);
  for (size_t i = 0; i < n; ++i)
    scratch->a[i] = ValueOf(ResultView(stats_->aggregates[i], states[i]));
  ResultScope scope(&scratch->a);
  scratch->b.clear();
  for (const Named& item : stats_->items)
    scratch->b.push_back(Eval(*item.expr, scope));
  ResultRows::Cells(scratch->b, cells + nby);
}

bool StatsGroups::Widths(const std::vector<bool>& time_columns, size_t* widths,
                         unsigned threads) const {
  const size_t nby = stats_->by.size(), n = stats_->aggregates.size();
  for (size_t k = 0; k < nby; ++k) {
    if (time_columns[k]) return false;
  }
  for (size_t k = 0; k < nby; ++k)
    widths[k] = std::max(widths[k], by_widths_[k]);
  const size_t columns = nby + stats_->items.size();
  // The items' widths over groups [begin, end), in memory order.
  auto items = [&](uint32_t begin, uint32_t end, size_t* out) {
    std::vector<CellView> cells(columns);
    RowScratch scratch;
    char buf[kNumberChars];
    for (uint32_t g = begin; g < end; ++g) {
      if (items_are_aggregates_) {
        for (size_t i = 0; i < stats_->items.size(); ++i) {
          const size_t a =
              static_cast<size_t>(stats_->items[i].expr->aggregate);
          cells[nby + i] =
              ResultView(stats_->aggregates[a], states_[g * n + a]);
        }
      } else {
        RowOf(g, cells.data(), &scratch);
      }
      for (size_t i = nby; i < columns; ++i)
        out[i] = std::max(out[i], TextWidth(cells[i], time_columns[i], buf));
    }
  };
  const uint32_t size = static_cast<uint32_t>(index_.size());
  // Below this many groups a thread costs more than it saves.
  constexpr uint32_t kParallelGroups = uint32_t{1} << 16;
  if (threads < 2 || size < kParallelGroups) {
    items(0, size, widths);
    return true;
  }
  std::vector<size_t> theirs(widths, widths + columns);
  std::thread other([&] { items(size / 2, size, theirs.data()); });
  items(0, size / 2, widths);
  other.join();
  for (size_t i = 0; i < columns; ++i)
    widths[i] = std::max(widths[i], theirs[i]);
  return true;
}

std::vector<std::vector<QueryValue>> StatsGroups::Rows() const {
  std::vector<std::vector<QueryValue>> rows;
  rows.reserve(index_.size());
  const size_t width = stats_->by.size() + stats_->items.size();
  std::vector<CellView> cells(width);
  RowScratch scratch;
  for (const uint32_t g : Order(1)) {
    RowOf(g, cells.data(), &scratch);
    std::vector<QueryValue>& row = rows.emplace_back();
    row.reserve(width);
    for (const CellView& c : cells) row.push_back(ValueOf(c));
  }
  return rows;
}

}  // namespace flowmon::insights
