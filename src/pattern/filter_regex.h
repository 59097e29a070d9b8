// The regular expressions of filter patterns (%...%): AWS's supported
// subset, checked with column errors, compiled with RE2 (linear time).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

#include "flowmon/pattern/filter_regex.h"
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

// The memory each compiled regex may use (RE2::Options::max_mem): its
// program and, the larger part, the cache of DFA states RE2 builds as it
// matches. Chosen by measurement, not left to RE2's default by chance
// (docs/patterns.md): larger budgets made the patterns that exhaust it
// slower, not faster, as each cache reset then costs more.
inline constexpr int64_t kFilterRegexMaxMem = int64_t{8} << 20;

// The largest RE2 program (RE2::ProgramSize, in instructions) a regex may
// compile to. When its DFA outgrows kFilterRegexMaxMem, RE2 searches with
// its NFA, whose cost per byte of text grows with the program (callgrind:
// about 75 machine instructions per program instruction and byte), so this
// bound and the 1 MiB line limit bound the worst search of one line
// (docs/patterns.md). AWS's documented
// examples compile to under 30 instructions; a bounded repetition repeats
// its atom ({1000} makes 1000 instructions, `.{1000}` 8000).
inline constexpr int kMaxRegexProgramSize = 1000;

// From this RE2 program size on, a regex the bit-parallel matcher models is
// matched by it: below, RE2's DFA is cheap and its states few; above, a
// bounded repetition (what makes programs long) can grow the DFA past
// kFilterRegexMaxMem and send RE2 onto its NFA (docs/patterns.md).
inline constexpr int kBitParallelFromProgramSize = 40;

// TranslateFilterRegex, then RE2 with kFilterRegexMaxMem, refused when its
// program is over kMaxRegexProgramSize. Fills *out or *error.
bool CompileFilterRegex(std::string_view body, size_t column,
                        std::shared_ptr<const FilterRegex>* out,
                        PatternError* error);

}  // namespace flowmon
