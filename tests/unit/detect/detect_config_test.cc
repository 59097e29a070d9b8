#include "flowmon/detect/detect_config.h"

#include <cstdio>

#include "catch.h"
#include "flowmon/detect/finding.h"

namespace flowmon {
namespace {

TEST_CASE("detect config: every setting prints and parses back", "[detect]") {
  const DetectConfig defaults;
  for (const DetectSetting& s : DetectSettings()) {
    INFO(s.name);
    DetectConfig c;
    const std::string value = SettingValue(defaults, s.name);
    REQUIRE(ApplySetting(&c, s.name, value).ok());
    CHECK(SettingValue(c, s.name) == value);
    CHECK(!s.description.empty());
  }
  CHECK(SettingValue(defaults, "internal") ==
        "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7");
  CHECK(SettingValue(defaults, "exfil.min-bytes") == "1GiB");
  CHECK(SettingValue(defaults, "spike.baseline") == "1h");
  CHECK(SettingValue(defaults, "brute-force.ports") == "22=SSH,3389=RDP");
}

TEST_CASE("detect config: values and their errors", "[detect]") {
  DetectConfig c;
  REQUIRE(ApplySetting(&c, "port-scan.window", "15m").ok());
  CHECK(c.port_scan.window == 900);
  REQUIRE(ApplySetting(&c, "brute-force.ports", "22=SSH, 2222=SSH,5985=WinRM")
              .ok());
  CHECK(c.brute_force.ports.size() == 3);
  CHECK(c.brute_force.ports[2].name == "WinRM");
  REQUIRE(ApplySetting(&c, "exfil.min-bytes", "500MB").ok());
  CHECK(c.exfil.min_bytes == 5e8);
  REQUIRE(ApplySetting(&c, "spike.severity", "medium").ok());
  CHECK(c.spike.severity == 4);
  CHECK(ApplySetting(&c, "port-scan.min-port", "3").message() ==
        "unknown setting 'port-scan.min-port' (did you mean "
        "'port-scan.min-ports'?)");
  CHECK(ApplySetting(&c, "nothing.like.it", "3").message() ==
        "unknown setting 'nothing.like.it' (flowmon detect --list-settings "
        "lists them)");
  CHECK(ApplySetting(&c, "port-scan.min-ports", "many").message() ==
        "port-scan.min-ports: 'many' is not a whole number");
  CHECK(ApplySetting(&c, "internal", "10.0.0.0/33").message() ==
        "internal: '10.0.0.0/33' is not an address or CIDR block");
  CHECK(ApplySetting(&c, "spike.warmup", "90s").message() ==
        "spike.warmup: '90s' is not a whole number of minutes");
  CHECK(ApplySetting(&c, "gap.severity", "9").message() ==
        "gap.severity: '9' is not a severity (low, medium, high, or 1 to 8.9)");
}

TEST_CASE("detect config: only some detectors", "[detect]") {
  DetectConfig c;
  REQUIRE(OnlyDetectors(&c, "port-scan, gap").ok());
  for (const std::string_view d : DetectorNames()) {
    CHECK(DetectorEnabled(c, d) == (d == "port-scan" || d == "gap"));
  }
  CHECK_FALSE(OnlyDetectors(&c, "portscan").ok());
}

TEST_CASE("detect config: the JSON file", "[detect]") {
  const std::string dir = "/tmp/flowmon_detect_config_test";
  std::remove((dir + "/c.json").c_str());
  REQUIRE(std::system(("mkdir -p " + dir).c_str()) == 0);
  std::FILE* f = std::fopen((dir + "/c.json").c_str(), "w");
  std::fputs(R"({
    "internal": ["10.0.0.0/8", "2001:db8:1234::/48"],
    "lateness": "5m",
    "port-scan": {"min-ports": 40, "allow": ["10.0.5.10"]},
    "spike.enabled": false,
    "blocklist": {"files": ["lists/a.txt", "/abs/b.txt"]},
    "aws-ranges": "ip-ranges.json"
  })",
             f);
  std::fclose(f);
  DetectConfig c;
  REQUIRE(LoadDetectConfig(dir + "/c.json", &c).ok());
  CHECK(c.internal.size() == 2);
  CHECK(c.lateness == 300);
  CHECK(c.port_scan.min_ports == 40);
  CHECK(c.port_scan.allow.size() == 1);
  CHECK_FALSE(c.spike.enabled);
  CHECK(c.blocklist.files ==
        std::vector<std::string>{dir + "/lists/a.txt", "/abs/b.txt"});
  CHECK(c.aws_ranges == dir + "/ip-ranges.json");
  f = std::fopen((dir + "/bad.json").c_str(), "w");
  std::fputs(R"({"port-scan": {"min-hosts": "lots"}})", f);
  std::fclose(f);
  CHECK(LoadDetectConfig(dir + "/bad.json", &c).message() ==
        dir + "/bad.json: port-scan.min-hosts: 'lots' is not a whole number");
  CHECK(LoadDetectConfig(dir + "/none.json", &c).message() ==
        dir + "/none.json: cannot open: No such file or directory");
  const Status folder = LoadDetectConfig(dir, &c);
  CHECK(folder.exit_code() == kExitInput);
  CHECK(folder.message() == dir + ": is a directory");
}

TEST_CASE("detect config: sizes and severities", "[detect]") {
  CHECK(*ParseBytes("1GiB") == 1073741824.0);
  CHECK(*ParseBytes("10MiB") == 10485760.0);
  CHECK(*ParseBytes("3KB") == 3000.0);
  CHECK(*ParseBytes("123") == 123.0);
  CHECK_FALSE(ParseBytes("1XB").ok());
  CHECK(*ParseSeverity("LOW") == 1);
  CHECK(*ParseSeverity("high") == 7);
  CHECK(*ParseSeverity("5.5") == 5.5);
  CHECK_FALSE(ParseSeverity("0.5").ok());
  CHECK(SeverityLabel(2) == "Low");
  CHECK(SeverityLabel(5) == "Medium");
  CHECK(SeverityLabel(8) == "High");
}

}  // namespace
}  // namespace flowmon
