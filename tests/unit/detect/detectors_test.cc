// Every detector against the generator: the scenario it must find (right
// type, actor, resource and time), the same baseline without it (nothing),
// and the edge cases its false-positive traps are about.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "catch.h"
#include "detect_test_util.h"
#include "flowmon/core/time_util.h"
#include "flowmon/gen/prng.h"

namespace flowmon {
namespace {

using testing::DetectRun;
using testing::GenRun;

constexpr int64_t kDay = 1709510400;  // the generator's default start

// The one finding of `run`, checked to be of `type`.
const Finding& Only(const DetectRun& run, std::string_view type) {
  INFO(fmt::format("{}", fmt::join(testing::Types(run), ", ")));
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].type == type);
  return run.findings[0];
}

DetectConfig WithBlocklist(const std::string& path) {
  DetectConfig c;
  c.blocklist.files = {path};
  return c;
}

struct Case {
  std::string scenario;
  std::string type;
  std::string remote;     // the actor (or, for actors of yours, the other side)
  std::string interface;  // the resource's ENI
  int64_t at;             // the first record's time, from the day's start
};

TEST_CASE("detect: each scenario is found, and only it", "[detect]") {
  const std::string blocklist = "/tmp/flowmon_detect_test_blocklist.txt";
  {
    std::FILE* f = std::fopen(blocklist.c_str(), "w");
    std::fputs("# a test list\n198.51.100.64/28  ; C&C\n", f);
    std::fclose(f);
  }
  const Case cases[] = {
      {"ssh-brute-force:at=02:00", "UnauthorizedAccess:EC2/SSHBruteForce",
       "203.0.113.9", "eni-0a1b2c3d4e5f60001", 7200},
      {"rdp-brute-force:at=02:00", "UnauthorizedAccess:EC2/RDPBruteForce",
       "203.0.113.10", "eni-0a1b2c3d4e5f60002", 7200},
      {"port-scan:at=02:00", "Recon:EC2/Portscan", "203.0.113.50",
       "eni-0a1b2c3d4e5f60002", 7200},
      {"port-scan:kind=horizontal,at=02:00", "Recon:EC2/Portscan", "",
       "eni-0a1b2c3d4e5f60005", 7200},
      {"port-probe:at=02:00", "Recon:EC2/PortProbeUnprotectedPort",
       "192.0.2.77", "eni-0a1b2c3d4e5f60002", 7200},
      {"spike:at=02:00", "Behavior:EC2/TrafficVolumeUnusual", "",
       "eni-0a1b2c3d4e5f60001", 7200},
      {"exfil:at=02:00", "Exfiltration:EC2/LargeEgress", "203.0.113.200",
       "eni-0a1b2c3d4e5f60004", 7200},
      {"blocklisted:at=02:00",
       "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom", "198.51.100.66",
       "eni-0a1b2c3d4e5f60005", 7200},
      {"unusual-protocol:at=02:00", "Behavior:EC2/NetworkProtocolUnusual",
       "203.0.113.77", "eni-0a1b2c3d4e5f60005", 7200},
      // The last minute with records, before the silence.
      {"gap:at=02:00", "Stealth:EC2/FlowLogsStopped", "",
       "eni-0a1b2c3d4e5f60006", 7140},
      {"skipdata:at=02:00", "Policy:EC2/FlowLogSkipData", "",
       "eni-0a1b2c3d4e5f60008", 7200},
  };
  const DetectConfig config = WithBlocklist(blocklist);
  REQUIRE(testing::Detect(testing::GenText(GenRun{}), config).findings.empty());
  for (const Case& c : cases) {
    INFO(c.scenario);
    const DetectRun run =
        testing::Detect(testing::GenText(testing::With({c.scenario})), config);
    const Finding& f = Only(run, c.type);
    if (!c.remote.empty()) CHECK(f.remote.address == c.remote);
    CHECK(f.resource.interface_id == c.interface);
    CHECK(f.first_seen >= kDay + c.at);
    CHECK(f.first_seen < kDay + c.at + 60);
    CHECK(!f.samples.empty());
  }
}

