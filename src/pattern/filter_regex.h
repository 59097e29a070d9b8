// The regular expressions of filter patterns (%...%): AWS's supported
// subset, checked with column errors, compiled with RE2 (linear time).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string_view>

#include "flowmon/pattern/pattern.h"

namespace flowmon {

// The most regexes AWS accepts in one space-delimited or JSON pattern.
inline constexpr int kMaxRegexesPerPattern = 2;

// Checks `body` (the text between the two '%') against AWS's "Supported
// regular expressions (regex) syntax": letters, digits, the symbols
// : _ # = @ / ; , - and the operators ^ $ ? [ ] { } | \ * + . only; no
// parentheses; no multi-byte characters. `column` is the 1-based column of
// the body's first character in the pattern. Fills *out or *error.
bool CompileFilterRegex(std::string_view body, size_t column,
                        std::shared_ptr<const RE2>* out, PatternError* error);

}  // namespace flowmon
