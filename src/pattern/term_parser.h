// The term family of filter patterns: ERROR -Exiting ?WARN "a phrase"
// %regex%, parsed with column errors.
#pragma once

#include <string_view>
#include <vector>

#include "flowmon/pattern/pattern.h"

namespace flowmon {

// Parses `text` into *groups (the event matches when every term of any
// group holds; a '?' term starts a group), or sets *match_all for the
// match-all patterns "", " " and a blank text. Fills *error (1-based
// column) on failure. The terms own their text.
bool ParseTermPattern(std::string_view text,
                      std::vector<std::vector<Term>>* groups, bool* match_all,
                      PatternError* error);

}  // namespace flowmon