TEST_CASE("detect: every scenario at random times in a day", "[detect]") {
  // One of each, each in its own two hours at a random minute: each is
  // found once, with its type and actor, and nothing else.
  const std::string blocklist = "/tmp/flowmon_detect_test_random.txt";
  {
    std::FILE* f = std::fopen(blocklist.c_str(), "w");
    std::fputs("198.51.100.66\n", f);
    std::fclose(f);
  }
  const std::pair<std::string, std::string> kinds[] = {
      {"ssh-brute-force", "203.0.113.9"},
      {"rdp-brute-force", "203.0.113.10"},
      {"port-scan", "203.0.113.50"},
      {"port-scan:kind=horizontal", ""},
      {"port-probe", "192.0.2.77"},
      {"spike", ""},
      {"exfil", "203.0.113.200"},
      {"blocklisted", "198.51.100.66"},
      {"unusual-protocol", "203.0.113.77"},
      {"gap", ""},
      {"skipdata", ""}};
  for (uint64_t trial = 1; trial <= 3; ++trial) {
    gen::Random r(trial);
    std::vector<size_t> slots(std::size(kinds));
    for (size_t i = 0; i < slots.size(); ++i) slots[i] = i;
    for (size_t i = slots.size() - 1; i > 0; --i) {
      std::swap(slots[i], slots[r.Below(i + 1)]);
    }
    GenRun day;
    day.duration = 86400;
    day.seed = trial * 1000;
    day.volume = 30;
    for (size_t i = 0; i < slots.size(); ++i) {
      const int64_t at =
          60 + static_cast<int64_t>(slots[i]) * 120 + r.Between(0, 40);
      const std::string& kind = kinds[i].first;
      day.scenarios.push_back(fmt::format(
          "{}{}at={:02}:{:02}", kind,
          kind.find(':') == std::string::npos ? ":" : ",", at / 60, at % 60));
    }
    INFO(fmt::format("{}", fmt::join(day.scenarios, " ")));
    const DetectRun run =
        testing::Detect(testing::GenText(day), WithBlocklist(blocklist));
    REQUIRE(run.findings.size() == std::size(kinds));
    for (const auto& [kind, actor_text] : kinds) {
      // Named again: clang 14 cannot capture a structured binding.
      const auto& actor = actor_text;
      if (actor.empty()) continue;
      INFO(kind);
      CHECK(std::count_if(run.findings.begin(), run.findings.end(),
                          [&](const Finding& f) {
                            return f.remote.address == actor;
                          }) == 1);
    }
    std::vector<std::string> types = testing::Types(run);
    std::sort(types.begin(), types.end());
    CHECK(std::unique(types.begin(), types.end()) - types.begin() == 10);
  }
}

TEST_CASE("detect: a scenario across two windows is one finding", "[detect]") {
  // 10-minute windows: 02:07 to 02:12 spans two; GuardDuty's rule (a repeat
  // within renotify is the same finding) makes it one, seen twice.
  for (const std::string scenario :
       {"ssh-brute-force:at=02:07", "port-scan:at=02:08", "exfil:at=02:55"}) {
    INFO(scenario);
    const DetectRun run =
        testing::Detect(testing::GenText(testing::With({scenario})));
    REQUIRE(run.findings.size() == 1);
    CHECK(run.findings[0].count == 2);
  }
  const DetectRun ssh = testing::Detect(
      testing::GenText(testing::With({"ssh-brute-force:at=02:07"})));
  // What the second window saw after the decision is in the totals.
  CHECK(ssh.findings[0].FigureValue("attempts") == 150);
  CHECK(ssh.findings[0].last_seen - ssh.findings[0].first_seen > 240);
}

