#include "flowmon/pattern/pattern.h"

#include <map>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/scan/tokenizer.h"
#include "pattern_test_util.h"

namespace flowmon {
namespace {

using testing::CompileError;
using testing::Matches;
using testing::MustCompile;

// The Apache access log of the AWS documentation's space-delimited examples.
const char* const kApache[] = {
    "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif "
    "HTTP/1.0\" 200 1534",
    "127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] \"GET /apache_pb.gif "
    "HTTP/1.0\" 500 5324",
    "127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] \"GET /apache_pb.gif "
    "HTTP/1.0\" 200 4355",
};

std::vector<int> MatchingApacheLines(std::string_view pattern) {
  std::vector<int> out;
  for (int i = 0; i < 3; ++i) {
    if (Matches(pattern, kApache[i])) out.push_back(i + 1);
  }
  return out;
}

using Lines = std::vector<int>;

TEST_CASE("AWS docs: named fields and ellipsis", "[pattern]") {
  CHECK(MatchingApacheLines(
            "[ip, user, username, timestamp, request, status_code, bytes]") ==
        Lines{1, 2, 3});
  CHECK(MatchingApacheLines("[..., status_code, bytes]") == Lines{1, 2, 3});
  CHECK(MatchingApacheLines("[ip, user, ..., status_code, bytes]") ==
        Lines{1, 2, 3});
  CHECK(MatchingApacheLines("[ip, user, ...]") == Lines{1, 2, 3});
  CHECK(MatchingApacheLines("[]") == Lines{1, 2, 3});
  // Without '...' the line must have exactly the pattern's fields.
  CHECK(MatchingApacheLines("[ip, user, username, timestamp, request, "
                            "status_code]")
            .empty());
  CHECK(MatchingApacheLines("[ip, user, username, timestamp, request, "
                            "status_code, bytes, extra]")
            .empty());
  CHECK(MatchingApacheLines("[a, b, c, d, e, f, g, h, ...]").empty());
}

TEST_CASE("AWS docs: conditions on fields", "[pattern]") {
  const char* const fields = "[ip, user, username, timestamp, request, ";
  auto with = [&](std::string tail) { return std::string(fields) + tail; };
  CHECK(MatchingApacheLines(with("status_code, bytes > 1000]")) ==
        Lines{1, 2, 3});
  CHECK(MatchingApacheLines(with("status_code, bytes > 5000]")) == Lines{2});
  CHECK(MatchingApacheLines(with("status_code = 200, bytes]")) == Lines{1, 3});
  CHECK(MatchingApacheLines(with("status_code = 4*, bytes]")).empty());
  CHECK(MatchingApacheLines(with("status_code = 5*, bytes]")) == Lines{2});
  CHECK(MatchingApacheLines(with("status_code=200,bytes]")) == Lines{1, 3});
  CHECK(MatchingApacheLines("[ip, user, username, timestamp, request = *html*, "
                            "status_code = 4*, bytes]")
            .empty());
  CHECK(MatchingApacheLines("[ip, user, username, timestamp, request = *gif*, "
                            "status_code, bytes]") == Lines{1, 2, 3});
  CHECK(MatchingApacheLines(with("status_code != 200, bytes]")) == Lines{2});
  CHECK(MatchingApacheLines(with("status_code, bytes <= 4355]")) ==
        Lines{1, 3});
  CHECK(MatchingApacheLines(with("status_code, bytes >= 5324]")) == Lines{2});
  CHECK(MatchingApacheLines(with("status_code, bytes < 1534]")).empty());
  CHECK(MatchingApacheLines("[ip, user, username = \"frank\", ...]") ==
        Lines{1, 2, 3});
  CHECK(MatchingApacheLines(
            "[..., timestamp = \"10/Oct/2000:13:35:22 -0700\", request, "
            "status_code, bytes]") == Lines{2});
}

TEST_CASE("AWS docs: && and || inside a field's condition", "[pattern]") {
  const std::string pattern =
      "[ip, user, username, timestamp, request, status_code = 4* && "
      "status_code != 403, bytes]";
  CHECK(Matches(pattern, "1.2.3.4 - - [t] \"GET / HTTP/1.1\" 404 10"));
  CHECK_FALSE(Matches(pattern, "1.2.3.4 - - [t] \"GET / HTTP/1.1\" 403 10"));
  CHECK_FALSE(Matches(pattern, "1.2.3.4 - - [t] \"GET / HTTP/1.1\" 200 10"));

  // "[w1=ERROR, w2] matches ERROR (pattern 2), [w1=ERROR || w1=WARN, w2]
  // matches lines containing ERROR or WARN (patterns 2 and 3)".
  const char* const events[] = {"ERROR WARN message", "ERROR message",
                                "WARN message"};
  auto matching = [&](std::string_view p) {
    Lines out;
    for (int i = 0; i < 3; ++i) {
      if (Matches(p, events[i])) out.push_back(i + 1);
    }
    return out;
  };
  CHECK(matching("[w1=ERROR, w2]") == Lines{2});
  CHECK(matching("[w1=ERROR || w1=WARN, w2]") == Lines{2, 3});
  // The docs claim this matches event 1; no reading of the syntax allows
  // it (event 1 has three fields and starts with ERROR). docs/patterns.md.
  CHECK(matching("[w1!=ERROR && w1!=WARN, w2]").empty());
  CHECK(matching("[w1!=ERROR && w1!=WARN, ...]").empty());
  CHECK(matching("[w1!=WARN, ...]") == Lines{1, 2});
  // && binds tighter than ||.
  CHECK(matching("[w1=WARN || w1=ERROR && w2=nothing, w2]") == Lines{3});
  // A condition may test another named field.
  CHECK(matching("[w1=ERROR && w2=message, w2]") == Lines{2});
  CHECK(matching("[w1, w2=message && w1=WARN]") == Lines{3});
}

TEST_CASE("wildcards anchor at the start and end only", "[pattern]") {
  CHECK(Matches("[a=Ev*, ...]", "EventId x"));
  CHECK(Matches("[a=*Event, ...]", "PutEvent x"));
  CHECK(Matches("[a=*ven*, ...]", "PutEvent x"));
  CHECK(Matches("[a=*, ...]", "anything x"));
  CHECK(Matches("[a=\"*\", ...]", "anything x"));
  // "Ev*ent will only match the actual string Ev*ent".
  CHECK_FALSE(Matches("[a=Ev*ent, ...]", "Event x"));
  CHECK(Matches("[a=Ev*ent, ...]", "Ev*ent x"));
  CHECK_FALSE(Matches("[a!=Ev*, ...]", "EventId x"));
}

TEST_CASE("numbers compare numerically; '-' fails every numeric test",
          "[pattern]") {
  CHECK(Matches("[a=22, ...]", "22 x"));
  CHECK(Matches("[a=22, ...]", "22.0 x"));
  CHECK(Matches("[a=\"22\", ...]", "22 x"));
  CHECK_FALSE(Matches("[a=\"22\", ...]", "22.0 x"));
  CHECK(Matches("[a>-1.5e3, ...]", "-1000 x"));
  CHECK(Matches("[a>+1000, ...]", "1001 x"));
  CHECK_FALSE(Matches("[a!=22, ...]", "- x"));
  CHECK_FALSE(Matches("[a<22, ...]", "- x"));
  CHECK_FALSE(Matches("[a>0, ...]", "NODATA x"));
  CHECK(Matches("[a!=REJECT, ...]", "- x"));
}

TEST_CASE("the seed pattern finds the rejected SSH records", "[pattern]") {
  const std::string seed =
      "[version, account, eni, source, destination, srcport, "
      "destport=\"22\", protocol=\"6\", packets, bytes, windowstart, "
      "windowend, action=\"REJECT\", flowlogstatus]";
  CHECK(Matches(seed,
                "2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 "
                "172.31.83.158 39611 22 6 1 40 1563108188 1563108227 REJECT "
                "OK"));
  CHECK_FALSE(Matches(seed,
                      "2 086112738802 eni-0d5d75b41f9befe9e 42.171.23.181 "
                      "172.31.83.158 52417 22 6 24 4065 1563191069 1563191121 "
                      "ACCEPT OK"));
  CHECK_FALSE(Matches(seed,
                      "2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 "
                      "172.31.83.158 39611 80 6 1 40 1563108188 1563108227 "
                      "REJECT OK"));
  CHECK(MustCompile(seed).required_literal() == "REJECT");
}

TEST_CASE("TestMetricFilter: extracted values", "[pattern]") {
  // The AWS example: a leading '...' binds the named fields from the end,
  // the fields it covers are $1.., and a trailing comma adds $7.
  const testing::Extracted got = testing::ExtractedValues(
      "[..., request=*.html*, status_code=4*,]",
      "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html "
      "HTTP/1.0\" 404 1534");
  const testing::Extracted want = {{"$1", "127.0.0.1"},
                                   {"$2", "-"},
                                   {"$3", "frank"},
                                   {"$4", "10/Oct/2000:13:25:15 -0700"},
                                   {"$request", "GET /index.html HTTP/1.0"},
                                   {"$status_code", "404"},
                                   {"$7", "1534"}};
  CHECK(got == want);
}

TEST_CASE("required literal for the prefilter", "[pattern]") {
  CHECK(MustCompile("[..., action=REJECT, status]").required_literal() ==
        "REJECT");
  CHECK(MustCompile("[a=*html*, b=4*]").required_literal() == "html");
  CHECK(MustCompile("[a=ERROR || a=WARN, b]").required_literal().empty());
  CHECK(MustCompile("[a!=ERROR, b]").required_literal().empty());
  CHECK(MustCompile("[a=22, b]").required_literal().empty());
  CHECK(MustCompile("[a, b]").required_literal().empty());
}

TEST_CASE("pattern errors name the column", "[pattern]") {
  CHECK(CompileError("[a, b") ==
        "invalid filter pattern at column 6: expected ']'\n"
        "  [a, b\n"
        "       ^");
  CHECK(CompileError("[version, account, eni, src dst, ...]") ==
        "invalid filter pattern at column 29: expected ',' or ']'\n"
        "  [version, account, eni, src dst, ...]\n"
        "                              ^");
  CHECK(CompileError("[a, ..., b, ...]") ==
        "invalid filter pattern at column 13: '...' may appear only once in "
        "a pattern\n"
        "  [a, ..., b, ...]\n"
        "              ^");
  CHECK(CompileError("[a, a]").starts_with(
      "invalid filter pattern at column 5: duplicate field name 'a'"));
  CHECK(CompileError("[a > x]").starts_with(
      "invalid filter pattern at column 6: expected a number after '>'"));
  CHECK(CompileError("[a = ]").starts_with(
      "invalid filter pattern at column 6: expected a value after '='"));
  CHECK(
      CompileError("[a = \"x]")
          .starts_with(
              "invalid filter pattern at column 6: unterminated quoted value"));
  CHECK(
      CompileError("[a, b] x")
          .starts_with(
              "invalid filter pattern at column 8: unexpected text after ']'"));
  CHECK(CompileError("[a = 1 && c = 2]")
            .starts_with(
                "invalid filter pattern at column 11: unknown field 'c'"));
  CHECK(CompileError("[a = 1 && = 2]")
            .starts_with("invalid filter pattern at column 11: expected a "
                         "field name after "
                         "'&&' or '||'"));
  CHECK(CompileError("[, a]").starts_with(
      "invalid filter pattern at column 2: expected a field name or '...'"));
  CHECK(CompileError("[a = 1 && b]")
            .starts_with(
                "invalid filter pattern at column 12: expected an operator"));
  CHECK(CompileError("[a, b,, c]")
            .starts_with("invalid filter pattern at column 7: expected a field "
                         "name or '...'"));
  // The AWS docs' old example names a field the pattern does not have.
  CHECK(CompileError("[ip, user, username, timestamp, request, status_code = "
                     "4* && bytes > 1000]")
            .find("unknown field 'bytes'") != std::string::npos);
}

// Which field each slot of a space-delimited pattern binds: the rule the
// matcher, the metric sinks and the Athena translation share. Without '...'
// a line has exactly the pattern's fields; slots after '...' count from the
// end of the line.
TEST_CASE("slots: the field each slot binds", "[pattern]") {
  struct Case {
    const char* pattern;
    size_t fields;
    bool fits;
    std::vector<size_t> indexes;  // of every slot but '...'
  };
  const Case cases[] = {
      {"[a, b, c]", 3, true, {0, 1, 2}},
      {"[a, b, c]", 2, false, {}},
      {"[a, b, c]", 4, false, {}},
      {"[v, ..., action, status]", 3, true, {0, 1, 2}},
      {"[v, ..., action, status]", 14, true, {0, 12, 13}},
      {"[v, ..., action, status]", 2, false, {}},
      {"[..., bytes, start]", 14, true, {12, 13}},
      {"[a, b, ...]", 14, true, {0, 1}},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << " on " << c.fields << " fields");
    const CompiledPattern p = MustCompile(c.pattern);
    CHECK(p.FitsFieldCount(c.fields) == c.fits);
    if (!c.fits) continue;
    std::vector<size_t> indexes;
    for (const Slot& s : p.slots()) {
      if (s.kind != Slot::Kind::kEllipsis)
        indexes.push_back(p.FieldIndex(s, c.fields));
    }
    CHECK(indexes == c.indexes);
    CHECK(p.fixed_fields() == c.indexes.size());
  }

