// The finding book (one finding for a repeat within renotify) and the
// GuardDuty-shaped JSON.
#include <simdjson.h>

#include "catch.h"
#include "detect/finding_book.h"
#include "flowmon/detect/finding_json.h"

namespace flowmon {
namespace {

Finding Sample(int64_t first) {
  Finding f;
  f.detector = "brute-force";
  f.type = "UnauthorizedAccess:EC2/SSHBruteForce";
  f.first_seen = first;
  f.last_seen = first + 100;
  f.figures = {{"attempts", 30}, {"distinctPorts", 5, true, true}};
  return f;
}

TEST_CASE("finding book: repeats within renotify are one finding", "[detect]") {
  std::vector<std::string> emitted;
  detect::FindingBook book(3600, 3, nullptr, true,
                           [&](const Finding& f) { emitted.push_back(f.id); });
  CHECK(book.Report("k", Sample(1000), {}));
  CHECK_FALSE(book.Report("k", Sample(2000), {}));  // within an hour
  book.Amend("k", 5000, {{"attempts", 7}, {"distinctPorts", 3, false, true}});
  book.Flush(5000);
  REQUIRE(emitted.size() == 1);
  std::vector<Finding> all = book.All();
  REQUIRE(all.size() == 1);
  CHECK(all[0].count == 2);
  CHECK(all[0].last_seen == 5000);
  CHECK(all[0].FigureValue("attempts") == 67);       // summed
  CHECK(all[0].FigureValue("distinctPorts") == 5);   // the peak
  CHECK(all[0].figures[1].approximate);
  // Quiet for longer: a new finding, with another id.
  CHECK(book.Report("k", Sample(20000), {}));
  book.Flush(20000);
  REQUIRE(emitted.size() == 2);
  CHECK(emitted[0] != emitted[1]);
  CHECK(emitted[0].size() == 32);
}

TEST_CASE("finding json: GuardDuty's shape", "[detect]") {
  Finding f = Sample(1709517600);
  f.id = "0123456789abcdef0123456789abcdef";
  f.severity = 2;
  f.title = "t";
  f.description = "d";
  f.resource.interface_id = "eni-1";
  f.resource.address = "10.0.1.10";
  f.remote.address = "2001:db8::1";
  f.local_port = 22;
  f.local_port_name = "SSH";
  f.protocol = 6;
  f.direction = "INBOUND";
  f.blocked = true;
  f.samples = {"2 1 eni-1 ..."};
  fmt::memory_buffer out;
  AppendFindingJson(&out, f, FindingIdentity());
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  REQUIRE(parser.parse(out.data(), out.size()).get(e) == simdjson::SUCCESS);
  CHECK(std::string_view(e["type"]) == "UnauthorizedAccess:EC2/SSHBruteForce");
  CHECK(double(e["severity"]) == 2);
  CHECK(std::string_view(e["resource"]["resourceType"]) == "NetworkInterface");
  CHECK(std::string_view(e["resource"]["instanceDetails"]["networkInterfaces"]
                         .at(0)["networkInterfaceId"]) == "eni-1");
  auto action = e["service"]["action"];
  CHECK(std::string_view(action["actionType"]) == "NETWORK_CONNECTION");
  CHECK(std::string_view(action["networkConnectionAction"]["remoteIpDetails"]
                                ["ipAddressV6"]) == "2001:db8::1");
  CHECK(int64_t(action["networkConnectionAction"]["localPortDetails"]["port"]) == 22);
  CHECK(bool(action["networkConnectionAction"]["blocked"]));
  CHECK(std::string_view(e["service"]["eventFirstSeen"]) ==
        "2024-03-04T02:00:00.000Z");
  CHECK(std::string_view(e["service"]["additionalInfo"]["approximate"].at(0)) ==
        "distinctPorts");
  CHECK(std::string_view(e["arn"]) ==
        "arn:aws:guardduty:us-east-1:000000000000:detector/flowmon/finding/"
        "0123456789abcdef0123456789abcdef");
  // The EventBridge envelope around it, as --notify delivers it.
  const std::string event = FindingEventJson(f, FindingIdentity());
  REQUIRE(parser.parse(event).get(e) == simdjson::SUCCESS);
  CHECK(std::string_view(e["detail-type"]) == "GuardDuty Finding");
  CHECK(std::string_view(e["detail"]["id"]) == f.id);
  CHECK(FindingSlackJson(f) ==
        "{\"text\":\"Low 2 UnauthorizedAccess:EC2/SSHBruteForce: t (first seen "
        "2024-03-04T02:00:00Z)\"}");
}

}  // namespace
}  // namespace flowmon
