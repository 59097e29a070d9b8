// Recon:EC2/PortProbeUnprotectedPort: traffic from outside that was
// ACCEPTed on a port that should not be reachable from the internet
// (databases, caches, admin consoles). GuardDuty fires when known scanners
// probe such a port; without a threat feed, any outside source counts, so
// a service meant to be public on such a port belongs in allow-targets.
#include <fmt/format.h>

#include "detect/distinct_counter.h"
#include "detect/finding_book.h"
#include "detect/flow_totals.h"
#include "detect/keyed_windows.h"

namespace flowmon::detect {
namespace {

struct ProbeAgg {
  uint64_t flows = 0;
  bool changed = false, decided = false;
  FlowTotals totals, reported;
  DistinctCounter remotes;
  std::vector<IpAddress> first_remotes;  // up to 10, exactly
  int protocol = -1;
  SampleSet samples;

  void AddRemote(const IpAddress& a) {
    if (first_remotes.size() < 10 &&
        std::find(first_remotes.begin(), first_remotes.end(), a) ==
            first_remotes.end()) {
      first_remotes.push_back(a);
    }
  }
  void Merge(ProbeAgg&& o, size_t limit) {
    flows += o.flows;
    totals.Merge(o.totals);
    remotes.Merge(o.remotes);
    for (const IpAddress& a : o.first_remotes) AddRemote(a);
    if (protocol < 0) protocol = o.protocol;
    samples.Merge(std::move(o.samples), limit, false);
  }
};

class PortProbeDetector : public Detector {
 public:
  explicit PortProbeDetector(const DetectContext& c)
      : context_(c),
        config_(c.config->port_probe),
        allow_(config_.allow),
        allow_targets_(config_.allow_targets),
        port_index_(PortIndex(config_.ports)),
        probes_(config_.window, *c.config) {}

  std::string_view name() const override { return "port-probe"; }
  unsigned needs() const override {
    return kSrcAddr | kDstAddr | kDstPort | kProtocol | kAction;
  }
  std::unique_ptr<Detector> NewWorker() const override {
    return std::make_unique<PortProbeDetector>(context_);
  }

  void Observe(const Flow& f) override {
    if (!f.accepted() || f.direction != FlowDirection::kInbound ||
        (f.protocol != 6 && f.protocol != 17) || f.dst_port < 0 ||
        f.dst_port > 65535 ||
        port_index_[static_cast<size_t>(f.dst_port)] < 0 ||
        allow_.Contains(f.src) || allow_targets_.Contains(f.dst)) {
      return;
    }
    ProbeAgg& a = probes_.At(AddressKey{f.dst, f.dst_port}, f.minute);
    ++a.flows;
    a.totals.Add(f);
    a.remotes.Add(HashAddress(f.src));
    a.AddRemote(f.src);
    if (a.protocol < 0) a.protocol = f.protocol;
    a.samples.OfferFirst(f, static_cast<size_t>(context_.config->samples));
  }

  void Absorb(Detector& worker, int64_t closed_until, uint64_t* late) override {
    probes_.Absorb(static_cast<PortProbeDetector&>(worker).probes_,
                   closed_until, late);
  }

  void Close(int64_t closed_until, int64_t /*watermark*/,
             FindingBook* book) override {
    probes_.Close(
        closed_until,
        [&](const AddressKey& k, ProbeAgg& a, int64_t) {
          if (!a.decided) Decide(k, &a, book);
        },
        [&](const AddressKey& k, ProbeAgg& a, int64_t) {
          if (!a.decided) return;
          AmendSince(book, Key(k), a.totals, a.reported,
                     {{"distinctSources", a.remotes.Estimate(),
                       a.remotes.approximate(), true}});
        });
  }

  uint64_t dropped() const override { return probes_.dropped(); }

 private:
  static std::string Key(const AddressKey& k) {
    return fmt::format("port-probe|{}|{}", AddressText(k.a), k.n);
  }

  void Decide(const AddressKey& k, ProbeAgg* a, FindingBook* book) {
    a->decided = true;
    a->reported = a->totals;
    const NamedPort& port =
        config_
            .ports[static_cast<size_t>(port_index_[static_cast<size_t>(k.n)])];
    const bool high =
        std::find(config_.high_ports.begin(), config_.high_ports.end(), k.n) !=
        config_.high_ports.end();
    Finding f =
        NewFinding(name(), "Recon:EC2/PortProbeUnprotectedPort",
                   high ? config_.severity_high : config_.severity, a->totals);
    f.port_probe = true;
    f.blocked = false;
    f.role = ResourceRole::kTarget;
    f.direction = "INBOUND";
    f.protocol = a->protocol;
    f.local_port = k.n;
    f.local_port_name = port.name;
    f.resource.address = AddressText(k.a);
    f.remote.address = AddressText(a->first_remotes.front());
    for (const IpAddress& r : a->first_remotes) {
      f.probes.push_back({k.n, port.name, AddressText(r)});
    }
    f.figures.insert(f.figures.begin(),
                     {"distinctSources", a->remotes.Estimate(),
                      a->remotes.approximate(), true});
    const std::string what = port.name.empty()
                                 ? fmt::format("port {}", k.n)
                                 : fmt::format("port {} ({})", k.n, port.name);
    f.title = fmt::format("{} reached {} of {}", f.remote.address, what,
                          f.resource.address);
    f.description = fmt::format(
        "{} of {} is open to the internet: {} accepted it. Nothing should "
        "reach it from outside unless you mean to expose it.",
        what, f.resource.address, f.remote.address);
    book->Report(Key(k), std::move(f), a->samples.samples());
  }

  DetectContext context_;
  const PortProbeConfig& config_;
  AddressBlocks allow_, allow_targets_;
  std::vector<int> port_index_;
  KeyedWindows<AddressKey, ProbeAgg> probes_;
};

}  // namespace

std::unique_ptr<Detector> NewPortProbeDetector(const DetectContext& context) {
  return std::make_unique<PortProbeDetector>(context);
}

}  // namespace flowmon::detect
