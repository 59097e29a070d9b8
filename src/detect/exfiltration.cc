// Exfiltration:EC2/LargeEgress: unusually large egress from one of your
// addresses to one outside address within a window: at least min-bytes, and
// at least `ratio` times the largest egress that source sent to any one
// outside destination in each of its previous `history` windows (a source
// that routinely ships gigabytes to a partner is judged against that).
// Destinations in AWS's ranges (--aws-ranges) are left out by default:
// backups to S3 and origins behind CloudFront are the usual large egress.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "detect/count_min.h"
#include "detect/finding_book.h"
#include "detect/flow_totals.h"
#include "detect/keyed_windows.h"
#include "flowmon/core/time_util.h"

namespace flowmon::detect {
namespace {

struct EgressAgg {
  uint64_t flows = 0;
  bool changed = false, decided = false;
  // The pair's bytes before it was tracked (the sketch's estimate: at most
  // a little more than the truth).
  double before = 0;
  FlowTotals totals, reported;
  SampleSet samples;  // the heaviest flows

  double bytes() const { return before + static_cast<double>(totals.bytes); }
  void Merge(EgressAgg&& o, size_t limit) {
    flows += o.flows;
    before = std::max(before, o.before);
    totals.Merge(o.totals);
    samples.Merge(std::move(o.samples), limit, true);
  }
};

// A source's largest egress to one destination, per past window.
struct History {
  std::vector<double> windows;  // a ring of `history` values
  size_t next = 0;
  int64_t pending_window = INT64_MIN;
  double pending = 0;
  int64_t last_window = INT64_MIN;

  double Max() const {
    double m = pending_window == INT64_MIN ? 0 : pending;
    for (const double v : windows) m = std::max(m, v);
    return m;
  }
  void Offer(int64_t window, double bytes, size_t capacity) {
    if (window != pending_window) {
      Settle(capacity);
      pending_window = window;
      pending = 0;
    }
    pending = std::max(pending, bytes);
    last_window = window;
  }
  // The pending window's value into the ring.
  void Settle(size_t capacity) {
    if (pending_window == INT64_MIN || capacity == 0) return;
    if (windows.size() < capacity) {
      windows.push_back(pending);
    } else {
      windows[next] = pending;
      next = (next + 1) % capacity;
    }
    pending_window = INT64_MIN;
  }
};

class ExfilDetector : public Detector {
 public:
  explicit ExfilDetector(const DetectContext& c)
      : context_(c),
        config_(c.config->exfil),
        allow_(config_.allow),
        egress_(config_.window, *c.config) {}

  std::string_view name() const override { return "exfil"; }
  unsigned needs() const override { return kSrcAddr | kDstAddr | kBytes; }
  std::unique_ptr<Detector> NewWorker() const override {
    return std::make_unique<ExfilDetector>(context_);
  }

  void Observe(const Flow& f) override {
    if (f.direction != FlowDirection::kOutbound || f.bytes == 0 ||
        allow_.Contains(f.dst)) {
      return;
    }
    if (!config_.include_aws && context_.aws != nullptr &&
        context_.aws->Find(f.dst) != nullptr) {
      return;
    }
    const PairKey key{f.src, f.dst, 0};
    const int64_t window = egress_.WindowOf(f.minute);
    if (window != sketch_window_ || sketch_ == nullptr) {
      sketch_ = &sketches_[window];
      sketch_window_ = window;
    }
    const double b = static_cast<double>(f.bytes);
    const double estimate = sketch_->Add(KeyHash()(key), b);
    // Pairs far below the threshold stay in the sketch only.
    if (estimate < config_.min_bytes / 8) return;
    EgressAgg& a = egress_.At(key, f.minute);
    if (a.flows == 0) a.before = estimate - b;
    ++a.flows;
    a.totals.Add(f);
    a.samples.OfferHeaviest(f, static_cast<double>(f.bytes),
                            static_cast<size_t>(context_.config->samples));
  }

  void Absorb(Detector& worker, int64_t closed_until, uint64_t* late) override {
    auto& w = static_cast<ExfilDetector&>(worker);
    egress_.Absorb(w.egress_, closed_until, late);
    for (auto& [window, sketch] : w.sketches_) {
      if (window + egress_.window() <= closed_until) continue;
      sketches_[window].Merge(sketch);
    }
    w.sketches_.clear();
    w.sketch_ = nullptr;
    sketch_ = nullptr;
  }

