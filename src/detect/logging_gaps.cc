// Logging gaps, for compliance:
//   Stealth:EC2/FlowLogsStopped   an ENI that reported for at least
//                                 min-active, then wrote nothing for
//                                 `silence` while the flow log went on
//                                 (event time moved on with other ENIs)
//   Policy:EC2/FlowLogSkipData    SKIPDATA records: the flow log skipped
//                                 records in an aggregation interval
// NODATA records are not gaps: they are the flow log saying an ENI had no
// traffic, so they keep an ENI reporting. A flow log that stops as a whole
// stops event time too: it is seen once records arrive again.
#include <fmt/format.h>

#include <map>
#include <set>
#include <unordered_map>

#include "detect/finding_book.h"
#include "detect/flow_totals.h"
#include "detect/hash.h"
#include "detect/resource_cache.h"
#include "flowmon/core/time_util.h"

namespace flowmon::detect {
namespace {

// An ENI's reporting, minute by minute: the minutes with records that are
// not final yet (workers' sets merge), and what the final ones showed.
struct EniState {
  std::set<int64_t> minutes;         // with records, not yet final
  int64_t active_since = INT64_MIN;  // the current stretch's first minute
  int64_t last_active = INT64_MIN;   // the last final minute with records
  bool stopped = false;              // a finding says it went silent
  bool tgw = false;
  int64_t inserted = INT64_MIN;  // the last minute put in `minutes`
  SampleSet sample;              // its first record, for the resource's ids

  void Merge(EniState&& o) {
    minutes.merge(o.minutes);
    inserted = INT64_MIN;
    tgw = tgw || o.tgw;
    if (sample.empty()) sample = std::move(o.sample);
  }
};

struct SkipAgg {
  FlowTotals totals, reported;
  bool decided = false;
  SampleSet samples;
};

class GapDetector : public Detector {
 public:
  explicit GapDetector(const DetectContext& c)
      : context_(c), config_(c.config->gap) {}

  std::string_view name() const override { return "gap"; }
  unsigned needs() const override { return kResource; }
  std::unique_ptr<Detector> NewWorker() const override {
    return std::make_unique<GapDetector>(context_);
  }

  void Observe(const Flow& f) override {
    if (f.resource.empty()) return;
    EniState* eni = cache_.Find(f);
    if (eni == nullptr) {
      auto it = enis_.find(f.resource);
      if (it == enis_.end()) {
        it = enis_.emplace(std::string(f.resource), EniState()).first;
      }
      eni = &it->second;
      cache_.Put(f, eni);
    }
    if (eni->inserted != f.minute) {
      eni->minutes.insert(f.minute);
      eni->inserted = f.minute;
    }
    eni->tgw = f.tgw;
    eni->sample.OfferFirst(f, 1);
    if (f.status != FlowStatus::kSkipData) return;
    const int64_t w = std::max<int64_t>(60, config_.window);
    const int64_t start = f.minute - ((f.minute % w) + w) % w;
    SkipAgg& s = skipped_[{start, std::string(f.resource)}];
    s.totals.Add(f);
    s.samples.OfferFirst(f, static_cast<size_t>(context_.config->samples));
  }

  void Absorb(Detector& worker, int64_t closed_until, uint64_t* late) override {
    auto& w = static_cast<GapDetector&>(worker);
    for (auto& [eni, state] : w.enis_) enis_[eni].Merge(std::move(state));
    const int64_t window = std::max<int64_t>(60, config_.window);
    const size_t limit = static_cast<size_t>(context_.config->samples);
    for (auto& [key, s] : w.skipped_) {
      if (key.first + window <= closed_until) {
        *late += s.totals.flows;
        continue;
      }
      SkipAgg& mine = skipped_[key];
      mine.totals.Merge(s.totals);
      mine.samples.Merge(std::move(s.samples), limit, false);
    }
    w.enis_.clear();
    w.skipped_.clear();
    w.cache_.Clear();
  }

