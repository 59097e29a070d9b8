// Helpers shared by the filter-pattern tests: compile, match one event the
// way the scanner splits it, and read what a match extracts.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "catch.h"
#include "flowmon/pattern/pattern.h"
#include "flowmon/scan/tokenizer.h"

namespace flowmon::testing {

inline CompiledPattern MustCompile(std::string_view text) {
  Result<CompiledPattern> p = CompiledPattern::Compile(text);
  INFO(text);
  INFO(p.status().message());
  REQUIRE(p.ok());
  return std::move(*p);
}

// The message of the pattern's compile error (REQUIRES: it has one).
inline std::string CompileError(std::string_view pattern) {
  Result<CompiledPattern> p = CompiledPattern::Compile(pattern);
  INFO(pattern);
  REQUIRE_FALSE(p.ok());
  return p.status().message();
}

// `event` as the scanner hands it to a pattern: the line and its fields.
// Lifetime: the record's views point into `event`.
inline Record EventRecord(std::string_view event) {
  Record rec;
  size_t column;
  const LineError e = SplitFields(event, &rec, &column);
  INFO(event);
  REQUIRE((e == LineError::kOk || e == LineError::kBlank));
  rec.line = event;
  return rec;
}

inline bool Matches(const CompiledPattern& p, std::string_view event) {
  return p.Matches(EventRecord(event));
}

inline bool Matches(std::string_view pattern, std::string_view event) {
  return Matches(MustCompile(pattern), event);
}

// The 1-based numbers of the events the pattern matches.
inline std::vector<int> Which(std::string_view pattern,
                              const std::vector<std::string>& events) {
  const CompiledPattern p = MustCompile(pattern);
  std::vector<int> out;
  for (size_t i = 0; i < events.size(); ++i) {
    if (Matches(p, events[i])) out.push_back(static_cast<int>(i + 1));
  }
  return out;
}

using Extracted = std::vector<std::pair<std::string, std::string>>;

// What TestMetricFilter would list as extractedValues for a matching event,
// in line order.
inline Extracted ExtractedValues(std::string_view pattern,
                                 std::string_view event) {
  const CompiledPattern p = MustCompile(pattern);
  const Record rec = EventRecord(event);
  REQUIRE(p.Matches(rec));
  Extracted got;
  p.ForEachExtracted(rec, [&](std::string_view k, std::string_view v) {
    got.emplace_back(k, v);
  });
  return got;
}

}  // namespace flowmon::testing
