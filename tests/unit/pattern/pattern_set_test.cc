#include "flowmon/pattern/pattern_set.h"

#include <fmt/format.h>

#include <random>
#include <string>
#include <vector>

#include "catch.h"
#include "pattern_test_util.h"

namespace flowmon {
namespace {

using testing::EventRecord;
using testing::MustCompile;

// What the set says for `event` against what each pattern says alone.
void CheckAgrees(const std::vector<CompiledPattern>& compiled,
                 std::string_view event) {
  std::vector<const CompiledPattern*> patterns;
  for (const CompiledPattern& p : compiled) patterns.push_back(&p);
  const PatternSet set(patterns);
  REQUIRE(set.size() == patterns.size());
  const Record rec = EventRecord(event);
  std::vector<uint8_t> matches(patterns.size(), 2);
  const bool any = set.Match(rec, matches.data());
  bool want_any = false;
  for (size_t i = 0; i < patterns.size(); ++i) {
    const bool want = patterns[i]->Matches(rec);
    INFO(patterns[i]->text() << " on " << event);
    CHECK(matches[i] == (want ? 1 : 0));
    want_any = want_any || want;
  }
  CHECK(any == want_any);
}

TEST_CASE(
    "pattern set: each pattern's answer is what it gives alone, for every "
    "family and field binding",
    "[pattern]") {
  const std::vector<std::string> texts = {
      // Exact strings only: matched by the values seen.
      "[v, a, e, s, d, sp, dp=\"22\", p=\"6\", pk, b, st, en, "
      "action=\"REJECT\", ls]",
      "[v, a, e, s, d, sp, dp=\"3389\", p, pk, b, st, en, action=REJECT, ls]",
      "[..., dp=22, p, pk, b, st, en, action=REJECT, ls]",  // 22: a number
      "[..., action=REJECT, ls=OK]",
      "[v, ..., action=ACCEPT, ls]",
      "[v=2, a, ...]",
      "[a, b=\"\", c]",
      "[a, b, c]",
      // Other conditions after the values: Matches() decides.
      "[..., dp=\"22\", p, pk, b, st, en, action=REJECT, ls=O*]",
      "[..., dp=\"22\" || dp=\"23\", p, pk, b, st, en, action, ls]",
      "[..., dp != \"22\", p, pk, b, st, en, action=REJECT, ls]",
      "[..., dp=%^2[23]$%, p, pk, b, st, en, action=REJECT, ls]",
      "[..., bytes > 100, st, en, action=\"REJECT\", ls]",
      // Not space-delimited, or every event.
      "REJECT",
      "?NODATA ?SKIPDATA",
      "{ $.action = \"REJECT\" }",
      "[]",
      "",
  };
  std::vector<CompiledPattern> compiled;
  for (const std::string& t : texts) compiled.push_back(MustCompile(t));
  const std::vector<std::string> events = {
      "2 1 eni-1 1.1.1.1 10.0.0.1 5000 22 6 1 40 100 105 REJECT OK",
      "2 1 eni-1 1.1.1.1 10.0.0.1 5000 23 17 1 400 100 105 REJECT OK",
      "2 1 eni-1 1.1.1.1 10.0.0.1 5000 3389 6 1 40 100 105 REJECT OK",
      "2 1 eni-1 1.1.1.1 10.0.0.1 5000 22 6 1 40 100 105 ACCEPT OK",
      "2 1 eni-1 1.1.1.1 10.0.0.1 5000 22 6 1 40 100 105 REJECT OKAY",
      "2 1 eni-1 - - - - - - - 100 160 - NODATA",
      "3 1 eni-1 1.1.1.1 10.0.0.1 5000 22 6 1 40 100 105 REJECT OK",
      "2 x 22 6 REJECT OK",
      "a \"\" c",
      "a b c",
      "REJECT",
      "22",
      "{\"action\": \"REJECT\"}",
      " ",
  };
  for (const std::string& e : events) CheckAgrees(compiled, e);
}

// Seventy monitors of one field each: the set has 64 bits for values, and
// the ones past them are left to Matches().
TEST_CASE("pattern set: more values than bits", "[pattern]") {
  std::vector<CompiledPattern> compiled;
  for (int port = 0; port < 70; ++port) {
    compiled.push_back(MustCompile(fmt::format(
        "[..., dp=\"{}\", p, pk, b, st, en, action=REJECT, ls]", 1000 + port)));
  }
  std::mt19937 rng(5);
  for (int i = 0; i < 200; ++i) {
    CheckAgrees(compiled,
                fmt::format("2 1 eni-1 1.1.1.1 10.0.0.1 5000 {} 6 1 40 100 "
                            "105 {} OK",
                            990 + rng() % 90, rng() % 4 ? "REJECT" : "ACCEPT"));
  }
}

}  // namespace
}  // namespace flowmon
