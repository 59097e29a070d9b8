// Detectors that report the first contact of a kind between two addresses:
//   blocklist          UnauthorizedAccess:EC2/MaliciousIPCaller.Custom:
//                      traffic to or from an address of a --blocklist
//   unusual-protocol   Behavior:EC2/NetworkProtocolUnusual: a protocol
//                      outside the usual ones (ICMP, TCP, UDP, ICMPv6)
// Both key (remote, local, number) per window and decide on the first flow;
// the finding then aggregates the pair's traffic.
#include <fmt/format.h>

#include <bitset>

#include "detect/finding_book.h"
#include "detect/flow_totals.h"
#include "detect/keyed_windows.h"

namespace flowmon::detect {
namespace {

struct ContactAgg {
  uint64_t flows = 0;
  bool changed = false, decided = false;
  FlowTotals totals, reported;
  FlowDirection direction = FlowDirection::kUnknown;
  bool remote_is_src = false;
  SampleSet samples;

  void Merge(ContactAgg&& o, size_t limit) {
    if (flows == 0) remote_is_src = o.remote_is_src;
    flows += o.flows;
    totals.Merge(o.totals);
    if (direction == FlowDirection::kUnknown) direction = o.direction;
    samples.Merge(std::move(o.samples), limit, false);
  }
};

class ContactDetector : public Detector {
 public:
  ContactDetector(const DetectContext& c, int64_t window)
      : context_(c), contacts_(window, *c.config) {}

  void Observe(const Flow& f) override {
    PairKey key;
    bool remote_is_src = false;
    if (!f.has_addresses || !Match(f, &key, &remote_is_src)) return;
    ContactAgg& a = contacts_.At(key, f.minute);
    // Who started it: the pair's first record says.
    if (a.flows == 0) a.remote_is_src = remote_is_src;
    ++a.flows;
    a.totals.Add(f);
    if (a.direction == FlowDirection::kUnknown) a.direction = f.direction;
    a.samples.OfferFirst(f, static_cast<size_t>(context_.config->samples));
  }

  void Absorb(Detector& worker, int64_t closed_until, uint64_t* late) override {
    contacts_.Absorb(static_cast<ContactDetector&>(worker).contacts_,
                     closed_until, late);
  }

  void Close(int64_t closed_until, int64_t /*watermark*/,
             FindingBook* book) override {
    contacts_.Close(
        closed_until,
        [&](const PairKey& k, ContactAgg& a, int64_t) {
          if (a.decided) return;
          a.decided = true;
          a.reported = a.totals;
          Finding f = NewFinding(name(), "", 0, a.totals);
          f.direction = std::string(DirectionName(a.direction));
          f.remote.address = AddressText(k.a);
          f.resource.address = AddressText(k.b);
          // The resource is the actor when it started the contact.
          f.role =
              a.remote_is_src ? ResourceRole::kTarget : ResourceRole::kActor;
          Describe(k, a, &f);
          book->Report(Key(k), std::move(f), a.samples.samples());
        },
        [&](const PairKey& k, ContactAgg& a, int64_t) {
          if (!a.decided) return;
          AmendSince(book, Key(k), a.totals, a.reported);
        });
  }

  uint64_t dropped() const override { return contacts_.dropped(); }

 protected:
  // Whether the flow is one to report; *key is (remote, local, number).
  virtual bool Match(const Flow& f, PairKey* key, bool* remote_is_src) = 0;
  // Fills the finding's type, severity, title and description.
  virtual void Describe(const PairKey& k, const ContactAgg& a,
                        Finding* f) const = 0;
  std::string Key(const PairKey& k) const {
    return fmt::format("{}|{}|{}|{}", name(), AddressText(k.a),
                       AddressText(k.b), k.n);
  }

  DetectContext context_;