  void Close(int64_t closed_until, int64_t watermark,
             FindingBook* book) override {
    CloseSkipped(closed_until, book);
    // Minutes before `final` are final; silence is measured up to `now`.
    const int64_t final = closed_until;
    const int64_t now = std::min(closed_until, watermark);
    if (now == INT64_MIN) return;
    for (auto it = enis_.begin(); it != enis_.end();) {
      EniState& e = it->second;
      while (!e.minutes.empty() && *e.minutes.begin() < final) {
        const int64_t m = *e.minutes.begin();
        e.minutes.erase(e.minutes.begin());
        e.inserted = INT64_MIN;
        if (e.last_active != INT64_MIN) {
          const int64_t silent = m - (e.last_active + 60);
          if (e.stopped) {
            Resumed(it->first, &e, silent, book);
          } else if (silent >= config_.silence && Active(e)) {
            Stopped(it->first, &e, silent, book);
            Resumed(it->first, &e, silent, book);
          } else if (silent >= config_.silence) {
            e.active_since = m;
          }
        }
        if (e.active_since == INT64_MIN) e.active_since = m;
        e.last_active = m;
      }
      // INT64_MIN: no active minute yet (the difference would overflow).
      if (!e.stopped && e.last_active != INT64_MIN && e.minutes.empty()) {
        const int64_t silent = now - (e.last_active + 60);
        if (silent >= config_.silence && Active(e)) {
          Stopped(it->first, &e, silent, book);
        }
      }
      // An ENI gone for a day is forgotten (terminated instances).
      if (e.minutes.empty() && e.last_active != INT64_MIN &&
          now - e.last_active > 86400) {
        cache_.Clear();
        it = enis_.erase(it);
      } else {
        ++it;
      }
    }
  }

 private:
  void CloseSkipped(int64_t closed_until, FindingBook* book) {
    const int64_t window = std::max<int64_t>(60, config_.window);
    for (auto it = skipped_.begin(); it != skipped_.end();) {
      const auto& [start, eni] = it->first;
      SkipAgg& s = it->second;
      if (start >= closed_until) break;
      const std::string key = "skipdata|" + eni;
      if (!s.decided) {
        s.decided = true;
        s.reported = s.totals;
        Finding f = NewFinding(name(), "Policy:EC2/FlowLogSkipData",
                               config_.severity_skipdata, s.totals);
        f.figures = {{"skipdataRecords", static_cast<double>(s.totals.flows)}};
        f.resource.interface_id = eni;
        f.title = fmt::format("{}: the flow log skipped records", eni);
        f.description = fmt::format(
            "The flow log of {} wrote SKIPDATA records from {}: records were "
            "skipped during those aggregation intervals, so traffic went "
            "unlogged.",
            eni, FormatIso8601(s.totals.first));
        book->Report(key, std::move(f), s.samples.samples());
      }
      if (start + window > closed_until) {
        ++it;
        continue;
      }
      const FlowTotals d = s.totals.Since(s.reported);
      book->Amend(key, d.last,
                  {{"skipdataRecords", static_cast<double>(d.flows)}});
      it = skipped_.erase(it);
    }
  }

  bool Active(const EniState& e) const {
    return e.last_active + 60 - e.active_since >= config_.min_active;
  }

  // It went silent after e->last_active, for `silent` seconds so far.
  void Stopped(const std::string& eni, EniState* e, int64_t silent,
               FindingBook* book) {
    e->stopped = true;
    FlowTotals t;
    t.first = t.last = e->last_active;
    Finding f =
        NewFinding(name(), "Stealth:EC2/FlowLogsStopped", config_.severity, t);
    const int64_t reported = e->last_active + 60 - e->active_since;
    f.figures = {
        {"silentSeconds", static_cast<double>(silent), false, true},
        {"reportedSeconds", static_cast<double>(reported), false, true}};
    f.resource.interface_id = eni;
    f.resource.transit_gateway = e->tgw;
    f.details.emplace_back("lastMinute", FormatIso8601(e->last_active));
    f.title = fmt::format("{} stopped reporting after {}", eni,
                          FormatIso8601(e->last_active));
    f.description = fmt::format(
        "{} stopped writing flow-log records after {} while the flow log "
        "went on for other ENIs: its traffic is not being logged (or the ENI "
        "is gone).",
        eni, FormatIso8601(e->last_active));
    book->Report("gap|" + eni, std::move(f), e->sample.samples());
  }

  // It reports again after `silent` seconds: the finding learns how long.
  void Resumed(const std::string& eni, EniState* e, int64_t silent,
               FindingBook* book) {
    book->Amend("gap|" + eni, e->last_active,
                {{"silentSeconds", static_cast<double>(silent), false, true}});
    e->stopped = false;
    e->active_since = INT64_MIN;
  }

  DetectContext context_;
  const GapConfig& config_;
  std::unordered_map<std::string, EniState, TextHash, std::equal_to<>> enis_;
  ResourceCache<EniState> cache_;
  std::map<std::pair<int64_t, std::string>, SkipAgg> skipped_;
};

}  // namespace

std::unique_ptr<Detector> NewGapDetector(const DetectContext& context) {
  return std::make_unique<GapDetector>(context);
}

}  // namespace flowmon::detect
