// The regular expressions of filter patterns (%...%): AWS's supported
// subset, checked with column errors, compiled with RE2 (linear time).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

#include "flowmon/pattern/pattern.h"

namespace flowmon {

// The most regexes AWS accepts in one space-delimited or JSON pattern.
inline constexpr int kMaxRegexesPerPattern = 2;

// Checks `body` (the text between the two '%') against AWS's "Supported
// regular expressions (regex) syntax" and writes the RE2 pattern that means
// the same to *re2_text. Accepted: letters, digits, spaces (AWS's own
// examples hold them: %^shutting down%), the symbols : _ # = @ / ; , -, the
// operators ^ $ ? [ ] { } | \ * + ., and after a backslash an operator or
// symbol (its literal meaning), d D s S w W, t n, or xhh. Rejected with
// the column: parentheses, other characters, other escapes and multi-byte
// characters. The one rewrite: a bound with its minimum left out, {,n},
// becomes {0,n} (AWS: "either m or n can be omitted"; RE2 would read it
// as literal text), and blanks inside a bound ({3, 5}) are dropped.
// `column` is the 1-based column of the body's first character.
bool TranslateFilterRegex(std::string_view body, size_t column,
                          std::string* re2_text, PatternError* error);

// TranslateFilterRegex, then RE2. Fills *out or *error.
bool CompileFilterRegex(std::string_view body, size_t column,
                        std::shared_ptr<const RE2>* out, PatternError* error);

}  // namespace flowmon
