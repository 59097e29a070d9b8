// DetectConfig: every detector's thresholds, windows and allowlists, with
// documented defaults; one table of settings names them for the config file
// (JSON) and for --set NAME=VALUE alike.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/ip_address.h"
#include "flowmon/core/status.h"

namespace flowmon {

// A port and the name findings give it ("22=SSH").
struct NamedPort {
  int port = 0;
  std::string name;
};

// Recon:EC2/Portscan: one source probing many ports of one host (vertical)
// or one port of many hosts (horizontal) in a window.
struct PortScanConfig {
  bool enabled = true;
  int64_t window = 600;
  int64_t min_ports = 25;  // distinct ports of one host
  int64_t min_hosts = 25;  // distinct hosts on one port
  // A probe: a REJECTed flow, or one of at most this many packets.
  int64_t probe_packets = 2;
  double severity_inbound = 2;   // an outside scanner: Low
  double severity_outbound = 5;  // an instance of yours scans: Medium
  std::vector<IpNetwork> allow;  // scanners to ignore (your own)
};

// UnauthorizedAccess:EC2/SSHBruteForce, .../RDPBruteForce: many short flows
// to a login port from one source.
struct BruteForceConfig {
  bool enabled = true;
  int64_t window = 600;
  int64_t min_attempts = 20;
  int64_t max_packets = 30;  // a flow of more packets is a session
  std::vector<NamedPort> ports = {{22, "SSH"}, {3389, "RDP"}};
  double severity_target = 2;    // attempts on yours, all rejected
  double severity_accepted = 5;  // some of them were ACCEPTed
  double severity_actor = 8;     // an instance of yours attacks
  std::vector<IpNetwork> allow;
};

// Recon:EC2/PortProbeUnprotectedPort: ACCEPTed inbound traffic from outside
// to a port that is usually closed.
struct PortProbeConfig {
  bool enabled = true;
  int64_t window = 600;
  std::vector<NamedPort> ports;  // set by the constructor's defaults
  std::vector<int> high_ports = {9200, 9300};  // High, as in GuardDuty
  double severity = 2;
  double severity_high = 8;
  std::vector<IpNetwork> allow;          // remote sources to ignore
  std::vector<IpNetwork> allow_targets;  // hosts meant to be exposed
  PortProbeConfig();
};

// Behavior:EC2/TrafficVolumeUnusual: a per-minute series far from its own
// recent baseline (rolling median and MAD).
struct SpikeConfig {
  bool enabled = true;
  int64_t baseline = 60;                  // minutes of history in the median
  int64_t warmup = 30;                    // minutes of history before judging
  double ratio = 5;                       // at least this many times the median
  double mads = 6;                        // and this many scaled MADs above it
  double min_bytes = 10 * 1024.0 * 1024;  // per minute, the floor
  double min_packets = 10000;
  double min_rejects = 300;
  bool per_eni = true;
  bool total = true;
  double severity = 8;          // bytes or packets
  double severity_rejects = 5;  // only rejects spiked
};

// UnauthorizedAccess:EC2/MaliciousIPCaller.Custom: traffic to or from an
// address of a --blocklist.
struct BlocklistConfig {
  bool enabled = true;
  int64_t window = 600;
  double severity = 5;
  std::vector<std::string> files;  // --blocklist FILE
};

// Behavior:EC2/NetworkProtocolUnusual: a protocol outside the usual ones.
struct UnusualProtocolConfig {
  bool enabled = true;
  int64_t window = 600;
  std::vector<int> allow = {1, 6, 17, 58};  // ICMP, TCP, UDP, ICMPv6
  double severity = 5;
};

// Exfiltration:EC2/LargeEgress: unusually large egress from an internal
// address to an external one.
struct ExfilConfig {
  bool enabled = true;
  int64_t window = 3600;
  double min_bytes = 1024.0 * 1024 * 1024;  // to one destination, per window
  // ... and this many times the source's largest egress to one destination
  // in its previous `history` windows.
  double ratio = 10;
  int64_t history = 24;
  bool include_aws = false;      // with --aws-ranges: count AWS destinations
  std::vector<IpNetwork> allow;  // destinations to ignore
  double severity = 8;
};

// Stealth:EC2/FlowLogsStopped and Policy:EC2/FlowLogSkipData: ENIs that
// stop reporting, and SKIPDATA records.
struct GapConfig {
  bool enabled = true;
  int64_t silence = 1800;     // no record for this long while others report
  int64_t min_active = 1800;  // after reporting for at least this long
  int64_t window = 600;       // SKIPDATA records are counted per window
  double severity = 2;
  double severity_skipdata = 2;
};

struct DetectConfig {
  // Your addresses: a flow's side inside them is the resource's, the
  // other side is outside. RFC 1918 and IPv6 unique local addresses by
  // default; add your VPCs' public IPv4 and IPv6 blocks.
  std::vector<IpNetwork> internal;
  int64_t lateness = 600;     // how late records may arrive (event time)
  int64_t renotify = 21600;   // a repeat within this is the same finding
  int64_t samples = 3;        // sample records per finding
  int64_t max_keys = 200000;  // tracked keys per detector and window
  std::string aws_ranges;     // --aws-ranges ip-ranges.json
  PortScanConfig port_scan;
  BruteForceConfig brute_force;
  PortProbeConfig port_probe;
  SpikeConfig spike;
  BlocklistConfig blocklist;
  UnusualProtocolConfig unusual_protocol;
  ExfilConfig exfil;
  GapConfig gap;

  DetectConfig();
};

// The detectors' names, in the order findings of one minute are reported.
std::span<const std::string_view> DetectorNames();

// One setting: its name ("port-scan.min-ports"), what it takes, its
// default and what it means.
struct DetectSetting {
  std::string_view name;
  std::string_view kind;  // duration, count, number, bytes, bool, cidrs, ...
  std::string_view description;
};
std::span<const DetectSetting> DetectSettings();

// The current value of a setting as text, as --list-settings prints it.
std::string SettingValue(const DetectConfig& config, std::string_view name);

// Sets `name` from its text form: durations "10m", bytes "1GiB", lists
// comma-separated. Errors name the setting (and, for a misspelt name, the
// closest one).
Status ApplySetting(DetectConfig* config, std::string_view name,
                    std::string_view value);

// Reads a JSON config file: {"internal": [...], "port-scan": {"min-ports":
// 30, "allow": ["10.0.5.10"]}, ...}; "detector.setting" keys work at the
// top level too. Relative file names in it (blocklists, aws-ranges) are
// relative to the file. Errors name the file and the key.
Status LoadDetectConfig(const std::string& path, DetectConfig* config);

// Turns every detector off but those named in `names` (comma-separated).
Status OnlyDetectors(DetectConfig* config, std::string_view names);

// True when the detector called `name` is on.
bool DetectorEnabled(const DetectConfig& config, std::string_view name);

// "1GiB", "500MB", "10MiB", "123": bytes.
Result<double> ParseBytes(std::string_view text);

}  // namespace flowmon
