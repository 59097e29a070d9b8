// TrafficGenerator: synthetic VPC flow-log records for tests, demos and
// benchmarks. A fixed small network (two VPCs, eight ENIs: web servers, a
// bastion, app servers, a database, a batch host and a partner API) carries
// a baseline of normal traffic with a daily rhythm, internet background
// noise and both halves of every connection, as flow logs record them; named
// scenarios (a brute force, a port scan, a spike, ...) are injected on top.
// The same seed gives the same records, and a scenario never changes the
// baseline around it (docs/gen.md).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/ip_address.h"
#include "flowmon/core/status.h"

namespace flowmon::gen {

// One ENI of the model network.
struct GenHost {
  std::string name;  // "web-1"
  std::string eni, instance, vpc, subnet, az_id;
  IpAddress v4;
  std::optional<IpAddress> v6;
  bool public_facing = false;  // reachable from the internet
};

// One flow-log record before it is written in a format.
struct GenRecord {
  enum class Action : unsigned char { kAccept, kReject };
  enum class Status : unsigned char { kOk, kNoData, kSkipData };
  int64_t start = 0, end = 0;  // epoch seconds
  uint16_t host = 0;           // index into hosts(): the ENI that logged it
  IpAddress src, dst;
  int src_port = 0, dst_port = 0, protocol = 6;
  uint64_t packets = 0, bytes = 0;
  Action action = Action::kAccept;
  Status status = Status::kOk;
  bool ingress = true;  // into the ENI (flow-direction)
  int tcp_flags = 0;
};

// A scenario named on the command line, its parameters as typed
// ("ssh-brute-force:from=203.0.113.9,at=10:00,minutes=5").
struct GenScenario {
  std::string kind;
  std::map<std::string, std::string> params;
};
// Parses "NAME[:key=value,...]"; errors name the unknown name or key.
Result<GenScenario> ParseScenario(std::string_view text);
// The scenario kinds, and each one's keys with their defaults, for help.
struct ScenarioDoc {
  std::string_view kind, keys, what;
};
std::span<const ScenarioDoc> ScenarioDocs();

struct GenConfig {
  uint64_t seed = 1;
  int64_t start = 1709510400;  // 2024-03-04T00:00:00Z, a Monday
  int64_t duration = 86400;
  // The clock the friendly times of scenarios' at= are relative to ("1h",
  // "yesterday": ParseUserTime, docs/times.md).
  int64_t now = 0;
  double volume = 60;  // connections a minute at the daily peak
  std::string account = "123456789012";
  std::string region = "us-east-1";
  std::vector<GenScenario> scenarios;
};

class TrafficGenerator {
 public:
  // Checks the scenarios (times, hosts, numbers).
  static Result<TrafficGenerator> Create(const GenConfig& config);

  // Hands out the records minute by minute, each minute's in time order;
  // stops when `emit` returns false.
  void Run(const std::function<bool(std::span<const GenRecord>)>& emit) const;

  const std::vector<GenHost>& hosts() const { return hosts_; }
  const GenConfig& config() const { return config_; }

  // A resolved scenario (ParseScenario's text turned into values).
  struct Injection {
    std::string kind;
    int64_t at = 0, minutes = 0;
    int host = -1;     // the ENI it happens on
    int peer = -1;     // another ENI of the model, or -1
    IpAddress remote;  // the outside address, if any
    int port = 0, protocol = 6;
    int64_t rate = 0;   // flows a minute
    int64_t count = 0;  // ports or hosts (port-scan)
    uint64_t bytes = 0;
    bool accepted = false, horizontal = false;
    uint64_t stream = 0;  // its own random stream
  };

 private:
  TrafficGenerator() = default;
  void Minute(int64_t minute, std::vector<GenRecord>* out) const;

  GenConfig config_;
  std::vector<GenHost> hosts_;
  std::vector<Injection> injections_;
};

}  // namespace flowmon::gen
