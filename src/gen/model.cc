#include "gen/model.h"

#include <fmt/format.h>

namespace flowmon::gen {

IpAddress V4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
  IpAddress ip;
  ip.family = IpAddress::Family::kV4;
  ip.bytes[0] = a;
  ip.bytes[1] = b;
  ip.bytes[2] = c;
  ip.bytes[3] = d;
  return ip;
}

std::vector<GenHost> ModelHosts() {
  struct Spec {
    std::string_view name;
    int vpc, subnet;
    uint8_t net, sub, host;
    bool v6, public_facing;
    std::string_view az;
  };
  // VPC A (10.0.0.0/16): public, private and data subnets; VPC B
  // (10.1.0.0/16): a public and a private one.
  static constexpr Spec kSpecs[] = {
      {"web-1", 0, 1, 0, 1, 10, true, true, "use1-az1"},
      {"web-2", 0, 1, 0, 1, 11, true, true, "use1-az1"},
      {"bastion", 0, 1, 0, 1, 20, false, true, "use1-az1"},
      {"app-1", 0, 2, 0, 2, 10, false, false, "use1-az2"},
      {"app-2", 0, 2, 0, 2, 11, false, false, "use1-az2"},
      {"db", 0, 3, 0, 3, 10, false, false, "use1-az2"},
      {"batch", 1, 2, 1, 2, 20, false, false, "use1-az4"},
      {"api", 1, 1, 1, 1, 30, false, true, "use1-az4"},
  };
  static constexpr std::string_view kVpcs[] = {"vpc-0a1b2c3d4e5f60000",
                                               "vpc-0c2d3e4f5a6b70000"};
  std::vector<GenHost> hosts;
  int n = 1;
  for (const Spec& s : kSpecs) {
    GenHost h;
    h.name = std::string(s.name);
    h.eni = fmt::format("eni-0a1b2c3d4e5f6{:04}", n);
    h.instance = fmt::format("i-0a1b2c3d4e5f6{:04}", n);
    h.vpc = std::string(kVpcs[s.vpc]);
    h.subnet =
        fmt::format("subnet-0{}{}b2c3d4e5f6{:04}", s.vpc, s.subnet, s.subnet);
    h.az_id = std::string(s.az);
    h.v4 = V4(10, s.net, s.sub, s.host);
    if (s.v6) {
      h.v6 = *IpAddress::Parse(fmt::format("2001:db8:1234:1::{}", s.host));
    }
    h.public_facing = s.public_facing;
    hosts.push_back(std::move(h));
    ++n;
  }
  return hosts;
}

void AddConnection(const Connection& c, std::vector<GenRecord>* out) {
  const bool tcp = c.protocol == 6;
  auto record = [&](int host, bool request, bool ingress) {
    GenRecord r;
    r.start = c.start;
    r.end = c.end;
    r.host = static_cast<uint16_t>(host);
    r.src = request ? c.client : c.server;
    r.dst = request ? c.server : c.client;
    const bool ports = c.protocol == 6 || c.protocol == 17;
    r.src_port = !ports ? 0 : request ? c.client_port : c.server_port;
    r.dst_port = !ports ? 0 : request ? c.server_port : c.client_port;
    r.protocol = c.protocol;
    r.packets = request ? c.request_packets : c.reply_packets;
    r.bytes = request ? c.request_bytes : c.reply_bytes;
    r.ingress = ingress;
    const bool refused = c.rejected && request && ingress;
    r.action =
        refused ? GenRecord::Action::kReject : GenRecord::Action::kAccept;
    r.tcp_flags = !tcp ? 0 : c.rejected ? 2 : request ? 3 : 19;
    out->push_back(r);
  };
  // An unanswered request (a SYN to nobody) has no reply record.
  const bool reply = !c.rejected && c.reply_packets > 0;
  if (c.server_host >= 0) {
    record(c.server_host, true, true);
    if (reply) record(c.server_host, false, false);
  }
  if (c.client_host >= 0) {
    record(c.client_host, true, false);
    if (reply) record(c.client_host, false, true);
  }
}

Connection Internal(const std::vector<GenHost>& hosts, int client, int server,
                    int port, Random* r) {
  Connection c =
      ToOutside(hosts, client, hosts[static_cast<size_t>(server)].v4, port, r);
  c.server_host = server;
  return c;
}

Connection FromOutside(const IpAddress& remote, const IpAddress& local,
                       int host, int port, Random* r) {
  Connection c;
  c.client = remote;
  c.server = local;
  c.server_host = host;
  c.client_port = EphemeralPort(r);
  c.server_port = port;
  return c;
}

Connection ToOutside(const std::vector<GenHost>& hosts, int host,
                     const IpAddress& remote, int port, Random* r) {
  Connection c;
  c.client_host = host;
  c.client = hosts[static_cast<size_t>(host)].v4;
  c.server = remote;
  c.client_port = EphemeralPort(r);
  c.server_port = port;
  return c;
}

IpAddress RandomPublicV4(Random* r) {
  // First octets of ordinary unicast space: no private, loopback, CGNAT,
  // link-local, multicast or documentation blocks start with these.
  static constexpr uint8_t kFirst[] = {24,  31,  37,  45,  46,  62,  66,  71,
                                       77,  81,  86,  92,  98,  104, 108, 109,
                                       118, 121, 136, 142, 151, 157, 162, 173,
                                       176, 185, 188, 201, 212, 217};
  const uint8_t a = kFirst[r->Below(sizeof kFirst)];
  // One draw a statement (a call's arguments are evaluated in the
  // compiler's order): the last octet first.
  const uint8_t d = static_cast<uint8_t>(1 + r->Below(254));
  const uint8_t c = static_cast<uint8_t>(r->Below(256));
  const uint8_t b = static_cast<uint8_t>(r->Below(256));
  return V4(a, b, c, d);
}

IpAddress RandomClientV6(Random* r) {
  IpAddress ip = *IpAddress::Parse("2001:db8:ff00::");
  ip.bytes[5] = static_cast<uint8_t>(r->Below(256));
  for (size_t i = 6; i < 16; ++i)
    ip.bytes[i] = static_cast<uint8_t>(r->Below(256));
  return ip;
}

int EphemeralPort(Random* r) {
  return static_cast<int>(r->Between(32768, 60999));
}

}  // namespace flowmon::gen