TEST_CASE("detect: the same findings on one thread, on many, and streamed",
          "[detect]") {
  const std::string text = testing::GenText(
      testing::With({"ssh-brute-force:at=01:17", "port-scan:at=02:58",
                     "spike:at=03:23", "exfil:at=03:55", "gap:at=04:12"}));
  const DetectRun one = testing::Detect(text, {}, 1);
  const DetectRun many = testing::Detect(text, {}, 4);
  REQUIRE(one.findings.size() == 5);
  REQUIRE(many.findings.size() == one.findings.size());
  for (size_t i = 0; i < one.findings.size(); ++i) {
    const Finding& a = one.findings[i];
    const Finding& b = many.findings[i];
    CHECK(a.id == b.id);
    CHECK(a.count == b.count);
    CHECK(a.last_seen == b.last_seen);
    CHECK(a.samples == b.samples);
    CHECK(a.FigureValue("flows") == b.FigureValue("flows"));
  }
}

TEST_CASE("detect: a busy but legitimate network finds nothing", "[detect]") {
  // Ten times the traffic: thousands of clients, big replies, the hourly
  // backup, the office's sessions behind one NAT address.
  for (const uint64_t seed : {1u, 7u}) {
    INFO(seed);
    GenRun busy;
    busy.seed = seed;
    busy.volume = 600;
    busy.duration = 4 * 3600;
    CHECK(testing::Detect(testing::GenText(busy)).findings.empty());
  }
}

// Hand-made records: "src dst srcport dstport protocol packets action" at
// `t` (a v2 record on eni-1).
std::string Record(std::string_view src, std::string_view dst, int sport,
                   int dport, int packets, std::string_view action, int64_t t) {
  return fmt::format(
      "2 123456789012 eni-0000000000000001 {} {} {} {} 6 {} {} {} {} {} OK\n",
      src, dst, sport, dport, packets, packets * 80, t, t + 5, action);
}

TEST_CASE("detect: brute force counts attempts, not sessions", "[detect]") {
  // Forty people behind one office NAT address log in within ten minutes:
  // long sessions, no finding. Forty short rejected tries: a finding.
  std::string sessions, attempts;
  for (int i = 0; i < 40; ++i) {
    sessions += Record("198.51.100.7", "10.0.1.20", 40000 + i, 22, 400,
                       "ACCEPT", kDay + i * 10);
    attempts += Record("198.51.100.7", "10.0.1.20", 40000 + i, 22, 2, "REJECT",
                       kDay + i * 10);
  }
  CHECK(testing::Detect(sessions).findings.empty());
  const DetectRun run = testing::Detect(attempts);
  const Finding& f = Only(run, "UnauthorizedAccess:EC2/SSHBruteForce");
  CHECK(f.blocked);
  CHECK(f.severity == kSeverityLow);
  // Some accepted: Medium, and not blocked.
  std::string mixed = attempts + Record("198.51.100.7", "10.0.1.20", 50000, 22,
                                        12, "ACCEPT", kDay + 100);
  const DetectRun m = testing::Detect(mixed);
  const Finding& g = Only(m, "UnauthorizedAccess:EC2/SSHBruteForce");
  CHECK_FALSE(g.blocked);
  CHECK(g.severity == kSeverityMedium);
  // An allowlisted source is never one.
  DetectConfig allow;
  REQUIRE(ApplySetting(&allow, "brute-force.allow", "198.51.100.0/24").ok());
  CHECK(testing::Detect(attempts, allow).findings.empty());
}

TEST_CASE("detect: replies never make a port scan", "[detect]") {
  // A server's replies go from its port to its clients' ephemeral ports,
  // a few packets each: hundreds of "ports" of the client, but no scan.
  std::string replies, probes;
  for (int i = 0; i < 200; ++i) {
    replies += Record("10.0.1.10", "203.0.113.5", 443, 32768 + i, 2, "ACCEPT",
                      kDay + i);
    probes +=
        Record("203.0.113.5", "10.0.1.10", 40000, 1 + i, 1, "REJECT", kDay + i);
  }
  CHECK(testing::Detect(replies).findings.empty());
  const DetectRun run = testing::Detect(probes);
  const Finding& f = Only(run, "Recon:EC2/Portscan");
  CHECK(f.remote.address == "203.0.113.5");
  CHECK(f.role == ResourceRole::kTarget);
  CHECK(f.FigureValue("distinctPorts") > 190);
}