  // FieldOf on a record agrees.
  const CompiledPattern p = MustCompile("[v, ..., action, status]");
  Record rec;
  size_t column;
  REQUIRE(SplitFields("2 x y z ACCEPT OK", &rec, &column) == LineError::kOk);
  CHECK(p.FieldOf(rec, *p.FindNamedSlot("v")) == "2");
  CHECK(p.FieldOf(rec, *p.FindNamedSlot("action")) == "ACCEPT");
  CHECK(p.FieldOf(rec, *p.FindNamedSlot("status")) == "OK");
}

TEST_CASE("slots: named slots are found by name", "[pattern]") {
  // A trailing comma adds an unnamed slot.
  const CompiledPattern p = MustCompile("[v, ..., bytes>100, end,]");
  REQUIRE(p.slots().size() == 5);
  REQUIRE(p.FindNamedSlot("bytes") != nullptr);
  CHECK(p.FindNamedSlot("bytes")->name == "bytes");
  CHECK(p.FindNamedSlot("end") == &p.slots()[3]);
  CHECK(p.FitsFieldCount(4));
  CHECK(p.FieldIndex(*p.FindNamedSlot("end"), 14) == 12);
  CHECK(p.FindNamedSlot("nope") == nullptr);
  CHECK(p.FindNamedSlot("") == nullptr);  // the unnamed slot
  CHECK(MustCompile("ERROR").FindNamedSlot("ERROR") == nullptr);
}

}  // namespace
}  // namespace flowmon