  void Close(int64_t closed_until, int64_t /*watermark*/,
             FindingBook* book) override {
    const size_t capacity =
        static_cast<size_t>(std::max<int64_t>(0, config_.history));
    egress_.Close(
        closed_until,
        [&](const PairKey& k, EgressAgg& a, int64_t start) {
          if (a.decided) return;
          // A finding still going on takes the pair's next windows whole.
          auto open = reported_.find(k);
          if (open != reported_.end() &&
              a.totals.first <= open->second + context_.config->renotify) {
            Decide(k, &a, 0, start, book);
            return;
          }
          const double bytes = a.bytes();
          if (bytes < config_.min_bytes) return;
          auto h = history_.find(AddressKey{k.a, 0});
          const double usual = h == history_.end() ? 0 : h->second.Max();
          if (bytes < config_.ratio * usual) return;
          Decide(k, &a, usual, start, book);
        },
        [&](const PairKey& k, EgressAgg& a, int64_t start) {
          // What was found is not what the source usually sends.
          if (!a.decided) {
            history_[AddressKey{k.a, 0}].Offer(start, a.bytes(), capacity);
            return;
          }
          reported_[k] = std::max(reported_[k], a.totals.last);
          AmendSince(book, Key(k), a.totals, a.reported);
        });
    while (!sketches_.empty() &&
           sketches_.begin()->first + egress_.window() <= closed_until) {
      if (sketch_ == &sketches_.begin()->second) sketch_ = nullptr;
      sketches_.erase(sketches_.begin());
    }
    // Forget sources quiet for the whole history, and findings over.
    // INT64_MIN: never expired yet (the difference would overflow).
    if (last_expiry_ == INT64_MIN ||
        closed_until - last_expiry_ >= config_.window) {
      for (auto it = reported_.begin(); it != reported_.end();) {
        it = it->second + context_.config->renotify < closed_until
                 ? reported_.erase(it)
                 : std::next(it);
      }
      last_expiry_ = closed_until;
      const int64_t horizon =
          closed_until - (config_.history + 1) * egress_.window();
      for (auto it = history_.begin(); it != history_.end();) {
        it = it->second.last_window < horizon ? history_.erase(it)
                                              : std::next(it);
      }
    }
  }

  uint64_t dropped() const override { return egress_.dropped(); }

 private:
  static std::string Key(const PairKey& k) {
    return fmt::format("exfil|{}|{}", AddressText(k.a), AddressText(k.b));
  }

  void Decide(const PairKey& k, EgressAgg* a, double usual,
              int64_t window_start, FindingBook* book) {
    a->decided = true;
    a->reported = a->totals;
    reported_[k] = std::max(reported_[k], a->totals.last);
    Finding f = NewFinding(name(), "Exfiltration:EC2/LargeEgress",
                           config_.severity, a->totals);
    // The bytes before tracking began are the sketch's: approximate.
    f.figures[4] = {"bytes", a->bytes(), a->before > 0, false};
    f.blocked = false;
    f.role = ResourceRole::kActor;
    f.direction = "OUTBOUND";
    f.resource.address = AddressText(k.a);
    f.remote.address = AddressText(k.b);
    // Bytes first: they are what the finding is about.
    std::rotate(f.figures.begin(), f.figures.end() - 1, f.figures.end());
    f.figures.push_back({"usualMaxBytes", usual, false, true});
    f.details.emplace_back("window",
                           fmt::format("{}/{}m", FormatIso8601(window_start),
                                       config_.window / 60));
    f.title = fmt::format("{} is sending unusually much to {}",
                          f.resource.address, f.remote.address);
    f.description = fmt::format(
        "{} sent more than {} MiB to {} within {} minutes, {}: data may be "
        "leaving your network.",
        f.resource.address, FigureText(std::floor(config_.min_bytes / 1048576)),
        f.remote.address, config_.window / 60,
        usual > 0 ? fmt::format("over {} times its usual largest egress to "
                                "one address",
                                FigureText(config_.ratio))
                  : std::string("and it has no history of large egress"));
    book->Report(Key(k), std::move(f), a->samples.samples());
  }

  DetectContext context_;
  const ExfilConfig& config_;
  AddressBlocks allow_;
  KeyedWindows<PairKey, EgressAgg> egress_;
  std::unordered_map<AddressKey, History, KeyHash> history_;
  // Every outbound pair's bytes, per window, before it is tracked.
  std::map<int64_t, CountMinSketch> sketches_;
  CountMinSketch* sketch_ = nullptr;
  int64_t sketch_window_ = INT64_MIN;
  // Pairs with a finding, and their last record: it may go on.
  std::unordered_map<PairKey, int64_t, KeyHash> reported_;
  int64_t last_expiry_ = INT64_MIN;
};

}  // namespace

std::unique_ptr<Detector> NewExfilDetector(const DetectContext& context) {
  return std::make_unique<ExfilDetector>(context);
}

}  // namespace flowmon::detect
