// What `flowmon check` asserts about an alarm's replay, and the verdict.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/alarm/alarm.h"
#include "flowmon/core/status.h"

namespace flowmon {

struct Expectation {
  enum class Kind {
    kEndsIn,       // the final state is `state`
    kFires,        // ALARM reached at least once
    kNeverFires,   // ALARM never reached
    kTransitions,  // exactly `transitions` state changes
  };
  Kind kind = Kind::kEndsIn;
  AlarmState state = AlarmState::kOk;
  int64_t transitions = 0;

  // As it is written: "ends-in OK", "fires", "never-fires", "transitions 3".
  std::string Text() const;
  bool operator==(const Expectation&) const = default;
};

// "fires", "never-fires", "ends-in STATE", "transitions N", or a bare STATE
// (the same as ends-in STATE).
Result<Expectation> ParseExpectation(std::string_view text);
// Expectations separated by commas: "fires, ends-in OK".
Result<std::vector<Expectation>> ParseExpectations(std::string_view text);

struct Verdict {
  bool pass = true;
  // Why it failed, one line per expectation missed: "ended in OK, expected
  // ALARM", "never reached ALARM, expected fires".
  std::vector<std::string> failures;
};

// The verdict on one replay. Without expectations, an alarm passes unless it
// ends in ALARM.
Verdict Judge(const std::vector<Expectation>& expect, AlarmState final_state,
              const std::vector<AlarmTransition>& transitions);

}  // namespace flowmon
