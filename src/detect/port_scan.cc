// Recon:EC2/Portscan: one source probing many ports of one host (vertical)
// or one port of many hosts (horizontal) within a window. A probe is a
// REJECTed flow or one of very few packets; replies (from a well-known port
// to an ephemeral one) never count, or every busy server would scan its
// clients.
#include <fmt/format.h>

#include <set>

#include "detect/distinct_counter.h"
#include "detect/finding_book.h"
#include "detect/flow_totals.h"
#include "detect/keyed_windows.h"
#include "flowmon/core/time_util.h"

namespace flowmon::detect {
namespace {

struct ScanAgg {
  uint64_t flows = 0;
  bool changed = false, decided = false;
  bool amends = false;  // it reported the finding (not the other kind)
  bool src_internal = false;
  FlowTotals totals, reported;
  DistinctCounter distinct;  // ports (vertical) or hosts (horizontal)
  std::vector<int> ports;    // the first few distinct ports, exactly
  FlowDirection direction = FlowDirection::kUnknown;
  int protocol = -1;
  SampleSet samples;

  void Merge(ScanAgg&& o, size_t limit) {
    flows += o.flows;
    totals.Merge(o.totals);
    distinct.Merge(o.distinct);
    for (const int p : o.ports) AddPort(p);
    if (direction == FlowDirection::kUnknown) direction = o.direction;
    if (protocol < 0) protocol = o.protocol;
    src_internal = src_internal || o.src_internal;
    samples.Merge(std::move(o.samples), limit, false);
  }
  void AddPort(int port) {
    if (ports.size() < 10 &&
        std::find(ports.begin(), ports.end(), port) == ports.end()) {
      ports.push_back(port);
    }
  }
};

class PortScanDetector : public Detector {
 public:
  explicit PortScanDetector(const DetectContext& c)
      : context_(c),
        config_(c.config->port_scan),
        allow_(config_.allow),
        vertical_(config_.window, *c.config),
        horizontal_(config_.window, *c.config) {}

  std::string_view name() const override { return "port-scan"; }
  unsigned needs() const override {
    return kSrcAddr | kDstAddr | kDstPort | kProtocol | kPackets;
  }
  std::unique_ptr<Detector> NewWorker() const override {
    return std::make_unique<PortScanDetector>(context_);
  }

  void Observe(const Flow& f) override {
    if (!f.has_addresses || f.dst_port < 0 ||
        (f.protocol != 6 && f.protocol != 17)) {
      return;
    }
    const bool probe = f.rejected() || f.packets <= static_cast<uint64_t>(
                                                        config_.probe_packets);
    if (!probe || f.reply_shaped() || allow_.Contains(f.src)) return;
    const size_t limit = static_cast<size_t>(context_.config->samples);
    ScanAgg& v = vertical_.At(PairKey{f.src, f.dst, 0}, f.minute);
    Add(f, &v, limit);
    v.distinct.Add(Mix64(static_cast<uint64_t>(f.dst_port) + 1));
    v.AddPort(f.dst_port);
    ScanAgg& h = horizontal_.At(AddressKey{f.src, f.dst_port}, f.minute);
    Add(f, &h, limit);
    h.distinct.Add(HashAddress(f.dst));
    h.AddPort(f.dst_port);
  }

  void Absorb(Detector& worker, int64_t closed_until, uint64_t* late) override {
    auto& w = static_cast<PortScanDetector&>(worker);
    vertical_.Absorb(w.vertical_, closed_until, late);
    uint64_t twice = 0;  // each probe is in both tables: count it once
    horizontal_.Absorb(w.horizontal_, closed_until, &twice);
  }

  void Close(int64_t closed_until, int64_t /*watermark*/,
             FindingBook* book) override {
    vertical_.Close(
        closed_until,
        [&](const PairKey& k, ScanAgg& a, int64_t start) {
          if (a.decided ||
              a.distinct.Estimate() < static_cast<double>(config_.min_ports)) {
            return;
          }
          Decide(k.a, &k.b, -1, "vertical", &a, start, book);
        },
        [&](const PairKey& k, ScanAgg& a, int64_t) { Done(k.a, a, book); });
    horizontal_.Close(
        closed_until,
        [&](const AddressKey& k, ScanAgg& a, int64_t start) {
          if (a.decided ||
              a.distinct.Estimate() < static_cast<double>(config_.min_hosts)) {
            return;
          }
          Decide(k.a, nullptr, k.n, "horizontal", &a, start, book);
        },
        [&](const AddressKey& k, ScanAgg& a, int64_t) { Done(k.a, a, book); });
    while (!decided_.empty() &&
           decided_.begin()->first + vertical_.window() <= closed_until) {
      decided_.erase(decided_.begin());
    }
  }

