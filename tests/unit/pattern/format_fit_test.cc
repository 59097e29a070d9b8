#include "flowmon/pattern/format_fit.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

std::string Warning(std::string_view pattern_text, const Schema& schema,
                    std::string_view format = "F") {
  Result<CompiledPattern> p = CompiledPattern::Compile(pattern_text);
  REQUIRE(p.ok());
  return PatternFormatWarning(*p, schema, format);
}

Schema Format(std::string_view text) {
  Result<Schema> s = Schema::FromFormat(text);
  REQUIRE(s.ok());
  return *s;
}

// A custom format of 14 fields whose 13th is traffic-path.
const char* const kTrafficPath13 =
    "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} "
    "${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} "
    "${action} ${traffic-path} ${log-status}";

TEST_CASE("pattern names stand for flow-log fields", "[format_fit]") {
  struct Case {
    const char* name;
    const char* field;  // nullptr: no field
  };
  const Case cases[] = {
      {"srcaddr", "srcaddr"},
      {"log_status", "log-status"},
      {"logStatus", "log-status"},
      {"interfaceID", "interface-id"},
      {"pkt_src_aws_service", "pkt-src-aws-service"},
      {"source", "srcaddr"},
      {"destination", "dstaddr"},
      {"destport", "dstport"},
      {"windowstart", "start"},
      {"windowend", "end"},
      {"flowlogstatus", "log-status"},
      {"account", "account-id"},
      {"eni", "interface-id"},
      {"status", "log-status"},
      {"a", nullptr},
      {"request", nullptr},
      {"status_code", nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const FlowField* f = FlowFieldForPatternName(c.name);
    if (c.field == nullptr) {
      CHECK(f == nullptr);
    } else {
      REQUIRE(f != nullptr);
      CHECK(f->name == c.field);
    }
  }
}

TEST_CASE("patterns whose names fit the format say nothing", "[format_fit]") {
  const Schema v2 = Schema::DefaultV2();
  CHECK(Warning("[..., action=REJECT, status]", v2).empty());
  CHECK(Warning("[version, account, eni, source, destination, srcport, "
                "destport=\"22\", protocol=\"6\", packets, bytes, "
                "windowstart, windowend, action=\"REJECT\", flowlogstatus]",
                v2)
            .empty());
  CHECK(Warning("[v, a, e, src, dst, sp, dp, p, packets, bytes >= 30000, ...]",
                v2)
            .empty());
  // Names that are no flow-log fields bind whatever is there.
  CHECK(Warning("[a, b, c, d, e, f, g, h, i, j, k, l, m, n=OK]", v2).empty());
  // `src` may name the packet-level address too.
  CHECK(Warning("[src, dst, ...]", Format("${pkt-srcaddr} ${pkt-dstaddr} "
                                          "${srcaddr} ${dstaddr}"))
            .empty());
  // Not space-delimited, `[]`, or no format to check against.
  CHECK(Warning("REJECT", v2).empty());
  CHECK(Warning("[]", v2).empty());
  CHECK(Warning("{ $.action = \"REJECT\" }", v2).empty());
  CHECK(Warning("[a, b, c]", Schema::Raw()).empty());
}

TEST_CASE("names at positions the format names differently", "[format_fit]") {
  const std::string w = Warning("[..., action=REJECT, status]",
                                Format(kTrafficPath13), "the format of X");
  CHECK(w ==
        "the pattern binds fields by position: in the format of X, `action` "
        "binds field 13 (traffic-path), not action (field 12)\n"
        "  for the fields its names say: [..., action=REJECT, traffic_path, "
        "status]");
  // The suggestion means what it says: nothing more to warn about.
  CHECK(Warning("[..., action=REJECT, traffic_path, status]",
                Format(kTrafficPath13))
            .empty());
}

TEST_CASE("a named field the format lacks", "[format_fit]") {
  const std::string w =
      Warning("[..., action=REJECT, status]",
              Format("${version} ${srcaddr} ${action} ${start} ${bytes}"));
  CHECK(w ==
        "the pattern binds fields by position: in F, `action` binds field 4 "
        "(start), not action (field 3); `status` binds field 5 (bytes), and "
        "there is no log-status");
}

TEST_CASE("patterns that cannot fit the field count", "[format_fit]") {
  const Schema v2 = Schema::DefaultV2();
  CHECK(Warning("[version, account, eni, source, destination, srcport, "
                "destport=\"22\", protocol=\"6\", packets, bytes, "
                "windowstart, windowend, action=\"REJECT\", flowlogstatus, "
                "extra]",
                v2) ==
        "the pattern has 15 fields and no '...', but F has 14: it matches "
        "no record\n"
        "  for the fields its names say: [version, account, eni, source, "
        "destination, srcport, destport=\"22\", protocol=\"6\", packets, "
        "bytes, windowstart, windowend, action=\"REJECT\", flowlogstatus]");
  CHECK(Warning("[a, b, c]", v2) ==
        "the pattern has 3 fields and no '...', but F has 14: it matches no "
        "record");
  CHECK(Warning("[a, b, c, ...]", Format("${version} ${srcaddr}")) ==
        "the pattern has 3 fields besides '...', but F has 2: it matches no "
        "record");
}

TEST_CASE("one of several patterns is named by its text", "[format_fit]") {
  Result<CompiledPattern> p = CompiledPattern::Compile("[a, b]");
  REQUIRE(p.ok());
  CHECK(PatternFormatWarning(*p, Schema::DefaultV2(), "F", true)
            .starts_with("the pattern [a, b] has 2 fields"));
}

TEST_CASE("slots keep their text as written", "[format_fit]") {
  Result<CompiledPattern> p = CompiledPattern::Compile(
      "[ v ,  bytes >= 30000 && packets < 5 , ..., packets, status =\"OK\",]");
  REQUIRE(p.ok());
  std::vector<std::string> texts;
  for (const Slot& s : p->slots()) texts.push_back(s.text);
  CHECK(texts == std::vector<std::string>{"v", "bytes >= 30000 && packets < 5",
                                          "...", "packets", "status =\"OK\"",
                                          ""});
}

}  // namespace
}  // namespace flowmon
