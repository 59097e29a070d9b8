// The space-delimited family of filter patterns, [a, b = 1 && c != 2, ...]:
// recursive descent from the lexer's tokens to slots and conditions.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "flowmon/pattern/pattern.h"

namespace flowmon {

// A parsed space-delimited pattern; owns its names and values.
struct SpaceDelimitedPattern {
  std::vector<Slot> slots;
  std::vector<Condition> conditions;  // all must hold
  uint32_t fixed = 0;                 // slots other than the ellipsis
  int ellipsis = -1;                  // index into slots, or -1
  bool match_all = false;             // `[]`
};

// Parses `text` (blanks, then '['). Fills *out, or *error with the first
// problem and its 1-based column.
bool ParseSpaceDelimitedPattern(std::string_view text,
                                SpaceDelimitedPattern* out,
                                PatternError* error);

}  // namespace flowmon
