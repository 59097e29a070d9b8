// Finding: one suspected security event `flowmon detect` reports, shaped
// after Amazon GuardDuty's findings (type, severity, resource, action,
// first and last seen, count) so that people who know GuardDuty read it at
// once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flowmon/core/human_text.h"  // ProtocolName, for findings
#include "flowmon/core/status.h"

namespace flowmon {

// GuardDuty's severity scale: Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9.
// flowmon uses 2, 5 and 8, the values GuardDuty gives most findings.
inline constexpr double kSeverityLow = 2;
inline constexpr double kSeverityMedium = 5;
inline constexpr double kSeverityHigh = 8;

// "Low", "Medium" or "High".
std::string_view SeverityLabel(double severity);
// "low", "medium", "high" (any case: the lowest value of the band) or a
// number from 1 to 8.9, as --fail-on takes it.
Result<double> ParseSeverity(std::string_view text);

// Which side of a flow the resource (the ENI whose flow log wrote the
// records) is: the target of the activity or its actor, as GuardDuty's
// service.resourceRole says.
enum class ResourceRole : unsigned char { kTarget, kActor };

// The resource the records came from, read from a sample record: what the
// format has of it (v2 has only the account and the ENI).
struct FindingResource {
  std::string account_id;
  std::string interface_id;  // or a Transit Gateway attachment
  std::string instance_id;
  std::string vpc_id;
  std::string subnet_id;
  std::string region;
  std::string az_id;
  std::string address;  // the resource's side of the flows (private IP)
  bool transit_gateway = false;  // interface_id is a tgw-attachment-id
  bool all = false;              // not one ENI: every record (the account's)
};

// The other side: an address, maybe a port, and who owns it when known
// (a blocklist's name, an AWS range from ip-ranges.json).
struct FindingRemote {
  std::string address;
  int port = -1;
  std::string organization;
};

// One of the ports of a PORT_PROBE action.
struct ProbedPort {
  int port = 0;
  std::string name;  // "Elasticsearch", or empty
  std::string remote;
};

// What a finding counts; figures marked approximate come from sketches
// (docs/detect.md).
struct FindingFigure {
  std::string name;  // camelCase, as in additionalInfo
  double value = 0;
  bool approximate = false;
  // A finding that goes on in later windows keeps the largest value of a
  // peak figure (distinct counts, per-minute values) and sums the others.
  bool peak = false;
};

struct Finding {
  std::string id;        // 32 hex digits, the same for the same input
  std::string detector;  // "port-scan", ...
  std::string type;      // "Recon:EC2/Portscan"
  double severity = kSeverityLow;
  std::string title;
  std::string description;
  FindingResource resource;
  ResourceRole role = ResourceRole::kTarget;
  // NETWORK_CONNECTION (with remote, local_port, protocol, direction,
  // blocked) or PORT_PROBE (with probes, blocked).
  bool port_probe = false;
  FindingRemote remote;
  int local_port = -1;
  std::string local_port_name;  // "SSH"
  int protocol = -1;            // IANA number; -1 when not one protocol
  std::string direction;        // INBOUND, OUTBOUND or UNKNOWN
  bool blocked = false;         // every record of it was REJECTed
  std::vector<ProbedPort> probes;
  int64_t first_seen = 0;  // epoch seconds
  int64_t last_seen = 0;
  // How many windows (or decisions) the finding aggregates, as GuardDuty's
  // service.count.
  uint64_t count = 1;
  std::vector<FindingFigure> figures;
  // Words about it for additionalInfo ("scan": "vertical").
  std::vector<std::pair<std::string, std::string>> details;
  std::vector<std::string> samples;  // a few of its records, verbatim

  // The figure called `name`, added when absent.
  FindingFigure& Figure(std::string_view name);
  // The figure's value, or 0.
  double FigureValue(std::string_view name) const;
};

// A figure's value as text: integers without a fraction or exponent.
std::string FigureText(double v);

}  // namespace flowmon
