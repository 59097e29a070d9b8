// Which field each slot of a space-delimited pattern binds: the rule the
// matcher, the metric sinks and the Athena translation share.
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pattern/pattern.h"
#include "flowmon/scan/tokenizer.h"

namespace flowmon {
namespace {

CompiledPattern MustCompile(std::string_view text) {
  Result<CompiledPattern> p = CompiledPattern::Compile(text);
  INFO(p.status().message());
  REQUIRE(p.ok());
  return std::move(*p);
}

// The field index of every slot but '...', in pattern order.
std::vector<size_t> Indexes(const CompiledPattern& p, size_t field_count) {
  std::vector<size_t> out;
  for (const Slot& s : p.slots()) {
    if (s.kind != Slot::Kind::kEllipsis)
      out.push_back(p.FieldIndex(s, field_count));
  }
  return out;
}

TEST_CASE("slots: without '...' the pattern's count is the line's",
          "[pattern]") {
  const CompiledPattern p = MustCompile("[a, b, c]");
  CHECK(p.fixed_fields() == 3);
  CHECK(p.FitsFieldCount(3));
  CHECK_FALSE(p.FitsFieldCount(2));
  CHECK_FALSE(p.FitsFieldCount(4));
  CHECK(Indexes(p, 3) == std::vector<size_t>{0, 1, 2});
}

TEST_CASE("slots: after '...' they count from the end", "[pattern]") {
  const CompiledPattern p = MustCompile("[v, ..., action, status]");
  CHECK(p.fixed_fields() == 3);
  CHECK(p.FitsFieldCount(3));
  CHECK(p.FitsFieldCount(14));
  CHECK_FALSE(p.FitsFieldCount(2));
  CHECK(Indexes(p, 3) == std::vector<size_t>{0, 1, 2});
  CHECK(Indexes(p, 14) == std::vector<size_t>{0, 12, 13});
  CHECK(Indexes(MustCompile("[..., bytes, start]"), 14) ==
        std::vector<size_t>{12, 13});
  CHECK(Indexes(MustCompile("[a, b, ...]"), 14) == std::vector<size_t>{0, 1});

  // FieldOf on a record agrees.
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
