// The term family of filter patterns: ERROR -Exiting ?WARN "a phrase"
// %regex%, parsed with column errors.
#pragma once

#include <string_view>
#include <vector>

#include "flowmon/pattern/pattern.h"

namespace flowmon {

// A parsed term pattern. The event matches when every term of any group
// holds. The terms own their text.
struct TermPattern {
  std::vector<std::vector<Term>> groups;
  // "", " " and a blank text: every event.
  bool match_all = false;
  // The pattern has '?' terms beside other terms, and they are ignored:
  // the user guide, "Match optional terms": "If you combine "?" with other
  // filter patterns, all question mark terms will be ignored."
  bool ignores_optional = false;
};

// Parses `text`: with only '?' terms, each is a group of its own (any of
// them); with any other term, the one group of the terms without '?'.
// Fills *error (1-based column) on failure.
bool ParseTermPattern(std::string_view text, TermPattern* out,
                      PatternError* error);

}  // namespace flowmon
