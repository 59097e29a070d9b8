// UnauthorizedAccess:EC2/SSHBruteForce, .../RDPBruteForce (and a name per
// configured port): many short TCP flows from one source to a login port of
// one host within a window. A flow of more than max-packets is a session, not
// an attempt, so a bastion's users never count however many there are.
#include <fmt/format.h>

#include "detect/finding_book.h"
#include "detect/flow_totals.h"
#include "detect/keyed_windows.h"
#include "flowmon/core/time_util.h"

namespace flowmon::detect {
namespace {

struct AttemptAgg {
  uint64_t flows = 0;
  bool changed = false, decided = false;
  bool src_internal = false;
  FlowDirection direction = FlowDirection::kUnknown;
  FlowTotals totals, reported;
  SampleSet samples;

  void Merge(AttemptAgg&& o, size_t limit) {
    flows += o.flows;
    totals.Merge(o.totals);
    src_internal = src_internal || o.src_internal;
    if (direction == FlowDirection::kUnknown) direction = o.direction;
    samples.Merge(std::move(o.samples), limit, false);
  }
};

class BruteForceDetector : public Detector {
 public:
  explicit BruteForceDetector(const DetectContext& c)
      : context_(c),
        config_(c.config->brute_force),
        allow_(config_.allow),
        port_index_(PortIndex(config_.ports)),
        attempts_(config_.window, *c.config) {}

  std::string_view name() const override { return "brute-force"; }
  unsigned needs() const override {
    return kSrcAddr | kDstAddr | kDstPort | kProtocol | kPackets;
  }
  std::unique_ptr<Detector> NewWorker() const override {
    return std::make_unique<BruteForceDetector>(context_);
  }

  void Observe(const Flow& f) override {
    if (f.protocol != 6 || f.dst_port < 0 || f.dst_port > 65535 ||
        port_index_[static_cast<size_t>(f.dst_port)] < 0 || !f.has_addresses ||
        f.packets > static_cast<uint64_t>(config_.max_packets) ||
        allow_.Contains(f.src)) {
      return;
    }
    AttemptAgg& a = attempts_.At(PairKey{f.src, f.dst, f.dst_port}, f.minute);
    ++a.flows;
    a.totals.Add(f);
    a.src_internal = a.src_internal || f.src_internal;
    if (a.direction == FlowDirection::kUnknown) a.direction = f.direction;
    a.samples.OfferFirst(f, static_cast<size_t>(context_.config->samples));
  }

  void Absorb(Detector& worker, int64_t closed_until, uint64_t* late) override {
    attempts_.Absorb(static_cast<BruteForceDetector&>(worker).attempts_,
                     closed_until, late);
  }

  void Close(int64_t closed_until, int64_t /*watermark*/,
             FindingBook* book) override {
    attempts_.Close(
        closed_until,
        [&](const PairKey& k, AttemptAgg& a, int64_t start) {
          if (a.decided ||
              a.flows < static_cast<uint64_t>(config_.min_attempts)) {
            return;
          }
          Decide(k, &a, start, book);
        },
        [&](const PairKey& k, AttemptAgg& a, int64_t) {
          if (!a.decided) return;
          AmendSince(book, Key(k), a.totals, a.reported);
        });
  }

  uint64_t dropped() const override { return attempts_.dropped(); }

 private:
  const NamedPort& Port(int port) const {
    return config_
        .ports[static_cast<size_t>(port_index_[static_cast<size_t>(port)])];
  }
  std::string Type(int port) const {
    return "UnauthorizedAccess:EC2/" + Port(port).name + "BruteForce";
  }
  std::string Key(const PairKey& k) const {
    return fmt::format("brute-force|{}|{}|{}", k.n, AddressText(k.a),
                       AddressText(k.b));
  }

  void Decide(const PairKey& k, AttemptAgg* a, int64_t window_start,
              FindingBook* book) {
    a->decided = true;
    a->reported = a->totals;
    const bool actor = a->src_internal;
    const uint64_t accepted = a->totals.accepted;
    const double severity = actor          ? config_.severity_actor
                            : accepted > 0 ? config_.severity_accepted
                                           : config_.severity_target;
    Finding f = NewFinding(name(), Type(k.n), severity, a->totals);
    f.blocked = accepted == 0;
    f.role = actor ? ResourceRole::kActor : ResourceRole::kTarget;
    f.direction = std::string(DirectionName(a->direction));
    f.protocol = 6;
    f.local_port = k.n;
    f.local_port_name = Port(k.n).name;
    const std::string src = AddressText(k.a), dst = AddressText(k.b);
    f.remote.address = actor ? dst : src;
    f.resource.address = actor ? src : dst;
    f.figures.insert(f.figures.begin(),
                     {"attempts", static_cast<double>(a->totals.flows)});
    f.details.emplace_back("window",
                           fmt::format("{}/{}m", FormatIso8601(window_start),
                                       config_.window / 60));
    f.title = fmt::format("{} is brute-forcing {} on {}", src,
                          f.local_port_name, dst);
    f.description = fmt::format(
        "{} is making many short connections to port {} of {}: a brute "
        "force attack on {} logins{}.",
        src, k.n, dst, f.local_port_name,
        actor ? "; the attacker is an instance of yours" : "");
    book->Report(Key(k), std::move(f), a->samples.samples());
  }

  DetectContext context_;
  const BruteForceConfig& config_;
  AddressBlocks allow_;
  std::vector<int> port_index_;  // port -> index in config_.ports, or -1
  KeyedWindows<PairKey, AttemptAgg> attempts_;
};

}  // namespace

std::unique_ptr<Detector> NewBruteForceDetector(const DetectContext& context) {
  return std::make_unique<BruteForceDetector>(context);
}

}  // namespace flowmon::detect
