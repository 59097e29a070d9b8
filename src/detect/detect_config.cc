// The settings table: every threshold, window and list of DetectConfig by
// name, with how it is written, for --set, the config file and
// --list-settings alike. Over 600 lines because it is one table (data, a
// row per setting of every detector), kept whole so the three readers
// cannot disagree.
#include "flowmon/detect/detect_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "flowmon/core/number.h"
#include "flowmon/core/time_util.h"
#include "flowmon/detect/finding.h"

namespace flowmon {
namespace {

constexpr std::string_view kDetectors[] = {
    "port-scan", "brute-force",      "port-probe", "spike",
    "blocklist", "unusual-protocol", "exfil",      "gap"};

using Config = DetectConfig;

struct Setting {
  DetectSetting doc;
  std::function<Status(Config*, std::string_view)> set;
  std::function<std::string(const Config&)> get;
};

std::vector<std::string_view> SplitList(std::string_view text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(pos, end - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.push_back(item);
    pos = end + 1;
  }
  return out;
}

std::string FormatDuration(int64_t seconds) {
  if (seconds != 0 && seconds % 86400 == 0)
    return fmt::format("{}d", seconds / 86400);
  if (seconds != 0 && seconds % 3600 == 0)
    return fmt::format("{}h", seconds / 3600);
  if (seconds != 0 && seconds % 60 == 0)
    return fmt::format("{}m", seconds / 60);
  return fmt::format("{}s", seconds);
}

std::string FormatBytes(double bytes) {
  static constexpr std::pair<double, std::string_view> kUnits[] = {
      {1099511627776.0, "TiB"},
      {1073741824.0, "GiB"},
      {1048576.0, "MiB"},
      {1024.0, "KiB"}};
  for (const auto& [unit, name] : kUnits) {
    if (bytes >= unit && std::fmod(bytes, unit) == 0) {
      return fmt::format("{}{}", bytes / unit, name);
    }
  }
  return FigureText(bytes);
}

// A setting of one field of type T: how its text parses and prints.
template <typename T>
Setting Make(std::string_view name, std::string_view kind,
             std::string_view description, std::function<T&(Config&)> field,
             std::function<Result<T>(std::string_view)> parse,
             std::function<std::string(const T&)> print) {
  Setting s;
  s.doc = {name, kind, description};
  s.set = [name, field, parse](Config* c, std::string_view text) -> Status {
    Result<T> value = parse(text);
    if (!value.ok()) {
      return Status::InvalidArgument(
          fmt::format("{}: {}", name, value.status().message()));
    }
    field(*c) = std::move(*value);
    return Status::Ok();
  };
  s.get = [field, print](const Config& c) {
    return print(field(const_cast<Config&>(c)));
  };
  return s;
}

Status NotA(std::string_view text, std::string_view what) {
  return Status::InvalidArgument(fmt::format("'{}' is not {}", text, what));
}

Result<int64_t> ParseSeconds(std::string_view text) {
  Result<int64_t> d = ParseDuration(text);
  if (!d.ok() || *d < 0) return NotA(text, "a duration (90, 10m, 6h, 1d)");
  return *d;
}

// A duration kept as whole minutes (the spike detector's series lengths).
Result<int64_t> ParseMinutes(std::string_view text) {
  Result<int64_t> seconds = ParseSeconds(text);
  if (!seconds.ok()) return seconds;
  if (*seconds % 60 != 0 || *seconds == 0) {
    return NotA(text, "a whole number of minutes");
  }
  return *seconds / 60;
}

Result<int64_t> ParseCount(std::string_view text) {
  double v;
  if (!ParseNumber(text, &v) || v < 0 || v != std::floor(v)) {
    return NotA(text, "a whole number");
  }
  return static_cast<int64_t>(v);
}

Result<double> ParseNonNegative(std::string_view text) {
  double v;
  if (!ParseNumber(text, &v) || v < 0) return NotA(text, "a number");
  return v;
}

Result<bool> ParseBool(std::string_view text) {
  if (text == "true" || text == "1" || text == "yes") return true;
  if (text == "false" || text == "0" || text == "no") return false;
  return NotA(text, "true or false");
}

Result<IpNetwork> ParseCidr(std::string_view text) {
  const std::optional<IpNetwork> n = IpNetwork::Parse(text);
  if (!n) return NotA(text, "an address or CIDR block");
  return *n;
}

std::function<Result<int>(std::string_view)> UpTo(int max) {
  return [max](std::string_view text) -> Result<int> {
    double v;
    if (!ParseNumber(text, &v) || v < 0 || v > max || v != std::floor(v)) {
      return NotA(text, fmt::format("a number from 0 to {}", max));
    }
    return static_cast<int>(v);
  };
}

// "22=SSH": a port and the name findings give it.
Result<NamedPort> ParseNamedPort(std::string_view text) {
  const size_t eq = text.find('=');
  Result<int> port = UpTo(65535)(text.substr(0, eq));
  if (!port.ok()) return port.status();
  NamedPort p;
  p.port = *port;
  if (eq != std::string_view::npos) p.name = text.substr(eq + 1);
  return p;
}

// Comma-separated items, each parsed by `item`.
template <typename T>
std::function<Result<std::vector<T>>(std::string_view)> ListOf(
    std::function<Result<T>(std::string_view)> item) {
  return [item](std::string_view text) -> Result<std::vector<T>> {
    std::vector<T> out;
    for (const std::string_view part : SplitList(text)) {
      Result<T> v = item(part);
      if (!v.ok()) return v.status();
      out.push_back(std::move(*v));
    }
    return out;
  };
}

// The items printed by `item`, comma-separated.
template <typename T>
std::function<std::string(const std::vector<T>&)> Joined(
    std::function<std::string(const T&)> item) {
  return [item](const std::vector<T>& v) {
    std::string out;
    for (const T& x : v) out += (out.empty() ? "" : ",") + item(x);
    return out;
  };
}

std::string CidrText(const IpNetwork& n) {
  std::string out;
  n.AppendTo(&out);
  return out;
}

std::string NamedPortText(const NamedPort& p) {
  return p.name.empty() ? std::to_string(p.port)
                        : fmt::format("{}={}", p.port, p.name);
}

template <typename Field>
Setting DurationSetting(std::string_view name, std::string_view description,
                        Field field) {
  return Make<int64_t>(name, "duration", description, field, ParseSeconds,
                       FormatDuration);
}

template <typename Field>
Setting MinutesSetting(std::string_view name, std::string_view description,
                       Field field) {
  return Make<int64_t>(name, "duration", description, field, ParseMinutes,
                       [](const int64_t& v) { return FormatDuration(v * 60); });
}

template <typename Field>
Setting CountSetting(std::string_view name, std::string_view description,
                     Field field) {
  return Make<int64_t>(name, "count", description, field, ParseCount,
                       [](const int64_t& v) { return std::to_string(v); });
}

template <typename Field>
Setting NumberSetting(std::string_view name, std::string_view description,
                      Field field) {
  return Make<double>(name, "number", description, field, ParseNonNegative,
                      FigureText);
}

template <typename Field>
Setting SeveritySetting(std::string_view name, std::string_view description,
                        Field field) {
  return Make<double>(name, "severity", description, field, ParseSeverity,
                      FigureText);
}

template <typename Field>
Setting BytesSetting(std::string_view name, std::string_view description,
                     Field field) {
  return Make<double>(name, "bytes", description, field, ParseBytes,
                      FormatBytes);
}

template <typename Field>
Setting BoolSetting(std::string_view name, std::string_view description,
                    Field field) {
  return Make<bool>(
      name, "bool", description, field, ParseBool,
      [](const bool& v) { return std::string(v ? "true" : "false"); });
}

template <typename Field>
Setting CidrsSetting(std::string_view name, std::string_view description,
                     Field field) {
  return Make<std::vector<IpNetwork>>(name, "cidrs", description, field,
                                      ListOf<IpNetwork>(ParseCidr),
                                      Joined<IpNetwork>(CidrText));
}

// "22=SSH,3389=RDP": ports and their names (a name needs no port's digits).
template <typename Field>
Setting PortsSetting(std::string_view name, std::string_view description,
                     Field field) {
  return Make<std::vector<NamedPort>>(name, "ports", description, field,
                                      ListOf<NamedPort>(ParseNamedPort),
                                      Joined<NamedPort>(NamedPortText));
}

template <typename Field>
Setting NumbersSetting(std::string_view name, std::string_view kind, int max,
                       std::string_view description, Field field) {
  return Make<std::vector<int>>(
      name, kind, description, field, ListOf<int>(UpTo(max)),
      Joined<int>([](const int& v) { return std::to_string(v); }));
}

template <typename Field>
Setting FilesSetting(std::string_view name, std::string_view description,
                     Field field) {
  return Make<std::vector<std::string>>(
      name, "files", description, field,
      ListOf<std::string>([](std::string_view t) -> Result<std::string> {
        return std::string(t);
      }),
      Joined<std::string>([](const std::string& f) { return f; }));
}

template <typename Field>
Setting PathSetting(std::string_view name, std::string_view description,
                    Field field) {
  return Make<std::string>(
      name, "file", description, field,
      [](std::string_view t) -> Result<std::string> { return std::string(t); },
      [](const std::string& v) { return v; });
}

#define FIELD(expr) \
  [](Config & c) -> auto& { return c.expr; }

const std::vector<Setting>& Table() {
  static const std::vector<Setting> table = {
      CidrsSetting("internal",
                   "Your address blocks: the side of a flow inside them is "
                   "yours, the other side is outside",
                   FIELD(internal)),
      DurationSetting("lateness",
                      "How long after a minute ends (in event time) records "
                      "may still arrive for it",
                      FIELD(lateness)),
      DurationSetting("renotify",
                      "A finding seen again within this is the same finding "
                      "going on, not a new one",
                      FIELD(renotify)),
      CountSetting("samples", "Sample records kept per finding",
                   FIELD(samples)),
      CountSetting("max-keys",
                   "Keys each detector tracks per window before it drops "
                   "the half with the fewest flows",
                   FIELD(max_keys)),
      PathSetting("aws-ranges",
                  "AWS's ip-ranges.json: names AWS-owned addresses in "
                  "findings; exfil leaves them out",
                  FIELD(aws_ranges)),

      BoolSetting("port-scan.enabled", "Report port scans",
                  FIELD(port_scan.enabled)),
      DurationSetting("port-scan.window", "Window the probes are counted in",
                      FIELD(port_scan.window)),
      CountSetting("port-scan.min-ports",
                   "Distinct ports of one host that make a vertical scan",
                   FIELD(port_scan.min_ports)),
      CountSetting("port-scan.min-hosts",
                   "Distinct hosts on one port that make a horizontal scan",
                   FIELD(port_scan.min_hosts)),
      CountSetting("port-scan.probe-packets",
                   "A flow of at most this many packets is a probe (as is "
                   "any REJECTed one)",
                   FIELD(port_scan.probe_packets)),
      SeveritySetting("port-scan.severity-inbound",
                      "Severity of a scan from outside",
                      FIELD(port_scan.severity_inbound)),
      SeveritySetting("port-scan.severity-outbound",
                      "Severity of a scan by one of your addresses",
                      FIELD(port_scan.severity_outbound)),
      CidrsSetting("port-scan.allow",
                   "Scanners to ignore (your vulnerability scanners)",
                   FIELD(port_scan.allow)),

      BoolSetting("brute-force.enabled", "Report brute force attempts",
                  FIELD(brute_force.enabled)),
      DurationSetting("brute-force.window",
                      "Window the attempts are counted in",
                      FIELD(brute_force.window)),
      CountSetting("brute-force.min-attempts",
                   "Attempts from one source on one host that make a finding",
                   FIELD(brute_force.min_attempts)),
      CountSetting("brute-force.max-packets",
                   "A flow of more packets is a session, not an attempt",
                   FIELD(brute_force.max_packets)),
      PortsSetting("brute-force.ports",
                   "Login ports and the name in the finding type "
                   "(UnauthorizedAccess:EC2/<name>BruteForce)",
                   FIELD(brute_force.ports)),
      SeveritySetting("brute-force.severity-target",
                      "Severity when yours is the target and every attempt "
                      "was REJECTed",
                      FIELD(brute_force.severity_target)),
      SeveritySetting("brute-force.severity-accepted",
                      "Severity when yours is the target and attempts were "
                      "ACCEPTed",
                      FIELD(brute_force.severity_accepted)),
      SeveritySetting("brute-force.severity-actor",
                      "Severity when one of your addresses attacks",
                      FIELD(brute_force.severity_actor)),
      CidrsSetting("brute-force.allow", "Sources to ignore",
                   FIELD(brute_force.allow)),

      BoolSetting("port-probe.enabled",
                  "Report outside traffic ACCEPTed on usually closed ports",
                  FIELD(port_probe.enabled)),
      DurationSetting("port-probe.window", "Window the probes are counted in",
                      FIELD(port_probe.window)),
      PortsSetting("port-probe.ports",
                   "Ports that should not be reachable from outside",
                   FIELD(port_probe.ports)),
      NumbersSetting("port-probe.high-ports", "ports", 65535,
                     "Of those, the ones whose finding is High",
                     FIELD(port_probe.high_ports)),
      SeveritySetting("port-probe.severity", "Severity of a probed port",
                      FIELD(port_probe.severity)),
      SeveritySetting("port-probe.severity-high",
                      "Severity of a probed high port",
                      FIELD(port_probe.severity_high)),
      CidrsSetting("port-probe.allow", "Outside sources to ignore",
                   FIELD(port_probe.allow)),
      CidrsSetting("port-probe.allow-targets",
                   "Hosts meant to be reachable on those ports",
                   FIELD(port_probe.allow_targets)),

      BoolSetting("spike.enabled", "Report traffic spikes",
                  FIELD(spike.enabled)),
      MinutesSetting("spike.baseline",
                     "Minutes of history the median and MAD are taken over",
                     FIELD(spike.baseline)),
      MinutesSetting("spike.warmup",
                     "Minutes of history before a series is judged",
                     FIELD(spike.warmup)),
      NumberSetting("spike.ratio", "A spike is at least this times the median",
                    FIELD(spike.ratio)),
      NumberSetting("spike.mads",
                    "... and this many scaled MADs above the median",
                    FIELD(spike.mads)),
      BytesSetting("spike.min-bytes",
                   "... and at least this many bytes a minute",
                   FIELD(spike.min_bytes)),
      NumberSetting("spike.min-packets", "The floor for packets a minute",
                    FIELD(spike.min_packets)),
      NumberSetting("spike.min-rejects", "The floor for REJECTs a minute",
                    FIELD(spike.min_rejects)),
      BoolSetting("spike.per-eni", "Judge each ENI's series",
                  FIELD(spike.per_eni)),
      BoolSetting("spike.total",
                  "Judge the series of all records (when no ENI spiked)",
                  FIELD(spike.total)),
      SeveritySetting("spike.severity", "Severity of a bytes or packets spike",
                      FIELD(spike.severity)),
      SeveritySetting("spike.severity-rejects",
                      "Severity when only REJECTs spiked",
                      FIELD(spike.severity_rejects)),

      BoolSetting("blocklist.enabled",
                  "Report traffic with addresses of the blocklists",
                  FIELD(blocklist.enabled)),
      DurationSetting("blocklist.window", "Window the traffic is counted in",
                      FIELD(blocklist.window)),
      SeveritySetting("blocklist.severity", "Severity of blocklisted traffic",
                      FIELD(blocklist.severity)),
      FilesSetting("blocklist.files",
                   "Blocklists: IP/CIDR lists with # comments, or AWS's "
                   "ip-ranges.json (as --blocklist)",
                   FIELD(blocklist.files)),

      BoolSetting("unusual-protocol.enabled", "Report unusual protocols",
                  FIELD(unusual_protocol.enabled)),
      DurationSetting("unusual-protocol.window",
                      "Window the traffic is counted in",
                      FIELD(unusual_protocol.window)),
      NumbersSetting("unusual-protocol.allow", "protocols", 255,
                     "The usual protocol numbers",
                     FIELD(unusual_protocol.allow)),
      SeveritySetting("unusual-protocol.severity",
                      "Severity of an unusual protocol",
                      FIELD(unusual_protocol.severity)),

      BoolSetting("exfil.enabled", "Report unusually large egress",
                  FIELD(exfil.enabled)),
      DurationSetting("exfil.window", "Window the egress is summed over",
                      FIELD(exfil.window)),
      BytesSetting("exfil.min-bytes",
                   "Egress to one outside address in a window that can be "
                   "a finding",
                   FIELD(exfil.min_bytes)),
      NumberSetting("exfil.ratio",
                    "... and at least this times the source's usual largest "
                    "egress to one address",
                    FIELD(exfil.ratio)),
      CountSetting("exfil.history",
                   "Past windows the usual largest egress is taken over",
                   FIELD(exfil.history)),
      BoolSetting("exfil.include-aws",
                  "Count egress to AWS's ranges (with aws-ranges)",
                  FIELD(exfil.include_aws)),
      CidrsSetting("exfil.allow", "Destinations to ignore", FIELD(exfil.allow)),
      SeveritySetting("exfil.severity", "Severity of large egress",
                      FIELD(exfil.severity)),

      BoolSetting("gap.enabled",
                  "Report ENIs that stop reporting and SKIPDATA records",
                  FIELD(gap.enabled)),
      DurationSetting("gap.silence",
                      "An ENI silent this long while others report has "
                      "stopped",
                      FIELD(gap.silence)),
      DurationSetting("gap.min-active",
                      "... after reporting for at least this long",
                      FIELD(gap.min_active)),
      DurationSetting("gap.window", "Window SKIPDATA records are counted in",
                      FIELD(gap.window)),
      SeveritySetting("gap.severity", "Severity of an ENI that stopped",
                      FIELD(gap.severity)),
      SeveritySetting("gap.severity-skipdata", "Severity of SKIPDATA records",
                      FIELD(gap.severity_skipdata)),
  };
  return table;
}

#undef FIELD

const Setting* FindSetting(std::string_view name) {
  for (const Setting& s : Table()) {
    if (s.doc.name == name) return &s;
  }
  return nullptr;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

Status UnknownSetting(std::string_view name) {
  std::string_view best;
  size_t best_distance = 3;
  for (const Setting& s : Table()) {
    const size_t d = EditDistance(name, s.doc.name);
    if (d < best_distance) {
      best = s.doc.name;
      best_distance = d;
    }
  }
  return Status::InvalidArgument(
      best.empty()
          ? fmt::format("unknown setting '{}' (flowmon detect --list-settings "
                        "lists them)",
                        name)
          : fmt::format("unknown setting '{}' (did you mean '{}'?)", name,
                        best));
}

}  // namespace

PortProbeConfig::PortProbeConfig() {
  ports = {{23, "Telnet"},          {135, "MSRPC"},
           {139, "NetBIOS"},        {445, "SMB"},
           {1433, "MSSQL"},         {1521, "Oracle"},
           {2049, "NFS"},           {2375, "Docker"},
           {2376, "Docker"},        {2379, "etcd"},
           {3306, "MySQL"},         {5432, "PostgreSQL"},
           {5601, "Kibana"},        {5900, "VNC"},
           {5984, "CouchDB"},       {6379, "Redis"},
           {8088, "YARN"},          {9042, "Cassandra"},
           {9200, "Elasticsearch"}, {9300, "Elasticsearch"},
           {10250, "Kubelet"},      {11211, "Memcached"},
           {27017, "MongoDB"}};
}

DetectConfig::DetectConfig() {
  for (const std::string_view block :
       {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"}) {
    internal.push_back(*IpNetwork::Parse(block));
  }
}

std::span<const std::string_view> DetectorNames() { return kDetectors; }

std::span<const DetectSetting> DetectSettings() {
  static const std::vector<DetectSetting> docs = [] {
    std::vector<DetectSetting> out;
    for (const Setting& s : Table()) out.push_back(s.doc);
    return out;
  }();
  return docs;
}

std::string SettingValue(const DetectConfig& config, std::string_view name) {
  const Setting* s = FindSetting(name);
  return s == nullptr ? "" : s->get(config);
}

Status ApplySetting(DetectConfig* config, std::string_view name,
                    std::string_view value) {
  const Setting* s = FindSetting(name);
  if (s == nullptr) return UnknownSetting(name);
  return s->set(config, value);
}

Status OnlyDetectors(DetectConfig* config, std::string_view names) {
  std::vector<std::string_view> wanted = SplitList(names);
  for (const std::string_view n : wanted) {
    if (std::find(std::begin(kDetectors), std::end(kDetectors), n) ==
        std::end(kDetectors)) {
      return Status::InvalidArgument(fmt::format(
          "unknown detector '{}' (expected {})", n,
          fmt::join(std::begin(kDetectors), std::end(kDetectors), ", ")));
    }
  }
  for (const std::string_view n : kDetectors) {
    const bool on = std::find(wanted.begin(), wanted.end(), n) != wanted.end();
    if (Status s = ApplySetting(config, fmt::format("{}.enabled", n),
                                on ? "true" : "false");
        !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

bool DetectorEnabled(const DetectConfig& config, std::string_view name) {
  return SettingValue(config, fmt::format("{}.enabled", name)) == "true";
}

Result<double> ParseBytes(std::string_view text) {
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"TiB", 1099511627776.0},
      {"GiB", 1073741824.0},
      {"MiB", 1048576.0},
      {"KiB", 1024.0},
      {"TB", 1e12},
      {"GB", 1e9},
      {"MB", 1e6},
      {"KB", 1e3},
      {"B", 1}};
  double unit = 1;
  std::string_view digits = text;
  for (const auto& [suffix, size] : kUnits) {
    if (text.ends_with(suffix)) {
      unit = size;
      digits = text.substr(0, text.size() - suffix.size());
      break;
    }
  }
  double v;
  if (!ParseNumber(digits, &v) || v < 0) {
    return Status::InvalidArgument(
        fmt::format("'{}' is not a size (123, 10MiB, 1GiB, 500MB)", text));
  }
  return v * unit;
}

}  // namespace flowmon