TEST_CASE("detect: IPv6 sources and targets", "[detect]") {
  const std::string text = testing::GenText(
      testing::With({"ssh-brute-force:from=2001:db8:ff00::66,at=01:30",
                     "port-probe:from=2001:db8:ff00::77,at=02:30"}));
  // Without your IPv6 block, the probe's target is not known to be yours.
  const DetectRun plain = testing::Detect(text);
  const Finding& f = Only(plain, "UnauthorizedAccess:EC2/SSHBruteForce");
  CHECK(f.remote.address == "2001:db8:ff00::66");
  CHECK(f.resource.address == "2001:db8:1234:1::10");
  DetectConfig mine;
  REQUIRE(
      ApplySetting(&mine, "internal", "10.0.0.0/8,2001:db8:1234::/48").ok());
  const DetectRun both = testing::Detect(text, mine);
  REQUIRE(testing::Types(both) ==
          std::vector<std::string>{"UnauthorizedAccess:EC2/SSHBruteForce",
                                   "Recon:EC2/PortProbeUnprotectedPort"});
  CHECK(both.findings[1].remote.address == "2001:db8:ff00::77");
}

TEST_CASE("detect: the formats a detector needs", "[detect]") {
  // Transit Gateway records have no action: port-probe is off, with one
  // note; the scan is still found, on the attachment.
  GenRun tgw = testing::With({"port-scan:at=02:00", "port-probe:at=03:00"});
  tgw.format = "tgw";
  tgw.header = true;
  const DetectRun run = testing::Detect(testing::GenText(tgw));
  const Finding& f = Only(run, "Recon:EC2/Portscan");
  CHECK(f.resource.transit_gateway);
  CHECK(f.resource.interface_id == "tgw-attach-0a1b2c3d4e5f60000");
  REQUIRE(run.notes.size() == 1);
  CHECK(run.notes[0] ==
        "port-probe: the format tgw has no field 'action': the detector is off "
        "for its records");
  // A custom format brings the VPC, subnet and instance into the resource.
  GenRun custom = testing::With({"ssh-brute-force:at=02:00"});
  custom.format =
      "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} "
      "${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} "
      "${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} "
      "${flow-direction}";
  custom.header = true;
  const DetectRun c = testing::Detect(testing::GenText(custom));
  const Finding& g = Only(c, "UnauthorizedAccess:EC2/SSHBruteForce");
  CHECK(g.resource.vpc_id == "vpc-0a1b2c3d4e5f60000");
  CHECK(g.resource.instance_id == "i-0a1b2c3d4e5f60001");
  CHECK(g.resource.subnet_id == "subnet-001b2c3d4e5f60001");
}

TEST_CASE("detect: spikes against a seasonal baseline", "[detect]") {
  // The day's rhythm (quiet nights, a busy afternoon) is no spike; a burst
  // is, after the warm-up, and only once however long it lasts.
  GenRun day;
  day.duration = 86400;
  CHECK(testing::Detect(testing::GenText(day)).findings.empty());
  day.scenarios = {"spike:at=00:10", "spike:to=web-2,at=13:30,minutes=20"};
  const DetectRun run = testing::Detect(testing::GenText(day));
  // 00:10 is inside the warm-up (30 minutes of history): not judged.
  const Finding& f = Only(run, "Behavior:EC2/TrafficVolumeUnusual");
  CHECK(f.resource.interface_id == "eni-0a1b2c3d4e5f60002");
  CHECK(f.first_seen == kDay + 13 * 3600 + 30 * 60);
  CHECK(f.count > 1);
  // The total series reports what no single ENI shows.
  DetectConfig total_only;
  REQUIRE(ApplySetting(&total_only, "spike.per-eni", "false").ok());
  const DetectRun t = testing::Detect(testing::GenText(day), total_only);
  const Finding& g = Only(t, "Behavior:EC2/TrafficVolumeUnusual");
  CHECK(g.resource.interface_id.empty());
}

