// FlowTotals: what every detector counts of the records of one key, and the
// parts of a finding that come from it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "detect/flow.h"
#include "flowmon/detect/finding.h"

namespace flowmon::detect {

struct FlowTotals {
  uint64_t flows = 0, accepted = 0, rejected = 0, packets = 0, bytes = 0;
  int64_t first = INT64_MAX, last = INT64_MIN;

  void Add(const Flow& f) {
    ++flows;
    accepted += f.accepted() ? 1 : 0;
    rejected += f.rejected() ? 1 : 0;
    packets += f.packets;
    bytes += f.bytes;
    first = std::min(first, f.time);
    last = std::max(last, f.time);
  }
  void Merge(const FlowTotals& o) {
    flows += o.flows;
    accepted += o.accepted;
    rejected += o.rejected;
    packets += o.packets;
    bytes += o.bytes;
    first = std::min(first, o.first);
    last = std::max(last, o.last);
  }
  // The counts gathered since `before` was taken (first and last are this
  // one's).
  FlowTotals Since(const FlowTotals& before) const {
    FlowTotals d = *this;
    d.flows -= before.flows;
    d.accepted -= before.accepted;
    d.rejected -= before.rejected;
    d.packets -= before.packets;
    d.bytes -= before.bytes;
    return d;
  }
  // flows, accepted, rejected, packets and bytes as figures.
  std::vector<FindingFigure> Figures() const {
    return {{"flows", static_cast<double>(flows)},
            {"accepted", static_cast<double>(accepted)},
            {"rejected", static_cast<double>(rejected)},
            {"packets", static_cast<double>(packets)},
            {"bytes", static_cast<double>(bytes)}};
  }
};

// The parts every finding takes from its totals: detector, type, severity,
// first and last seen, blocked and the figures.
inline Finding NewFinding(std::string_view detector, std::string type,
                          double severity, const FlowTotals& t) {
  Finding f;
  f.detector = std::string(detector);
  f.type = std::move(type);
  f.severity = severity;
  f.first_seen = t.first;
  f.last_seen = t.last;
  f.blocked = t.flows > 0 && t.accepted == 0 && t.rejected > 0;
  f.figures = t.Figures();
  return f;
}

}  // namespace flowmon::detect
