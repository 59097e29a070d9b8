// Behavior:EC2/TrafficVolumeUnusual: bytes, packets or rejects of one minute
// far above the series' own recent baseline, per ENI and in total. The
// baseline is the rolling median of the last `baseline` minutes with data
// and their MAD: a minute breaches when it is at least `ratio` times the
// median, `mads` scaled MADs above it, and above an absolute floor (quiet
// series have a median near zero). Nothing is judged before `warmup`
// minutes of history. A breaching minute enters the baseline capped at
// ratio x median, so a lasting change becomes the new normal after about
// half the baseline, while a short spike leaves it alone.
//
// A bytes spike made mostly of egress to one outside destination is the
// exfiltration detector's to judge, not this one's: the same event would
// otherwise be reported twice.
#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "detect/finding_book.h"
#include "detect/flow_totals.h"
#include "detect/heavy_hitters.h"
#include "detect/resource_cache.h"
#include "detect/rolling_baseline.h"
#include "flowmon/core/time_util.h"

namespace flowmon::detect {
namespace {

enum Metric { kBytes, kPackets, kRejects, kMetrics };
constexpr std::string_view kMetricNames[kMetrics] = {"bytes", "packets",
                                                     "rejects"};

struct MinuteCounts {
  double value[kMetrics] = {0, 0, 0};
  uint64_t flows = 0;
  double egress = 0, ingress = 0;  // bytes by the resource's side
  HeavyHitters outside;            // bytes to outside destinations
  SampleSet samples;               // the heaviest flows
  // The heaviest flow's two sides, the resource's first.
  double heaviest = -1;
  IpAddress local, remote;

  void Add(const Flow& f, size_t limit) {
    ++flows;
    if (f.status != FlowStatus::kOk) return;  // NODATA: a minute of zeros
    value[kBytes] += static_cast<double>(f.bytes);
    value[kPackets] += static_cast<double>(f.packets);
    value[kRejects] += f.rejected() ? 1 : 0;
    const double b = static_cast<double>(f.bytes);
    if (f.local_side == 0) egress += b;
    if (f.local_side == 1) ingress += b;
    if (f.direction == FlowDirection::kOutbound) outside.Add(f.dst, b);
    samples.OfferHeaviest(f, b, limit);
    if (f.has_addresses && b > heaviest) {
      heaviest = b;
      const bool dst_local = f.local_side == 1;
      local = dst_local ? f.dst : f.src;
      remote = dst_local ? f.src : f.dst;
    }
  }
  void Merge(MinuteCounts&& o, size_t limit) {
    for (int i = 0; i < kMetrics; ++i) value[i] += o.value[i];
    flows += o.flows;
    egress += o.egress;
    ingress += o.ingress;
    outside.Merge(o.outside);
    samples.Merge(std::move(o.samples), limit, true);
    if (o.heaviest > heaviest) {
      heaviest = o.heaviest;
      local = o.local;
      remote = o.remote;
    }
  }
};

struct MinuteTable {
  std::map<std::string, MinuteCounts, std::less<>> enis;
  MinuteCounts total;
};

struct Series {
  explicit Series(size_t n)
      : metric{RollingBaseline(n), RollingBaseline(n), RollingBaseline(n)} {}
  RollingBaseline metric[kMetrics];
  int64_t last_minute = 0;
};

class SpikeDetector : public Detector {
 public:
  explicit SpikeDetector(const DetectContext& c)
      : context_(c), config_(c.config->spike) {
    floor_[kBytes] = config_.min_bytes;
    floor_[kPackets] = config_.min_packets;
    floor_[kRejects] = config_.min_rejects;
  }

  std::string_view name() const override { return "spike"; }
  unsigned needs() const override { return kPackets | kBytes; }
  std::unique_ptr<Detector> NewWorker() const override {
    return std::make_unique<SpikeDetector>(context_);
  }

