// KeyedWindows: per-key aggregates in tumbling windows of event time, the
// shape most detectors share. Records add to the aggregate of their key in
// the window of their minute; Close hands the detector each key changed
// since the last Close (to decide on), then each key of every window that
// is wholly final (to amend what it reported), and drops those windows.
// A table that reaches max_keys drops its half with the fewest flows that
// has not been decided on (those furthest from any threshold), and counts
// them.
//
// Agg needs: `uint64_t flows`, `bool changed`, `bool decided` and
// `void Merge(Agg&& other, size_t samples)`.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "detect/hash.h"
#include "flowmon/detect/detect_config.h"

namespace flowmon::detect {

template <typename Key, typename Agg>
class KeyedWindows {
 public:
  using Table = std::unordered_map<Key, Agg, KeyHash>;

  KeyedWindows(int64_t window, size_t max_keys, size_t samples)
      : window_(window < 60 ? 60 : window - window % 60),
        max_keys_(max_keys < 16 ? 16 : max_keys),
        samples_(samples) {}
  // Windows of `window` seconds with the config's max-keys and samples.
  KeyedWindows(int64_t window, const DetectConfig& config)
      : KeyedWindows(window, static_cast<size_t>(config.max_keys),
                     static_cast<size_t>(config.samples)) {}

  int64_t window() const { return window_; }
  int64_t WindowOf(int64_t minute) const {
    const int64_t r = ((minute % window_) + window_) % window_;
    return minute - r;
  }

  // The aggregate of `key` in the window of `minute` (made when absent);
  // marked changed.
  Agg& At(const Key& key, int64_t minute) {
    const int64_t start = WindowOf(minute);
    if (start != cached_start_ || cached_ == nullptr) {
      cached_ = &windows_[start];
      cached_start_ = start;
    }
    Window& w = *cached_;
    auto it = w.table.find(key);
    if (it == w.table.end()) {
      if (w.table.size() >= max_keys_) Shed(&w);
      it = w.table.emplace(key, Agg()).first;
    }
    Agg& agg = it->second;
    if (!agg.changed) {
      agg.changed = true;
      w.changed.push_back(&*it);
    }
    return agg;
  }

  // Moves `worker`'s windows in; those wholly before `closed_until` are
  // late: their flows are added to *late and dropped.
  void Absorb(KeyedWindows& worker, int64_t closed_until, uint64_t* late) {
    for (auto& [start, w] : worker.windows_) {
      if (start + window_ <= closed_until) {
        for (auto& [key, agg] : w.table) *late += agg.flows;
        continue;
      }
      for (auto& [key, agg] : w.table) {
        // Through At: the entry is marked changed here, and a full table
        // sheds as it would for a record.
        At(key, start).Merge(std::move(agg), samples_);
      }
    }
    dropped_ += worker.dropped_;
    worker.windows_.clear();
    worker.cached_ = nullptr;
    worker.dropped_ = 0;
  }

  // decide(key, agg, window_start) for the changed keys of windows that
  // began before `closed_until`; then done(key, agg, window_start) for the
  // keys of windows that ended by it, which are dropped.
  template <typename Decide, typename Done>
  void Close(int64_t closed_until, Decide decide, Done done) {
    for (auto& [start, w] : windows_) {
      if (start >= closed_until) break;
      for (auto* entry : w.changed) {
        entry->second.changed = false;
        decide(entry->first, entry->second, start);
      }
      w.changed.clear();
    }
    while (!windows_.empty() &&
           windows_.begin()->first + window_ <= closed_until) {
      auto& [start, w] = *windows_.begin();
      for (auto& [key, agg] : w.table) done(key, agg, start);
      if (cached_ == &w) cached_ = nullptr;
      windows_.erase(windows_.begin());
    }
  }

  uint64_t dropped() const { return dropped_; }

 private:
  struct Window {
    Table table;
    std::vector<typename Table::value_type*> changed;
  };

  void Shed(Window* w) {
    std::vector<uint64_t> flows;
    flows.reserve(w->table.size());
    for (const auto& [key, agg] : w->table) {
      if (!agg.decided) flows.push_back(agg.flows);
    }
    if (flows.empty()) return;
    auto mid = flows.begin() + static_cast<ptrdiff_t>(flows.size() / 2);
    std::nth_element(flows.begin(), mid, flows.end());
    const uint64_t cut = *mid;
    for (auto it = w->table.begin(); it != w->table.end();) {
      if (!it->second.decided && it->second.flows <= cut) {
        ++dropped_;
        it = w->table.erase(it);
      } else {
        ++it;
      }
    }
    w->changed.clear();
    for (auto& entry : w->table) {
      if (entry.second.changed) w->changed.push_back(&entry);
    }
  }

  int64_t window_;
  size_t max_keys_;
  size_t samples_;
  std::map<int64_t, Window> windows_;
  Window* cached_ = nullptr;
  int64_t cached_start_ = INT64_MIN;
  uint64_t dropped_ = 0;
};

}  // namespace flowmon::detect