 private:
  KeyedWindows<PairKey, ContactAgg> contacts_;
};

// The list's name for an address, from the blocklists or AWS's ranges.
std::string Organization(const DetectContext& c, const IpAddress& a) {
  const std::string* name = c.aws != nullptr ? c.aws->Find(a) : nullptr;
  return name != nullptr ? *name : "";
}

class BlocklistDetector : public ContactDetector {
 public:
  explicit BlocklistDetector(const DetectContext& c)
      : ContactDetector(c, c.config->blocklist.window) {}
  std::string_view name() const override { return "blocklist"; }
  unsigned needs() const override { return kSrcAddr | kDstAddr; }
  std::unique_ptr<Detector> NewWorker() const override {
    return std::make_unique<BlocklistDetector>(context_);
  }

 protected:
  bool Match(const Flow& f, PairKey* key, bool* remote_is_src) override {
    const AddressList* list = context_.blocklist;
    if (list == nullptr || list->empty()) return false;
    if (list->Find(f.src) != nullptr) {
      *key = {f.src, f.dst, 0};
      *remote_is_src = true;
      return true;
    }
    if (list->Find(f.dst) != nullptr) {
      *key = {f.dst, f.src, 0};
      *remote_is_src = false;
      return true;
    }
    return false;
  }
  void Describe(const PairKey& k, const ContactAgg& a,
                Finding* f) const override {
    f->type = "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom";
    f->severity = context_.config->blocklist.severity;
    const std::string* list = context_.blocklist->Find(k.a);
    f->remote.organization = list != nullptr ? *list : "";
    f->details.emplace_back("list", f->remote.organization);
    const std::string remote = AddressText(k.a), local = AddressText(k.b);
    f->title = a.remote_is_src ? fmt::format("{} (on {}) reached {}", remote,
                                             f->remote.organization, local)
                               : fmt::format("{} contacted {} (on {})", local,
                                             remote, f->remote.organization);
    f->description =
        fmt::format("{} exchanged traffic with {}, an address on your list {}.",
                    local, remote, f->remote.organization);
  }
};

class UnusualProtocolDetector : public ContactDetector {
 public:
  explicit UnusualProtocolDetector(const DetectContext& c)
      : ContactDetector(c, c.config->unusual_protocol.window) {
    for (const int p : c.config->unusual_protocol.allow) {
      if (p >= 0 && p < 256) usual_.set(static_cast<size_t>(p));
    }
  }
  std::string_view name() const override { return "unusual-protocol"; }
  unsigned needs() const override { return kSrcAddr | kDstAddr | kProtocol; }
  std::unique_ptr<Detector> NewWorker() const override {
    return std::make_unique<UnusualProtocolDetector>(context_);
  }

 protected:
  bool Match(const Flow& f, PairKey* key, bool* remote_is_src) override {
    if (f.protocol < 0 || f.protocol > 255 ||
        usual_.test(static_cast<size_t>(f.protocol))) {
      return false;
    }
    // The remote side: the one that is not the resource's (the source when
    // neither is known to be).
    *remote_is_src = f.local_side != 0;
    *key = *remote_is_src ? PairKey{f.src, f.dst, f.protocol}
                          : PairKey{f.dst, f.src, f.protocol};
    return true;
  }
  void Describe(const PairKey& k, const ContactAgg& a,
                Finding* f) const override {
    f->type = "Behavior:EC2/NetworkProtocolUnusual";
    f->severity = context_.config->unusual_protocol.severity;
    f->protocol = k.n;
    f->remote.organization = Organization(context_, k.a);
    const std::string remote = AddressText(k.a), local = AddressText(k.b);
    const std::string proto = ProtocolName(k.n);
    f->title = fmt::format("{} {} {} over protocol {}", local,
                           a.remote_is_src ? "received from" : "sent to",
                           remote, proto);
    f->description = fmt::format(
        "Traffic between {} and {} used protocol {}, which is not one your "
        "instances usually use.",
        local, remote, proto);
  }

 private:
  std::bitset<256> usual_;
};

}  // namespace

std::unique_ptr<Detector> NewBlocklistDetector(const DetectContext& context) {
  return std::make_unique<BlocklistDetector>(context);
}

std::unique_ptr<Detector> NewUnusualProtocolDetector(
    const DetectContext& context) {
  return std::make_unique<UnusualProtocolDetector>(context);
}

}  // namespace flowmon::detect