  void Observe(const Flow& f) override {
    if (f.status == FlowStatus::kSkipData || f.status == FlowStatus::kUnknown) {
      return;
    }
    const size_t limit = static_cast<size_t>(context_.config->samples);
    if (f.minute != cached_minute_ || table_ == nullptr) {
      table_ = &minutes_[f.minute];
      cached_minute_ = f.minute;
    }
    table_->total.Add(f, limit);
    if (!config_.per_eni || f.resource.empty()) return;
    MinuteCounts* eni = cache_.Find(f, f.minute);
    if (eni == nullptr) {
      auto it = table_->enis.find(f.resource);
      if (it == table_->enis.end()) {
        it =
            table_->enis.emplace(std::string(f.resource), MinuteCounts()).first;
      }
      eni = &it->second;
      cache_.Put(f, eni, f.minute);
    }
    eni->Add(f, limit);
  }

  void Absorb(Detector& worker, int64_t closed_until, uint64_t* late) override {
    auto& w = static_cast<SpikeDetector&>(worker);
    const size_t limit = static_cast<size_t>(context_.config->samples);
    for (auto& [minute, t] : w.minutes_) {
      if (minute < closed_until) {
        *late += t.total.flows;
        continue;
      }
      MinuteTable& mine = minutes_[minute];
      mine.total.Merge(std::move(t.total), limit);
      for (auto& [eni, counts] : t.enis) {
        mine.enis[eni].Merge(std::move(counts), limit);
      }
    }
    w.minutes_.clear();
    w.table_ = nullptr;
    w.cache_.Clear();
    table_ = nullptr;
    cache_.Clear();
  }

  void Close(int64_t closed_until, int64_t /*watermark*/,
             FindingBook* book) override {
    while (!minutes_.empty() && minutes_.begin()->first + 60 <= closed_until) {
      const int64_t minute = minutes_.begin()->first;
      MinuteTable& t = minutes_.begin()->second;
      bool eni_spiked = false;
      for (auto& [eni, counts] : t.enis) {
        auto it = series_.find(eni);
        if (it == series_.end()) {
          it = series_.emplace(eni, Series(Capacity())).first;
        }
        eni_spiked |= Judge(eni, minute, &counts, &it->second, book);
      }
      if (eni_spiked) last_eni_spike_ = minute;
      if (config_.total) {
        // An ENI's spike is in the total too: report it once.
        const bool recent =
            last_eni_spike_ != INT64_MIN && minute - last_eni_spike_ <= 5 * 60;
        Judge(recent ? std::string_view() : "total", minute, &t.total, &total_,
              book);
      }
      minutes_.erase(minutes_.begin());
      table_ = nullptr;
      cache_.Clear();
      Expire(minute);
    }
  }

 private:
  size_t Capacity() const {
    return static_cast<size_t>(std::max<int64_t>(1, config_.baseline));
  }

  // Series quiet for longer than the baseline start over.
  void Expire(int64_t minute) {
    // INT64_MIN: never expired yet (the difference would overflow).
    if (last_expiry_ != INT64_MIN && minute - last_expiry_ < 3600) return;
    last_expiry_ = minute;
    for (auto it = series_.begin(); it != series_.end();) {
      if (it->second.last_minute < minute - config_.baseline * 60) {
        it = series_.erase(it);
      } else {
        ++it;
      }
    }
  }