  uint64_t dropped() const override {
    return vertical_.dropped() + horizontal_.dropped();
  }

 private:
  static void Add(const Flow& f, ScanAgg* a, size_t limit) {
    ++a->flows;
    a->totals.Add(f);
    if (a->direction == FlowDirection::kUnknown) a->direction = f.direction;
    if (a->protocol < 0) a->protocol = f.protocol;
    a->src_internal = f.src_internal;
    a->samples.OfferFirst(f, limit);
  }

  static std::string Key(const IpAddress& src) {
    return "port-scan|" + AddressText(src);
  }

  // A vertical scan names its target host; a horizontal one its port.
  void Decide(const IpAddress& src, const IpAddress* target, int port,
              std::string_view kind, ScanAgg* a, int64_t window_start,
              FindingBook* book) {
    a->decided = true;
    a->reported = a->totals;
    // One finding per source and window, whichever kind decides first.
    if (!decided_.emplace(window_start, AddressText(src)).second) return;
    a->amends = true;
    const bool actor = a->src_internal;
    Finding f =
        NewFinding(name(), "Recon:EC2/Portscan",
                   actor ? config_.severity_outbound : config_.severity_inbound,
                   a->totals);
    f.role = actor ? ResourceRole::kActor : ResourceRole::kTarget;
    f.direction = std::string(DirectionName(a->direction));
    f.protocol = a->protocol;
    const double n = a->distinct.Estimate();
    const std::string src_text = AddressText(src);
    const std::string target_text =
        target != nullptr ? AddressText(*target) : "";
    if (actor) {
      f.resource.address = src_text;
      f.remote.address = target_text;
    } else {
      f.remote.address = src_text;
      f.resource.address = target_text;
    }
    if (target != nullptr) {
      f.figures.insert(f.figures.begin(),
                       {"distinctPorts", n, a->distinct.approximate(), true});
      f.title =
          fmt::format("{} is scanning the ports of {}", src_text, target_text);
    } else {
      f.local_port = port;
      f.figures.insert(f.figures.begin(),
                       {"distinctHosts", n, a->distinct.approximate(), true});
      f.title =
          fmt::format("{} is scanning port {} across hosts", src_text, port);
    }
    f.details.emplace_back("scan", std::string(kind));
    std::string ports;
    for (const int p : a->ports) {
      if (!ports.empty()) ports += ',';
      ports += std::to_string(p);
    }
    f.details.emplace_back("samplePorts", ports);
    f.details.emplace_back("window",
                           fmt::format("{}/{}m", FormatIso8601(window_start),
                                       config_.window / 60));
    f.description = fmt::format(
        "{} is probing many {} in a short time (a {} port scan), to find "
        "open ports and the services behind them.",
        actor ? "An instance of yours, " + src_text + "," : src_text,
        target != nullptr ? "ports of " + target_text : "hosts on one port",
        kind);
    book->Report(Key(src), std::move(f), a->samples.samples());
  }

  static void Done(const IpAddress& src, ScanAgg& a, FindingBook* book) {
    if (!a.amends) return;
    AmendSince(book, Key(src), a.totals, a.reported);
  }

  DetectContext context_;
  const PortScanConfig& config_;
  AddressBlocks allow_;
  KeyedWindows<PairKey, ScanAgg> vertical_;
  KeyedWindows<AddressKey, ScanAgg> horizontal_;
  // (window, source) pairs that made a finding, while their window is open.
  std::set<std::pair<int64_t, std::string>> decided_;
};

}  // namespace

std::unique_ptr<Detector> NewPortScanDetector(const DetectContext& context) {
  return std::make_unique<PortScanDetector>(context);
}

}  // namespace flowmon::detect