TEST_CASE("detect: large egress that is usual for its source", "[detect]") {
  // The hourly backup ships ~150 MB to one address: below the floor.
  // Lower the floor and it is a finding once (the first hour has no history)
  // but not in the hours after: it is that source's normal.
  GenRun day;
  day.duration = 5 * 3600;
  DetectConfig low;
  REQUIRE(ApplySetting(&low, "exfil.min-bytes", "50MiB").ok());
  const DetectRun run = testing::Detect(testing::GenText(day), low);
  const Finding& f = Only(run, "Exfiltration:EC2/LargeEgress");
  CHECK(f.resource.address == "10.1.2.20");
  CHECK(f.remote.address == "52.216.10.20");
  CHECK(f.first_seen < kDay + 3600);
}

TEST_CASE("detect: blocklists and AWS's ranges", "[detect]") {
  const std::string ranges = "/tmp/flowmon_detect_test_ranges.json";
  {
    std::FILE* f = std::fopen(ranges.c_str(), "w");
    std::fputs(
        R"({"syncToken": "1", "prefixes": [
          {"ip_prefix": "52.216.0.0/15", "region": "us-east-1", "service": "AMAZON"},
          {"ip_prefix": "52.216.0.0/15", "region": "us-east-1", "service": "S3"}],
          "ipv6_prefixes": []})",
        f);
    std::fclose(f);
  }
  // The backup target is in S3: with the ranges, exfil leaves it out.
  GenRun day;
  day.duration = 2 * 3600;
  DetectConfig low;
  REQUIRE(ApplySetting(&low, "exfil.min-bytes", "50MiB").ok());
  low.aws_ranges = ranges;
  CHECK(testing::Detect(testing::GenText(day), low).findings.empty());
  // As a blocklist, the ranges name what was contacted.
  DetectConfig listed = WithBlocklist(ranges);
  REQUIRE(OnlyDetectors(&listed, "blocklist").ok());
  const DetectRun run = testing::Detect(testing::GenText(day), listed);
  const Finding& f =
      Only(run, "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom");
  CHECK(f.remote.organization == "AWS S3 us-east-1");
  CHECK(f.role == ResourceRole::kActor);
}

TEST_CASE("detect: an ENI that stops reporting", "[detect]") {
  // A short silence, or one at the very start, is not a gap; a stop that
  // lasts to the end of the data is.
  CHECK(testing::Detect(
            testing::GenText(testing::With({"gap:at=02:00,minutes=20"})))
            .findings.empty());
  const DetectRun end = testing::Detect(
      testing::GenText(testing::With({"gap:host=batch,at=04:00,minutes=200"})));
  const Finding& f = Only(end, "Stealth:EC2/FlowLogsStopped");
  CHECK(f.resource.interface_id == "eni-0a1b2c3d4e5f60007");
  CHECK(f.FigureValue("silentSeconds") >= 1800);
  // When it comes back, the finding says how long it was silent.
  const DetectRun back = testing::Detect(
      testing::GenText(testing::With({"gap:at=02:00,minutes=45"})));
  CHECK(
      Only(back, "Stealth:EC2/FlowLogsStopped").FigureValue("silentSeconds") ==
      45 * 60);
}

TEST_CASE("detect: late records and the lateness window", "[detect]") {
  // A record that arrives after its minute was final is counted, not used.
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += Record("203.0.113.9", "10.0.1.10", 40000 + i, 22, 1, "REJECT",
                   kDay + 3600 + i);
  }
  text += Record("203.0.113.9", "10.0.1.10", 50000, 22, 1, "REJECT", kDay);
  const DetectRun run = testing::Detect(text);
  CHECK(run.counters.late == 1);
  CHECK(run.counters.records == 31);
  CHECK(run.findings.size() == 1);
}

}  // namespace
}  // namespace flowmon