  // Judges one minute of one series (an ENI, "total", or "" to only feed
  // the baseline) and pushes it into the baseline. True when it breached.
  bool Judge(std::string_view series, int64_t minute, MinuteCounts* x,
             Series* s, FindingBook* book) {
    s->last_minute = minute;
    bool breach[kMetrics] = {false, false, false};
    double median[kMetrics] = {0, 0, 0}, mad[kMetrics] = {0, 0, 0};
    const bool judged =
        !series.empty() &&
        s->metric[kBytes].size() >=
            static_cast<size_t>(std::max<int64_t>(1, config_.warmup));
    for (int i = 0; i < kMetrics; ++i) {
      const double v = x->value[i];
      // Under the floor nothing is judged: the median is not needed.
      if (!judged || v < floor_[i]) continue;
      s->metric[i].MedianMad(&median[i], &mad[i]);
      breach[i] =
          v >= config_.ratio * median[i] &&
          v - median[i] >= config_.mads * RollingBaseline::kMadScale * mad[i];
    }
    // Egress to one outside destination explains it: exfiltration's call.
    if (breach[kBytes] &&
        x->outside.Top() >= 0.5 * (x->value[kBytes] - median[kBytes])) {
      breach[kBytes] = breach[kPackets] = false;
    }
    const bool any = breach[kBytes] || breach[kPackets] || breach[kRejects];
    for (int i = 0; i < kMetrics; ++i) {
      const double cap = std::max(config_.ratio * median[i], floor_[i]);
      s->metric[i].Push(any ? std::min(x->value[i], cap) : x->value[i]);
    }
    if (!any) return false;
    Report(series, minute, *x, breach, median, mad, book);
    return true;
  }

  void Report(std::string_view series, int64_t minute, const MinuteCounts& x,
              const bool* breach, const double* median, const double* mad,
              FindingBook* book) {
    FlowTotals t;
    t.flows = x.flows;
    t.first = minute;
    t.last = minute + 59;
    const bool volume = breach[kBytes] || breach[kPackets];
    Finding f =
        NewFinding(name(), "Behavior:EC2/TrafficVolumeUnusual",
                   volume ? config_.severity : config_.severity_rejects, t);
    f.figures.clear();
    f.role =
        x.egress > x.ingress ? ResourceRole::kActor : ResourceRole::kTarget;
    std::string what;
    for (int i = 0; i < kMetrics; ++i) {
      if (!breach[i]) continue;
      const std::string n(kMetricNames[i]);
      f.figures.push_back({n + "PerMinute", x.value[i], false, true});
      f.figures.push_back({n + "Median", median[i], false, true});
      f.figures.push_back({n + "Mad", mad[i], false, true});
      if (!what.empty()) what += ", ";
      what += fmt::format("{} {} a minute against a median of {}", n,
                          FigureText(x.value[i]), FigureText(median[i]));
    }
    f.figures.push_back({"flows", static_cast<double>(x.flows)});
    // The heaviest flow names the other side and the resource's address.
    if (x.heaviest >= 0) {
      f.remote.address = AddressText(x.remote);
      if (series != "total") f.resource.address = AddressText(x.local);
    }
    f.details.emplace_back("series", series == "total" ? "total" : "eni");
    f.details.emplace_back("minute", FormatIso8601(minute));
    const std::string who =
        series == "total" ? "All traffic" : std::string(series);
    std::string metrics;
    for (int i = 0; i < kMetrics; ++i) {
      if (!breach[i]) continue;
      if (!metrics.empty()) metrics += ", ";
      metrics += kMetricNames[i];
    }
    f.title = fmt::format("{}: {} far above its baseline", who, metrics);
    f.description = fmt::format(
        "{} moved far more than its baseline (the median of its last {} "
        "minutes) in the minute from {}: {}.",
        who, config_.baseline, FormatIso8601(minute), what);
    if (series == "total") {
      f.resource.all = true;
    } else {
      f.resource.interface_id = std::string(series);
    }
    book->Report("spike|" + std::string(series), std::move(f),
                 x.samples.samples());
  }

  DetectContext context_;
  const SpikeConfig& config_;
  double floor_[kMetrics];
  std::map<int64_t, MinuteTable> minutes_;  // not yet final
  MinuteTable* table_ = nullptr;            // the last record's minute
  int64_t cached_minute_ = INT64_MIN;
  ResourceCache<MinuteCounts> cache_;  // (ENI, minute) -> its counts
  std::unordered_map<std::string, Series> series_;
  Series total_{Capacity()};
  int64_t last_eni_spike_ = INT64_MIN;
  int64_t last_expiry_ = INT64_MIN;
};

}  // namespace

std::unique_ptr<Detector> NewSpikeDetector(const DetectContext& context) {
  return std::make_unique<SpikeDetector>(context);
}

}  // namespace flowmon::detect
