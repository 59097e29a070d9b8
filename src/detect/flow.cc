#include "detect/flow.h"

#include <algorithm>
#include <cstring>

#include "detect/hash.h"
#include "flowmon/core/record_time.h"

namespace flowmon::detect {
namespace {

uint32_t V4Bits(const IpAddress& a) {
  return (uint32_t{a.bytes[0]} << 24) | (uint32_t{a.bytes[1]} << 16) |
         (uint32_t{a.bytes[2]} << 8) | uint32_t{a.bytes[3]};
}

uint64_t Half(const IpAddress& a, size_t from) {
  uint64_t v = 0;
  for (size_t i = from; i < from + 8; ++i) v = (v << 8) | a.bytes[i];
  return v;
}

uint64_t MaskBits(int prefix) {
  if (prefix <= 0) return 0;
  if (prefix >= 64) return ~uint64_t{0};
  return ~uint64_t{0} << (64 - prefix);
}

// Decimal digits as an integer; -1 for "-" or anything else.
int64_t ParseInt(std::string_view s) {
  if (s.empty() || s.size() > 18) return -1;
  int64_t v = 0;
  for (const char c : s) {
    const unsigned d = static_cast<unsigned char>(c) - '0';
    if (d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

// A dotted quad as inet_pton reads one (four decimal octets up to 255, no
// leading zeros), without its copy and strlen: this runs twice per record.
bool ParseV4(std::string_view s, IpAddress* out) {
  if (s.size() < 7 || s.size() > 15) return false;
  size_t i = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
    const size_t begin = i;
    unsigned v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - begin < 3) {
      v = v * 10 + static_cast<unsigned>(s[i] - '0');
      ++i;
    }
    const size_t digits = i - begin;
    if (digits == 0 || v > 255 || (digits > 1 && s[begin] == '0')) return false;
    out->bytes[static_cast<size_t>(part)] = static_cast<uint8_t>(v);
  }
  if (i != s.size()) return false;
  out->family = IpAddress::Family::kV4;
  std::fill(out->bytes.begin() + 4, out->bytes.end(), 0);
  return true;
}

bool ParseAddress(std::string_view s, IpAddress* out) {
  if (ParseV4(s, out)) return true;
  const std::optional<IpAddress> a = IpAddress::Parse(s);
  if (!a) return false;
  *out = *a;
  return true;
}

std::string_view At(const Record& rec, int index) {
  return index >= 0 && static_cast<size_t>(index) < rec.size
             ? rec.fields[static_cast<size_t>(index)]
             : std::string_view();
}

}  // namespace

AddressBlocks::AddressBlocks(const std::vector<IpNetwork>& networks) {
  for (const IpNetwork& n : networks) {
    if (n.address.family == IpAddress::Family::kV4) {
      const uint32_t mask = n.prefix == 0 ? 0 : ~uint32_t{0} << (32 - n.prefix);
      v4_.push_back({V4Bits(n.address) & mask, mask});
    } else {
      const uint64_t hi = MaskBits(n.prefix), lo = MaskBits(n.prefix - 64);
      v6_.push_back({Half(n.address, 0) & hi, Half(n.address, 8) & lo, hi, lo});
    }
  }
}

bool AddressBlocks::Contains(const IpAddress& a) const {
  if (a.family == IpAddress::Family::kV4) {
    const uint32_t bits = V4Bits(a);
    for (const V4& n : v4_) {
      if ((bits & n.mask) == n.net) return true;
    }
    return false;
  }
  if (v6_.empty()) return false;
  const uint64_t hi = Half(a, 0), lo = Half(a, 8);
  for (const V6& n : v6_) {
    if ((hi & n.mask_hi) == n.net_hi && (lo & n.mask_lo) == n.net_lo) {
      return true;
    }
  }
  return false;
}

std::string_view FlowFieldName(unsigned field) {
  switch (field) {
    case kSrcAddr:
      return "srcaddr";
    case kDstAddr:
      return "dstaddr";
    case kSrcPort:
      return "srcport";
    case kDstPort:
      return "dstport";
    case kProtocol:
      return "protocol";
    case kPackets:
      return "packets";
    case kBytes:
      return "bytes";
    case kAction:
      return "action";
    case kLogStatus:
      return "log-status";
    case kResource:
      return "interface-id";
  }
  return "";
}

void FlowReader::Resolve(const Schema& schema, uint64_t schema_id) {
  schema_id_ = schema_id;
  srcaddr_ = schema.IndexOf("srcaddr");
  dstaddr_ = schema.IndexOf("dstaddr");
  srcport_ = schema.IndexOf("srcport");
  dstport_ = schema.IndexOf("dstport");
  protocol_ = schema.IndexOf("protocol");
  packets_ = schema.IndexOf("packets");
  bytes_ = schema.IndexOf("bytes");
  action_ = schema.IndexOf("action");
  log_status_ = schema.IndexOf("log-status");
  resource_ = schema.IndexOf("interface-id");
  tgw_ = false;
  if (resource_ < 0) {
    resource_ = schema.IndexOf("tgw-attachment-id");
    tgw_ = resource_ >= 0;
  }
  direction_ = schema.IndexOf("flow-direction");
  start_ = schema.start_index();
  present_ = 0;
  const std::pair<int, unsigned> fields[] = {
      {srcaddr_, kSrcAddr},  {dstaddr_, kDstAddr},   {srcport_, kSrcPort},
      {dstport_, kDstPort},  {protocol_, kProtocol}, {packets_, kPackets},
      {bytes_, kBytes},      {action_, kAction},     {log_status_, kLogStatus},
      {resource_, kResource}};
  for (const auto& [index, bit] : fields) {
    if (index >= 0) present_ |= bit;
  }
}

bool FlowReader::Read(const Record& rec, const RecordContext& ctx, Flow* f) {
  if (ctx.schema_id != schema_id_ || ctx.schema_id == 0) {
    if (ctx.schema == nullptr) return false;
    Resolve(*ctx.schema, ctx.schema_id);
  }
  const std::optional<int64_t> ms =
      RecordTimeMs(rec.timestamp_ms, At(rec, start_));
  if (!ms) return false;
  f->time = FloorSeconds(*ms);
  f->minute = f->time - ((f->time % 60) + 60) % 60;
  f->line = rec.line;
  f->schema_id = ctx.schema_id;
  f->resource = At(rec, resource_);
  if (f->resource == "-") f->resource = std::string_view();
  f->resource_hash = f->resource.empty() ? 0 : HashText(f->resource);
  f->tgw = tgw_;
  const std::string_view status = At(rec, log_status_);
  f->status = status == "OK"         ? FlowStatus::kOk
              : status == "NODATA"   ? FlowStatus::kNoData
              : status == "SKIPDATA" ? FlowStatus::kSkipData
              : log_status_ < 0      ? FlowStatus::kOk
                                     : FlowStatus::kUnknown;
  const std::string_view action = At(rec, action_);
  f->action = action == "ACCEPT"   ? FlowAction::kAccept
              : action == "REJECT" ? FlowAction::kReject
                                   : FlowAction::kUnknown;
  f->src_port = static_cast<int>(ParseInt(At(rec, srcport_)));
  f->dst_port = static_cast<int>(ParseInt(At(rec, dstport_)));
  f->protocol = static_cast<int>(ParseInt(At(rec, protocol_)));
  const int64_t packets = ParseInt(At(rec, packets_));
  const int64_t bytes = ParseInt(At(rec, bytes_));
  f->packets = packets < 0 ? 0 : static_cast<uint64_t>(packets);
  f->bytes = bytes < 0 ? 0 : static_cast<uint64_t>(bytes);
  f->has_addresses = false;
  f->direction = FlowDirection::kUnknown;
  f->local_side = -1;
  const std::string_view src = At(rec, srcaddr_), dst = At(rec, dstaddr_);
  if (src.empty() || dst.empty() || src == "-" || dst == "-") return true;
  if (!ParseAddress(src, &f->src) || !ParseAddress(dst, &f->dst)) return true;
  f->has_addresses = true;
  f->src_internal = internal_.Contains(f->src);
  f->dst_internal = internal_.Contains(f->dst);
  const std::string_view way = At(rec, direction_);
  if (way == "ingress") {
    f->local_side = 1;
  } else if (way == "egress") {
    f->local_side = 0;
  } else if (f->src_internal != f->dst_internal) {
    f->local_side = f->src_internal ? 0 : 1;
  }
  if (f->src_internal && f->dst_internal) {
    f->direction = FlowDirection::kInternal;
  } else if (f->local_side == 1 && !f->src_internal) {
    f->direction = FlowDirection::kInbound;
  } else if (f->local_side == 0 && !f->dst_internal) {
    f->direction = FlowDirection::kOutbound;
  }
  return true;
}

std::vector<std::string_view> SplitRecordLine(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && line[pos] == ' ') ++pos;
    if (pos >= line.size()) break;
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    out.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

}  // namespace flowmon::detect
