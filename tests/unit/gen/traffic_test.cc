#include "flowmon/gen/traffic.h"

#include <zlib.h>

#include <filesystem>
#include <set>

#include "../detect/detect_test_util.h"
#include "catch.h"
#include "flowmon/gen/output.h"

namespace flowmon::gen {
namespace {

using testing::GenRun;
using testing::GenText;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    out.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

TEST_CASE("gen: the same seed, the same records", "[gen]") {
  GenRun run;
  run.duration = 3600;
  const std::string a = GenText(run);
  CHECK(a == GenText(run));
  run.seed = 2;
  CHECK(a != GenText(run));
  // Pinned, so a change to the model or the generator shows.
  CHECK(Lines(a)[0] ==
        "2 123456789012 eni-0a1b2c3d4e5f60002 10.0.2.11 10.0.1.11 0 0 1 1 84 "
        "1709510402 1709510403 ACCEPT OK");
  CHECK(Lines(a).size() == 3346);
}

TEST_CASE("gen: a scenario leaves the baseline alone", "[gen]") {
  GenRun base;
  base.duration = 3 * 3600;
  GenRun attacked = base;
  attacked.scenarios = {"ssh-brute-force:at=01:00", "gap:host=db,at=02:00"};
  const std::vector<std::string> a = Lines(GenText(base));
  const std::vector<std::string> b = Lines(GenText(attacked));
  // Everything of the baseline is there, but the db's records in the gap.
  std::multiset<std::string> extra(b.begin(), b.end());
  size_t missing = 0;
  for (const std::string& line : a) {
    auto it = extra.find(line);
    if (it == extra.end()) {
      ++missing;
      CHECK(line.find("eni-0a1b2c3d4e5f60006") != std::string::npos);
    } else {
      extra.erase(it);
    }
  }
  CHECK(missing > 60);         // an hour of the db: at least its NODATA minutes
  CHECK(extra.size() == 150);  // the attempts
  for (const std::string& line : extra) {
    CHECK(line.find("203.0.113.9 10.0.1.10") != std::string::npos);
  }
}

TEST_CASE("gen: formats, versions and NODATA", "[gen]") {
  GenRun custom;
  custom.duration = 600;
  custom.format = "${version} ${interface-id} ${flow-direction} ${log-status}";
  const std::vector<std::string> lines = Lines(GenText(custom));
  std::set<std::string> shapes(lines.begin(), lines.end());
  CHECK(shapes.count("5 eni-0a1b2c3d4e5f60001 ingress OK") == 1);
  CHECK(shapes.count("5 eni-0a1b2c3d4e5f60001 egress OK") == 1);
  // The bastion is idle at night: minutes without traffic say NODATA.
  CHECK(shapes.count("5 eni-0a1b2c3d4e5f60003 - NODATA") == 1);
  GenRun tgw;
  tgw.duration = 60;
  tgw.format = "tgw";
  CHECK(
      Lines(GenText(tgw))[0].starts_with("6 TransitGateway 123456789012 tgw-"));
}

TEST_CASE("gen: scenario errors say what is wrong", "[gen]") {
  CHECK(ParseScenario("portscan")
            .status()
            .message()
            .starts_with(
                "unknown scenario 'portscan' (expected ssh-brute-force, "));
  CHECK(ParseScenario("spike:colour=red").status().message() ==
        "--scenario spike: unknown key 'colour=red' (it takes to=web-1 "
        "at=14:00 minutes=3 rate=600 bytes=200000)");
  GenConfig config;
  for (const auto& [text, message] :
       {std::pair<std::string, std::string>{
            "ssh-brute-force:to=web-9",
            "--scenario ssh-brute-force: to=web-9: expected a host of the "
            "model (web-1, web-2, bastion, app-1, app-2, db, batch, api) or "
            "its address"},
        {"exfil:to=10.0.2.11",
         "--scenario exfil: to=10.0.2.11: expected an outside address"},
        {"gap:at=25:00", "--scenario gap: at=25:00: expected HH:MM"},
        {"spike:minutes=0",
         "--scenario spike: minutes=0: expected a number from 1 to 10080"},
        {"ssh-brute-force:from=2001:db8::1,to=bastion",
         "--scenario ssh-brute-force: bastion has no IPv6 address (web-1 and "
         "web-2 have)"}}) {
    config.scenarios = {*ParseScenario(text)};
    CHECK(TrafficGenerator::Create(config).status().message() == message);
  }
}

TEST_CASE("gen: the S3 layout and CloudWatch JSON read back", "[gen]") {
  GenConfig config;
  config.duration = 900;
  config.scenarios = {*ParseScenario("port-scan:at=00:05")};
  TrafficGenerator g = *TrafficGenerator::Create(config);
  const std::string dir = "/tmp/flowmon_gen_s3_test";
  std::filesystem::remove_all(dir);
  auto s3 = NewS3Writer(
      dir, RecordFormatter(Schema::DefaultV2(), g.hosts(), g.config()),
      g.config());
  g.Run([&](std::span<const GenRecord> r) { return s3->Write(r).ok(); });
  REQUIRE(s3->Finish().ok());
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 3);  // one a five minutes
  CHECK(files[0].starts_with(
      dir +
      "/AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/03/04/"
      "123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f60718_"
      "20240304T0000Z_"));
  CHECK(files[0].ends_with(".log.gz"));
  gzFile f = gzopen(files[0].c_str(), "rb");
  char first[200] = {};
  REQUIRE(gzgets(f, first, sizeof first) != nullptr);
  gzclose(f);
  CHECK(std::string(first) ==
        "version account-id interface-id srcaddr dstaddr srcport dstport "
        "protocol packets bytes start end action log-status\n");
  // flowmon reads both back as the same records: the scan is found in each.
  const std::string path = dir + "/events.json";
  std::FILE* out = std::fopen(path.c_str(), "w+");
  auto cw = NewCloudWatchWriter(
      out, RecordFormatter(Schema::DefaultV2(), g.hosts(), g.config()),
      g.hosts());
  g.Run([&](std::span<const GenRecord> r) { return cw->Write(r).ok(); });
  REQUIRE(cw->Finish().ok());
  std::fclose(out);
  const testing::DetectRun run = testing::DetectFiles({path});
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].type == "Recon:EC2/Portscan");
}

}  // namespace
}  // namespace flowmon::gen
