// The injected scenarios: what each adds to (or takes from) the minutes it
// spans. Each draws from its own random stream, so the baseline around it is
// the same as without it.
#include <fmt/format.h>

#include <algorithm>

#include "flowmon/core/number.h"
#include "flowmon/core/time_util.h"
#include "flowmon/detect/detect_config.h"
#include "gen/baseline.h"
#include "gen/model.h"

namespace flowmon::gen {
namespace {

using Injection = TrafficGenerator::Injection;

constexpr ScenarioDoc kDocs[] = {
    {"ssh-brute-force",
     "from=203.0.113.9 to=web-1 at=10:00 minutes=5 rate=30 port=22 accepted=0",
     "short SSH connections from one source, REJECTed (accepted=1: "
     "ACCEPTed, as on an open port)"},
    {"rdp-brute-force",
     "from=203.0.113.10 to=web-2 at=10:30 minutes=5 rate=30 port=3389 "
     "accepted=0",
     "the same on RDP"},
    {"port-scan",
     "from=203.0.113.50 to=web-2 at=11:00 minutes=3 ports=300; "
     "kind=horizontal: from=app-2 to=10.0.3.0 hosts=60 port=22",
     "one source probing many ports of one host (REJECTed), or one of your "
     "hosts probing one port on many addresses"},
    {"port-probe",
     "from=192.0.2.77 to=web-2 at=12:00 minutes=3 rate=2 port=9200",
     "outside connections ACCEPTed on a port that should be closed"},
    {"spike", "to=web-1 at=14:00 minutes=3 rate=600 bytes=200000",
     "a burst of clients: rate extra connections a minute, replies of about "
     "`bytes` each"},
    {"exfil",
     "from=app-1 to=203.0.113.200 at=15:00 minutes=10 bytes=3GiB port=443",
     "large egress to one outside address"},
    {"blocklisted", "from=app-2 to=198.51.100.66 at=16:00 minutes=10 port=443",
     "a beacon to an address a blocklist names, once a minute"},
    {"unusual-protocol",
     "from=app-2 to=203.0.113.77 at=17:00 minutes=5 protocol=47",
     "traffic over a protocol other than ICMP, TCP or UDP (GRE)"},
    {"gap", "host=db at=18:00 minutes=60",
     "an ENI that writes no records (not even NODATA)"},
    {"skipdata", "host=api at=19:00 minutes=10",
     "an ENI whose records are replaced by SKIPDATA records"},
};

const ScenarioDoc* FindDoc(std::string_view kind) {
  for (const ScenarioDoc& d : kDocs) {
    if (d.kind == kind) return &d;
  }
  return nullptr;
}

// The default of `key` for `kind`, from its doc line ("key=value ...").
std::string Default(std::string_view kind, std::string_view key,
                    bool horizontal) {
  const ScenarioDoc* doc = FindDoc(kind);
  std::string_view keys = doc->keys;
  const size_t semicolon = keys.find(';');
  std::string found;
  auto scan = [&](std::string_view part) {
    size_t pos = 0;
    while (pos < part.size()) {
      while (pos < part.size() && part[pos] == ' ') ++pos;
      size_t end = part.find(' ', pos);
      if (end == std::string_view::npos) end = part.size();
      const std::string_view item = part.substr(pos, end - pos);
      const size_t eq = item.find('=');
      if (eq != std::string_view::npos && item.substr(0, eq) == key) {
        found = std::string(item.substr(eq + 1));
      }
      pos = end + 1;
    }
  };
  scan(keys.substr(0, semicolon));
  if (horizontal && semicolon != std::string_view::npos) {
    scan(keys.substr(keys.find(':', semicolon) + 1));
  }
  return found;
}

Status Bad(const GenScenario& s, std::string_view key, std::string_view why) {
  return Status::InvalidArgument(fmt::format("--scenario {}: {}={}: {}", s.kind,
                                             key, s.params.at(std::string(key)),
                                             why));
}

// A model host by name or address; -1 when the text is neither.
int HostNamed(const std::vector<GenHost>& hosts, std::string_view text) {
  for (size_t i = 0; i < hosts.size(); ++i) {
    if (hosts[i].name == text || hosts[i].eni == text)
      return static_cast<int>(i);
    std::string a;
    hosts[i].v4.AppendTo(&a);
    if (a == text) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::span<const ScenarioDoc> ScenarioDocs() { return kDocs; }

Result<GenScenario> ParseScenario(std::string_view text) {
  GenScenario s;
  const size_t colon = text.find(':');
  s.kind = std::string(text.substr(0, colon));
  const ScenarioDoc* doc = FindDoc(s.kind);
  if (doc == nullptr) {
    std::string kinds;
    for (const ScenarioDoc& d : kDocs) {
      if (!kinds.empty()) kinds += ", ";
      kinds += d.kind;
    }
    return Status::InvalidArgument(
        fmt::format("unknown scenario '{}' (expected {})", s.kind, kinds));
  }
  if (colon == std::string_view::npos) return s;
  std::string_view rest = text.substr(colon + 1);
  size_t pos = 0;
  while (pos <= rest.size()) {
    size_t end = rest.find(',', pos);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view item = rest.substr(pos, end - pos);
    pos = end + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    const std::string key(item.substr(0, eq));
    const std::string keys(doc->keys);
    const bool known = eq != std::string_view::npos &&
                       (keys.find(" " + key + "=") != std::string::npos ||
                        keys.rfind(key + "=", 0) == 0 ||
                        (s.kind == "port-scan" && key == "kind"));
    if (!known) {
      return Status::InvalidArgument(
          fmt::format("--scenario {}: unknown key '{}' (it takes {})", s.kind,
                      item, doc->keys));
    }
    s.params[key] = std::string(item.substr(eq + 1));
  }
  return s;
}

Result<Injection> ResolveScenario(const GenScenario& s,
                                  const std::vector<GenHost>& hosts,
                                  const GenConfig& config, uint64_t stream) {
  Injection in;
  in.kind = s.kind;
  in.stream = stream;
  in.horizontal = s.kind == "port-scan" && s.params.count("kind") > 0 &&
                  s.params.at("kind") == "horizontal";
  if (s.params.count("kind") > 0 && s.params.at("kind") != "horizontal" &&
      s.params.at("kind") != "vertical") {
    return Bad(s, "kind", "expected vertical or horizontal");
  }
  auto get = [&](std::string_view key) {
    auto it = s.params.find(std::string(key));
    return it != s.params.end() ? it->second
                                : Default(s.kind, key, in.horizontal);
  };
  auto number = [&](std::string_view key, int64_t lo, int64_t hi,
                    int64_t* out) -> Status {
    const std::string text = get(key);
    if (text.empty()) return Status::Ok();
    double v;
    if (!ParseNumber(text, &v) || v < static_cast<double>(lo) ||
        v > static_cast<double>(hi)) {
      return Status::InvalidArgument(
          fmt::format("--scenario {}: {}={}: expected a number from {} to {}",
                      s.kind, key, text, lo, hi));
    }
    *out = static_cast<int64_t>(v);
    return Status::Ok();
  };
  // at=HH:MM is that time on the day the run starts (the next day when
  // that is before the start); anything else is a time as --start takes
  // it (epoch, ISO-8601, now, yesterday, 2h: docs/times.md).
  const std::string at = get("at");
  if (at.size() == 5 && at[2] == ':') {
    const bool digits = IsDecimalDigits(std::string_view(at).substr(0, 2)) &&
                        IsDecimalDigits(std::string_view(at).substr(3, 2));
    const int64_t hh = (at[0] - '0') * 10 + (at[1] - '0');
    const int64_t mm = (at[3] - '0') * 10 + (at[4] - '0');
    if (!digits || hh > 23 || mm > 59) {
      return Status::InvalidArgument(
          fmt::format("--scenario {}: at={}: expected HH:MM", s.kind, at));
    }
    const int64_t day = config.start - ((config.start % 86400) + 86400) % 86400;
    in.at = day + hh * 3600 + mm * 60;
    if (in.at < config.start) in.at += 86400;
  } else {
    Result<int64_t> t = ParseUserTime(at, config.now);
    if (!t.ok()) {
      return Status::InvalidArgument(fmt::format(
          "--scenario {}: at={}: {}", s.kind, at, t.status().message()));
    }
    in.at = *t;
  }
  in.at -= ((in.at % 60) + 60) % 60;
  for (const auto& [key, lo, hi, out] :
       {std::tuple<std::string_view, int64_t, int64_t, int64_t*>{
            "minutes", 1, 10080, &in.minutes},
        {"rate", 1, 1000000, &in.rate},
        {"ports", 1, 65535, &in.count},
        {"hosts", 1, 65535, &in.count}}) {
    if (Status st = number(key, lo, hi, out); !st.ok()) return st;
  }
  int64_t port = 0, protocol = 6, accepted = 0;
  if (Status st = number("port", 0, 65535, &port); !st.ok()) return st;
  if (Status st = number("protocol", 0, 255, &protocol); !st.ok()) return st;
  if (Status st = number("accepted", 0, 1, &accepted); !st.ok()) return st;
  in.port = static_cast<int>(port);
  in.protocol = static_cast<int>(protocol);
  in.accepted = accepted == 1;
  if (const std::string bytes = get("bytes"); !bytes.empty()) {
    Result<double> b = ParseBytes(bytes);
    if (!b.ok()) {
      return Status::InvalidArgument(fmt::format(
          "--scenario {}: bytes={}: {}", s.kind, bytes, b.status().message()));
    }
    in.bytes = static_cast<uint64_t>(*b);
  }
  // Which side is a host of the model, which an outside address.
  const std::string from = get("from"), to = get("to"),
                    host = get("host").empty() ? to : get("host");
  auto outside = [&](std::string_view key, const std::string& text) -> Status {
    const std::optional<IpAddress> a = IpAddress::Parse(text);
    if (!a || HostNamed(hosts, text) >= 0) {
      return Status::InvalidArgument(
          fmt::format("--scenario {}: {}={}: expected an outside address",
                      s.kind, key, text));
    }
    in.remote = *a;
    return Status::Ok();
  };
  auto inside = [&](std::string_view key, const std::string& text,
                    int* out) -> Status {
    *out = HostNamed(hosts, text);
    if (*out < 0) {
      std::string names;
      for (const GenHost& h : hosts) {
        if (!names.empty()) names += ", ";
        names += h.name;
      }
      return Status::InvalidArgument(fmt::format(
          "--scenario {}: {}={}: expected a host of the model ({}) or its "
          "address",
          s.kind, key, text, names));
    }
    return Status::Ok();
  };
  Status st;
  if (s.kind == "gap" || s.kind == "skipdata") {
    st = inside("host", host, &in.host);
  } else if (s.kind == "spike") {
    st = inside("to", to, &in.host);
  } else if (in.horizontal || s.kind == "exfil" || s.kind == "blocklisted" ||
             s.kind == "unusual-protocol") {
    st = inside("from", from, &in.host);
    if (st.ok() && !in.horizontal) st = outside("to", to);
    if (st.ok() && in.horizontal) {
      const std::optional<IpAddress> base = IpAddress::Parse(to);
      if (!base || base->family != IpAddress::Family::kV4) {
        st = Status::InvalidArgument(fmt::format(
            "--scenario port-scan: to={}: expected the first IPv4 address of "
            "the range to scan",
            to));
      } else {
        in.remote = *base;
      }
    }
  } else {
    st = outside("from", from);
    if (st.ok()) st = inside("to", to, &in.host);
  }
  if (!st.ok()) return st;
  const bool ipv6_target = in.remote.family == IpAddress::Family::kV6;
  if (ipv6_target && !hosts[static_cast<size_t>(in.host)].v6) {
    return Status::InvalidArgument(fmt::format(
        "--scenario {}: {} has no IPv6 address (web-1 and web-2 have)", s.kind,
        hosts[static_cast<size_t>(in.host)].name));
  }
  return in;
}

void InjectMinute(const Injection& s, const std::vector<GenHost>& hosts,
                  uint64_t seed, int64_t minute, std::vector<GenRecord>* out) {
  if (minute < s.at || minute >= s.at + s.minutes * 60) return;
  const int64_t index = (minute - s.at) / 60;
  Random r =
      Random::For(seed, (s.stream << 32) + static_cast<uint64_t>(index) + 1);
  const GenHost& host = hosts[static_cast<size_t>(s.host)];
  const bool v6 = s.remote.family == IpAddress::Family::kV6;
  const IpAddress local = v6 ? *host.v6 : host.v4;
  auto timing = [&](Connection* c, int64_t longest) {
    c->start = minute + r.Between(0, 59);
    c->end = std::min(c->start + r.Between(1, longest), minute + 60 + 59);
  };
  if (s.kind == "gap" || s.kind == "skipdata") {
    out->erase(
        std::remove_if(out->begin(), out->end(),
                       [&](const GenRecord& g) { return g.host == s.host; }),
        out->end());
    if (s.kind == "skipdata") {
      GenRecord g;
      g.start = minute;
      g.end = minute + 59;
      g.host = static_cast<uint16_t>(s.host);
      g.status = GenRecord::Status::kSkipData;
      out->push_back(g);
    }
    return;
  }
  if (s.kind == "ssh-brute-force" || s.kind == "rdp-brute-force" ||
      s.kind == "port-probe") {
    for (int64_t i = 0; i < s.rate; ++i) {
      Connection c = FromOutside(s.remote, local, s.host, s.port, &r);
      const bool probe = s.kind == "port-probe";
      c.rejected = !probe && !s.accepted;
      if (c.rejected) {
        c.request_packets = static_cast<uint64_t>(r.Between(1, 2));
        c.request_bytes = c.request_packets * 60;
      } else {
        c.request_packets =
            static_cast<uint64_t>(r.Between(probe ? 3 : 12, probe ? 8 : 22));
        c.request_bytes =
            c.request_packets * static_cast<uint64_t>(r.Between(70, 160));
        c.reply_packets = c.request_packets - 1;
        c.reply_bytes =
            c.reply_packets * static_cast<uint64_t>(r.Between(80, 200));
      }
      timing(&c, 5);
      AddConnection(c, out);
    }
    return;
  }
  if (s.kind == "port-scan") {
    // The ports (or hosts) the scan covers, a slice a minute.
    const int64_t per = (s.count + s.minutes - 1) / s.minutes;
    const int64_t first = index * per;
    const int64_t last = std::min(s.count, first + per);
    Random order = Random::For(seed, s.stream << 32);
    std::vector<int> targets;
    for (int i = 1; i <= 65535; ++i) targets.push_back(i);
    // A scanner walks the low ports first, in its own order.
    for (size_t i = 0; i < 1024; ++i) {
      std::swap(targets[i], targets[i + order.Below(1024 - i)]);
    }
    for (int64_t i = first; i < last; ++i) {
      Connection c;
      c.client_port = EphemeralPort(&r);
      c.request_packets = 1;
      c.request_bytes = 44;
      timing(&c, 1);
      if (s.horizontal) {
        IpAddress target = s.remote;
        const uint32_t n = (uint32_t{target.bytes[2]} << 8 | target.bytes[3]) +
                           static_cast<uint32_t>(i) + 1;
        target.bytes[2] = static_cast<uint8_t>(n >> 8);
        target.bytes[3] = static_cast<uint8_t>(n);
        c.client = host.v4;
        c.client_host = s.host;
        c.server = target;
        c.server_port = s.port;
      } else {
        c.client = s.remote;
        c.server = local;
        c.server_host = s.host;
        c.server_port = targets[static_cast<size_t>(i)];
        c.rejected = true;
      }
      AddConnection(c, out);
    }
    return;
  }
  if (s.kind == "spike") {
    for (int64_t i = 0; i < s.rate; ++i) {
      const IpAddress client = RandomPublicV4(&r);
      Connection c = FromOutside(client, host.v4, s.host, 443, &r);
      c.request_packets = static_cast<uint64_t>(r.Between(5, 20));
      c.request_bytes = c.request_packets * 120;
      c.reply_bytes = static_cast<uint64_t>(
          r.Between(static_cast<int64_t>(s.bytes / 2),
                    static_cast<int64_t>(s.bytes * 3 / 2)));
      c.reply_packets = c.reply_bytes / 1400 + 1;
      timing(&c, 10);
      AddConnection(c, out);
    }
    return;
  }
  // exfil, blocklisted, unusual-protocol: the host talks to one outside
  // address.
  const int flows = s.kind == "exfil" ? 3 : 1;
  for (int i = 0; i < flows; ++i) {
    Connection c = ToOutside(hosts, s.host, s.remote, s.port, &r);
    c.protocol = s.kind == "unusual-protocol" ? s.protocol : 6;
    if (s.kind == "exfil") {
      c.request_bytes = s.bytes / static_cast<uint64_t>(s.minutes * flows);
      c.request_packets = c.request_bytes / 1400 + 1;
      c.reply_packets = c.request_packets / 2 + 1;
      c.reply_bytes = c.reply_packets * 52;
      c.start = minute + 1 + i;
      c.end = minute + 59;
    } else {
      c.request_packets = static_cast<uint64_t>(r.Between(3, 8));
      c.request_bytes =
          c.request_packets * static_cast<uint64_t>(r.Between(80, 300));
      c.reply_packets = static_cast<uint64_t>(r.Between(2, 6));
      c.reply_bytes =
          c.reply_packets * static_cast<uint64_t>(r.Between(80, 300));
      timing(&c, 3);
    }
    AddConnection(c, out);
  }
}

}  // namespace flowmon::gen
