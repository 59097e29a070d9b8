// Expectations: their syntax and the verdict on a replay.
#include "flowmon/check/expectation.h"

#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

std::string Text(std::string_view text) {
  Result<Expectation> e = ParseExpectation(text);
  return e.ok() ? e->Text() : e.status().message();
}

AlarmTransition To(int64_t time, AlarmState from, AlarmState to) {
  AlarmTransition t;
  t.time = time;
  t.from = from;
  t.to = to;
  return t;
}

TEST_CASE("expectations: the syntax", "[check]") {
  CHECK(Text("fires") == "fires");
  CHECK(Text("  never-fires ") == "never-fires");
  CHECK(Text("ends-in OK") == "ends-in OK");
  CHECK(Text("ends-in   INSUFFICIENT_DATA") == "ends-in INSUFFICIENT_DATA");
  CHECK(Text("ALARM") == "ends-in ALARM");  // a bare state, as before
  CHECK(Text("transitions 0") == "transitions 0");
  CHECK(Text("transitions 12") == "transitions 12");
  CHECK(Text("fire") ==
        "unknown expectation 'fire' (expected fires, never-fires, ends-in "
        "STATE, transitions N, or a state: OK, ALARM, INSUFFICIENT_DATA)");
  CHECK(Text("").starts_with("unknown expectation ''"));
  CHECK(Text("ends-in").starts_with("unknown expectation 'ends-in'"));
  CHECK(Text("ends-in RED") ==
        "unknown alarm state 'RED' (expected OK, ALARM, INSUFFICIENT_DATA)");
  CHECK(Text("transitions -1") == "transitions: '-1' is not a whole number");
  CHECK(Text("transitions 1.5") == "transitions: '1.5' is not a whole number");
  CHECK(Text("transitions 9999999999") ==
        "transitions: '9999999999' is not a whole number");
  Result<std::vector<Expectation>> list =
      ParseExpectations("fires, ends-in OK,transitions 4");
  REQUIRE(list.ok());
  REQUIRE(list->size() == 3);
  CHECK((*list)[0].kind == Expectation::Kind::kFires);
  CHECK((*list)[1] == Expectation{Expectation::Kind::kEndsIn, AlarmState::kOk});
  CHECK((*list)[2].transitions == 4);
  CHECK_FALSE(ParseExpectations("fires,").ok());
}

TEST_CASE("expectations: the verdict", "[check]") {
  const std::vector<AlarmTransition> attack = {
      To(1563108240, AlarmState::kInsufficientData, AlarmState::kAlarm),
      To(1563108420, AlarmState::kAlarm, AlarmState::kOk)};
  const std::vector<AlarmTransition> quiet = {
      To(1563108240, AlarmState::kInsufficientData, AlarmState::kOk)};
  auto judge = [](std::string_view expect, AlarmState final_state,
                  const std::vector<AlarmTransition>& transitions) {
    Result<std::vector<Expectation>> e = ParseExpectations(expect);
    REQUIRE(e.ok());
    return Judge(*e, final_state, transitions);
  };
  // Without expectations: pass unless the alarm ends in ALARM.
  CHECK(Judge({}, AlarmState::kOk, attack).pass);
  CHECK(Judge({}, AlarmState::kAlarm, attack).failures ==
        std::vector<std::string>{"ended in ALARM"});
  CHECK(judge("fires, ends-in OK", AlarmState::kOk, attack).pass);
  CHECK(judge("fires", AlarmState::kOk, quiet).failures ==
        std::vector<std::string>{"never reached ALARM, expected fires"});
  CHECK(judge("never-fires", AlarmState::kOk, quiet).pass);
  CHECK(judge("never-fires", AlarmState::kOk, attack).failures ==
        std::vector<std::string>{
            "reached ALARM at 2019-07-14T12:44:00Z, expected never-fires"});
  CHECK(judge("transitions 2", AlarmState::kOk, attack).pass);
  CHECK(judge("transitions 2", AlarmState::kOk, quiet).failures ==
        std::vector<std::string>{"made 1 transition, expected 2"});
  // Each expectation missed is a reason; an ALARM end is fine when expected.
  const Verdict both = judge("ALARM, transitions 0", AlarmState::kOk, attack);
  CHECK_FALSE(both.pass);
  CHECK(both.failures ==
        std::vector<std::string>{"ended in OK, expected ALARM",
                                 "made 2 transitions, expected 0"});
  CHECK(judge("ends-in ALARM", AlarmState::kAlarm, attack).pass);
}

}  // namespace
}  // namespace flowmon
