// Flow: the fields of one record the detectors read, parsed once per record,
// and FlowReader, which finds them by name in each input's format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/ip_address.h"
#include "flowmon/core/record.h"
#include "flowmon/core/schema.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon::detect {

enum class FlowAction : unsigned char { kUnknown, kAccept, kReject };
enum class FlowStatus : unsigned char { kOk, kNoData, kSkipData, kUnknown };
// Which way the flow crosses the boundary of your addresses, seen from the
// resource (the ENI that logged it).
enum class FlowDirection : unsigned char {
  kUnknown,   // neither side is yours, or the format cannot tell
  kInbound,   // from outside to yours
  kOutbound,  // from yours to outside
  kInternal,  // both sides yours
};

// Lifetime: the views point into the record and die with it.
struct Flow {
  int64_t time = 0;    // epoch seconds (the record-time rule)
  int64_t minute = 0;  // time, floored to a minute
  std::string_view line;
  uint64_t schema_id = 0;
  std::string_view resource;  // interface-id (or tgw-attachment-id); "" if none
  uint64_t resource_hash = 0;  // HashText(resource), for ResourceCache
  FlowStatus status = FlowStatus::kUnknown;
  bool has_addresses = false;  // both addresses parsed
  IpAddress src, dst;
  int src_port = -1, dst_port = -1, protocol = -1;
  uint64_t packets = 0, bytes = 0;
  FlowAction action = FlowAction::kUnknown;
  FlowDirection direction = FlowDirection::kUnknown;
  bool src_internal = false, dst_internal = false;
  // Which side is the resource's: 0 src, 1 dst, -1 unknown (flow-direction
  // when the format has it, else the side inside your addresses).
  int local_side = -1;
  bool tgw = false;  // resource is a tgw-attachment-id

  bool rejected() const { return action == FlowAction::kReject; }
  bool accepted() const { return action == FlowAction::kAccept; }
  // A reply's shape: from a well-known port to an ephemeral one. Probes and
  // attempts go the other way; replies are the other half of every
  // connection a flow log records.
  bool reply_shaped() const {
    return src_port >= 0 && src_port < 1024 && dst_port >= 1024;
  }
};

// Your address blocks: IPv4 and IPv6 (network, mask) pairs, tested without
// allocating.
class AddressBlocks {
 public:
  AddressBlocks() = default;
  explicit AddressBlocks(const std::vector<IpNetwork>& networks);
  bool Contains(const IpAddress& a) const;
  bool empty() const { return v4_.empty() && v6_.empty(); }

 private:
  struct V4 {
    uint32_t net, mask;
  };
  struct V6 {
    uint64_t net_hi, net_lo, mask_hi, mask_lo;
  };
  std::vector<V4> v4_;
  std::vector<V6> v6_;
};

// The field names a detector may need; FlowReader resolves them per format.
enum FlowField : unsigned {
  kSrcAddr = 1u << 0,
  kDstAddr = 1u << 1,
  kSrcPort = 1u << 2,
  kDstPort = 1u << 3,
  kProtocol = 1u << 4,
  kPackets = 1u << 5,
  kBytes = 1u << 6,
  kAction = 1u << 7,
  kLogStatus = 1u << 8,
  kResource = 1u << 9,  // interface-id or tgw-attachment-id
};
// "srcaddr", ... for notes; `field` is one bit.
std::string_view FlowFieldName(unsigned field);

class FlowReader {
 public:
  explicit FlowReader(AddressBlocks internal)
      : internal_(std::move(internal)) {}
  // Fills *flow from the record; false when the record has no time.
  bool Read(const Record& rec, const RecordContext& ctx, Flow* flow);
  // The FlowField bits the current format has (after a Read or Resolve).
  unsigned present() const { return present_; }
  void Resolve(const Schema& schema, uint64_t schema_id);

 private:
  AddressBlocks internal_;
  uint64_t schema_id_ = UINT64_MAX;
  unsigned present_ = 0;
  int srcaddr_ = -1, dstaddr_ = -1, srcport_ = -1, dstport_ = -1,
      protocol_ = -1, packets_ = -1, bytes_ = -1, action_ = -1,
      log_status_ = -1, resource_ = -1, direction_ = -1, start_ = -1;
  bool tgw_ = false;
};

// Splits a record line into its space-delimited fields (flow-log records
// have no quoting), for re-reading a sample record.
std::vector<std::string_view> SplitRecordLine(std::string_view line);

}  // namespace flowmon::detect
