#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "flowmon/gen/output.h"

namespace flowmon::gen {
namespace {

void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

}  // namespace

RecordFormatter::RecordFormatter(const Schema& schema,
                                 const std::vector<GenHost>& hosts,
                                 const GenConfig& config)
    : hosts_(&hosts), account_(config.account), region_(config.region) {
  for (size_t i = 0; i < schema.size(); ++i) {
    columns_.push_back(&schema.column(i));
    codes_.push_back(CodeOf(schema.column(i).name));
    version_ = std::max(version_, schema.column(i).version);
  }
}

std::string RecordFormatter::HeaderLine() const {
  std::string line;
  for (const FlowField* f : columns_) {
    if (!line.empty()) line += ' ';
    line += f->name;
  }
  return line;
}

void RecordFormatter::Append(const GenRecord& r, std::string* out) const {
  const GenHost& h = (*hosts_)[r.host];
  const bool ok = r.status == GenRecord::Status::kOk;
  for (size_t i = 0; i < codes_.size(); ++i) {
    if (i > 0) out->push_back(' ');
    const Column c = codes_[i];
    switch (c) {
      case Column::kVersion:
        AppendInt(version_, out);
        continue;
      case Column::kAccount:
        out->append(account_);
        continue;
      case Column::kInterface:
        out->append(h.eni);
        continue;
      case Column::kStart:
        AppendInt(r.start, out);
        continue;
      case Column::kEnd:
        AppendInt(r.end, out);
        continue;
      case Column::kLogStatus:
        out->append(r.status == GenRecord::Status::kOk       ? "OK"
                    : r.status == GenRecord::Status::kNoData ? "NODATA"
                                                             : "SKIPDATA");
        continue;
      case Column::kVpc:
        out->append(h.vpc);
        continue;
      case Column::kSubnet:
        out->append(h.subnet);
        continue;
      case Column::kInstance:
        out->append(h.instance);
        continue;
      case Column::kRegion:
        out->append(region_);
        continue;
      case Column::kAz:
        out->append(h.az_id);
        continue;
      case Column::kResourceType:
        out->append("TransitGateway");
        continue;
      case Column::kTgw:
        out->append("tgw-0a1b2c3d4e5f60000");
        continue;
      case Column::kTgwAttachment:
        out->append("tgw-attach-0");
        out->append(std::string_view(h.vpc).substr(5));
        continue;
      case Column::kPacketsLost:
        out->push_back('0');
        continue;
      default:
        break;
    }
    if (!ok) {  // NODATA and SKIPDATA records have nothing else
      out->push_back('-');
      continue;
    }
    switch (c) {
      case Column::kSrcAddr:
        r.src.AppendTo(out);
        break;
      case Column::kDstAddr:
        r.dst.AppendTo(out);
        break;
      case Column::kSrcPort:
        AppendInt(r.src_port, out);
        break;
      case Column::kDstPort:
        AppendInt(r.dst_port, out);
        break;
      case Column::kProtocol:
        AppendInt(r.protocol, out);
        break;
      case Column::kPackets:
        AppendInt(static_cast<int64_t>(r.packets), out);
        break;
      case Column::kBytes:
        AppendInt(static_cast<int64_t>(r.bytes), out);
        break;
      case Column::kAction:
        out->append(r.action == GenRecord::Action::kAccept ? "ACCEPT"
                                                           : "REJECT");
        break;
      case Column::kTcpFlags:
        AppendInt(r.protocol == 6 ? r.tcp_flags : 0, out);
        break;
      case Column::kType:
        out->append(r.src.family == IpAddress::Family::kV4 ? "IPv4" : "IPv6");
        break;
      case Column::kDirection:
        out->append(r.ingress ? "ingress" : "egress");
        break;
      case Column::kTrafficPath:
        // Egress only: 1 within the VPC, 8 through an internet gateway.
        if (r.ingress) {
          out->push_back('-');
        } else {
          const bool vpc =
              r.dst.family == IpAddress::Family::kV4 && r.dst.bytes[0] == 10;
          out->push_back(vpc ? '1' : '8');
        }
        break;
      default:
        out->push_back('-');
    }
  }
}

RecordFormatter::Column RecordFormatter::CodeOf(std::string_view n) {
  static constexpr std::pair<std::string_view, Column> kCodes[] = {
      {"version", Column::kVersion},
      {"account-id", Column::kAccount},
      {"tgw-src-vpc-account-id", Column::kAccount},
      {"tgw-dst-vpc-account-id", Column::kAccount},
      {"interface-id", Column::kInterface},
      {"start", Column::kStart},
      {"end", Column::kEnd},
      {"log-status", Column::kLogStatus},
      {"vpc-id", Column::kVpc},
      {"tgw-src-vpc-id", Column::kVpc},
      {"tgw-dst-vpc-id", Column::kVpc},
      {"subnet-id", Column::kSubnet},
      {"tgw-src-subnet-id", Column::kSubnet},
      {"tgw-dst-subnet-id", Column::kSubnet},
      {"instance-id", Column::kInstance},
      {"region", Column::kRegion},
      {"az-id", Column::kAz},
      {"tgw-src-az-id", Column::kAz},
      {"tgw-dst-az-id", Column::kAz},
      {"resource-type", Column::kResourceType},
      {"tgw-id", Column::kTgw},
      {"tgw-attachment-id", Column::kTgwAttachment},
      {"packets-lost-no-route", Column::kPacketsLost},
      {"packets-lost-blackhole", Column::kPacketsLost},
      {"packets-lost-mtu-exceeded", Column::kPacketsLost},
      {"packets-lost-ttl-expired", Column::kPacketsLost},
      {"srcaddr", Column::kSrcAddr},
      {"pkt-srcaddr", Column::kSrcAddr},
      {"dstaddr", Column::kDstAddr},
      {"pkt-dstaddr", Column::kDstAddr},
      {"srcport", Column::kSrcPort},
      {"dstport", Column::kDstPort},
      {"protocol", Column::kProtocol},
      {"packets", Column::kPackets},
      {"bytes", Column::kBytes},
      {"action", Column::kAction},
      {"tcp-flags", Column::kTcpFlags},
      {"type", Column::kType},
      {"flow-direction", Column::kDirection},
      {"traffic-path", Column::kTrafficPath},
  };
  for (const auto& [name, code] : kCodes) {
    if (name == n) return code;
  }
  return Column::kNone;
}

}  // namespace flowmon::gen
