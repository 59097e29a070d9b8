// The finding book (one finding for a repeat within renotify) and the
// GuardDuty-shaped JSON.
#include "catch.h"
#include "detect/finding_book.h"
#include "flowmon/detect/finding_json.h"
#include "flowmon/pattern/json_path.h"

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
  CHECK(all[0].FigureValue("attempts") == 67);      // summed
  CHECK(all[0].FigureValue("distinctPorts") == 5);  // the peak
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
  const std::string json = fmt::to_string(out);
  // Read back with the CloudWatch selectors (simdjson's own headers stay in
  // the engine, built with its definitions).
  auto at = [](const std::string& doc, std::string_view path) {
    PatternError error;
    std::string value;
    const auto p = JsonPath::Parse(path, &error);
    REQUIRE(p != nullptr);
    return p->SelectText(doc, &value) ? value : std::string("(none)");
  };
  CHECK(at(json, "$.type") == "UnauthorizedAccess:EC2/SSHBruteForce");
  CHECK(at(json, "$.severity") == "2");
  CHECK(at(json, "$.resource.resourceType") == "NetworkInterface");
  CHECK(at(json,
           "$.resource.instanceDetails.networkInterfaces[0]."
           "networkInterfaceId") == "eni-1");
  CHECK(at(json, "$.service.action.actionType") == "NETWORK_CONNECTION");
  CHECK(at(json,
           "$.service.action.networkConnectionAction.remoteIpDetails."
           "ipAddressV6") == "2001:db8::1");
  CHECK(at(json,
           "$.service.action.networkConnectionAction.localPortDetails."
           "port") == "22");
  CHECK(at(json, "$.service.action.networkConnectionAction.blocked") == "true");
  CHECK(at(json, "$.service.eventFirstSeen") == "2024-03-04T02:00:00.000Z");
  CHECK(at(json, "$.service.additionalInfo.approximate[0]") == "distinctPorts");
  CHECK(at(json, "$.arn") ==
        "arn:aws:guardduty:us-east-1:000000000000:detector/flowmon/finding/"
        "0123456789abcdef0123456789abcdef");
  // The EventBridge envelope around it, as --notify delivers it.
  const std::string event = FindingEventJson(f, FindingIdentity());
  CHECK(at(event, "$.detail-type") == "GuardDuty Finding");
  CHECK(at(event, "$.detail.id") == f.id);
  CHECK(FindingSlackJson(f) ==
        "{\"text\":\"Low 2 UnauthorizedAccess:EC2/SSHBruteForce: t (first seen "
        "2024-03-04T02:00:00Z)\"}");
}

}  // namespace
}  // namespace flowmon
