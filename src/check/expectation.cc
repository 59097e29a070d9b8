// Expectations: their syntax and the verdict on a replay.
#include "flowmon/check/expectation.h"

#include <fmt/format.h>

#include <algorithm>

#include "flowmon/core/time_util.h"

namespace flowmon {
namespace {

constexpr std::string_view kEndsIn = "ends-in";
constexpr std::string_view kFires = "fires";
constexpr std::string_view kNeverFires = "never-fires";
constexpr std::string_view kTransitions = "transitions";

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

Status Unknown(std::string_view text) {
  return Status::InvalidArgument(fmt::format(
      "unknown expectation '{}' (expected fires, never-fires, ends-in STATE, "
      "transitions N, or a state: OK, ALARM, INSUFFICIENT_DATA)",
      text));
}

// The text after `word` and white space, when `text` starts with them.
bool Argument(std::string_view text, std::string_view word,
              std::string_view* argument) {
  if (!text.starts_with(word) || text.size() == word.size() ||
      (text[word.size()] != ' ' && text[word.size()] != '\t'))
    return false;
  *argument = Trim(text.substr(word.size()));
  return true;
}

}  // namespace

std::string Expectation::Text() const {
  switch (kind) {
    case Kind::kEndsIn:
      return fmt::format("{} {}", kEndsIn, AlarmStateName(state));
    case Kind::kFires:
      return std::string(kFires);
    case Kind::kNeverFires:
      return std::string(kNeverFires);
    case Kind::kTransitions:
      return fmt::format("{} {}", kTransitions, transitions);
  }
  return {};
}

Result<Expectation> ParseExpectation(std::string_view text) {
  text = Trim(text);
  Expectation e;
  std::string_view argument;
  if (text == kFires) {
    e.kind = Expectation::Kind::kFires;
  } else if (text == kNeverFires) {
    e.kind = Expectation::Kind::kNeverFires;
  } else if (Argument(text, kEndsIn, &argument)) {
    Result<AlarmState> state = ParseAlarmState(argument);
    if (!state.ok()) return state.status();
    e.state = *state;
  } else if (Argument(text, kTransitions, &argument)) {
    e.kind = Expectation::Kind::kTransitions;
    const bool digits =
        !argument.empty() && argument.size() <= 9 &&
        std::all_of(argument.begin(), argument.end(),
                    [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      return Status::InvalidArgument(
          fmt::format("transitions: '{}' is not a whole number", argument));
    }
    e.transitions = std::stoll(std::string(argument));
  } else if (Result<AlarmState> state = ParseAlarmState(text); state.ok()) {
    e.state = *state;
  } else {
    return Unknown(text);
  }
  return e;
}

Result<std::vector<Expectation>> ParseExpectations(std::string_view text) {
  std::vector<Expectation> out;
  while (true) {
    const size_t comma = text.find(',');
    Result<Expectation> e = ParseExpectation(text.substr(0, comma));
    if (!e.ok()) return e.status();
    out.push_back(*e);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

Verdict Judge(const std::vector<Expectation>& expect, AlarmState final_state,
              const std::vector<AlarmTransition>& transitions) {
  Verdict v;
  auto fail = [&](std::string why) {
    v.pass = false;
    v.failures.push_back(std::move(why));
  };
  if (expect.empty() && final_state == AlarmState::kAlarm)
    fail("ended in ALARM");
  const auto first_alarm = std::find_if(
      transitions.begin(), transitions.end(),
      [](const AlarmTransition& t) { return t.to == AlarmState::kAlarm; });
  const bool fired = first_alarm != transitions.end();
  for (const Expectation& e : expect) {
    switch (e.kind) {
      case Expectation::Kind::kEndsIn:
        if (final_state != e.state) {
          fail(fmt::format("ended in {}, expected {}",
                           AlarmStateName(final_state),
                           AlarmStateName(e.state)));
        }
        break;
      case Expectation::Kind::kFires:
        if (!fired) fail("never reached ALARM, expected fires");
        break;
      case Expectation::Kind::kNeverFires:
        if (fired) {
          fail(fmt::format("reached ALARM at {}, expected never-fires",
                           FormatIso8601(first_alarm->time)));
        }
        break;
      case Expectation::Kind::kTransitions:
        if (static_cast<int64_t>(transitions.size()) != e.transitions) {
          fail(fmt::format("made {} transition{}, expected {}",
                           transitions.size(),
                           transitions.size() == 1 ? "" : "s", e.transitions));
        }
        break;
    }
  }
  return v;
}

}  // namespace flowmon
