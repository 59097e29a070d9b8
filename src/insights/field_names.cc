#include "insights/field_names.h"

#include <utility>

#include "flowmon/core/schema.h"

namespace flowmon::insights {

std::string_view FlowFieldFor(std::string_view insights) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"version", "version"},
      {"accountId", "account-id"},
      {"interfaceId", "interface-id"},
      {"srcAddr", "srcaddr"},
      {"dstAddr", "dstaddr"},
      {"srcPort", "srcport"},
      {"dstPort", "dstport"},
      {"protocol", "protocol"},
      {"packets", "packets"},
      {"bytes", "bytes"},
      {"start", "start"},
      {"end", "end"},
      // AWS's discovered names ("Supported logs and discovered fields");
      // start and end above stay as aliases.
      {"startTime", "start"},
      {"endTime", "end"},
      {"action", "action"},
      {"logStatus", "log-status"},
      {"vpcId", "vpc-id"},
      {"subnetId", "subnet-id"},
      {"instanceId", "instance-id"},
      {"tcpFlags", "tcp-flags"},
      {"type", "type"},
      {"pktSrcAddr", "pkt-srcaddr"},
      {"pktDstAddr", "pkt-dstaddr"},
      {"region", "region"},
      {"azId", "az-id"},
      {"flowDirection", "flow-direction"},
      {"trafficPath", "traffic-path"},
      {"rejectReason", "reject-reason"}};
  for (const auto& [i, f] : kNames) {
    if (i == insights) return f;
  }
  return FindFlowField(insights) != nullptr ? insights : std::string_view();
}

}  // namespace flowmon::insights
