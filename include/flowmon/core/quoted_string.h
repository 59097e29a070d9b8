// Quoted text in the languages flowmon reads: CloudWatch Logs filter
// patterns (quoted terms, space-delimited and JSON values, JSON selector
// bracket keys) and Logs Insights queries (string and /regex/ literals,
// `field names`).
//
// AWS documents the quotes (filter-pattern phrases and values in double
// quotes, Insights strings in single or double quotes) but no escapes inside
// them. flowmon reads a backslash there as making the next character
// literal, the same in both languages, so that `\"` and `\\` can be written
// (docs/patterns.md). Text read otherwise says so with an explicit
// QuoteEscapes: an Insights /regex/ keeps its
// backslashes for RE2 (only `\/` is unescaped), and a JSON selector's
// ["key"] and an Insights `field name` are taken as they are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace flowmon {

enum class QuoteEscapes {
  kBackslashAny,      // `\x` reads as `x` for every x: strings, terms, values
  kBackslashClosing,  // only `\` before the closing quote is dropped: regexes
  kNone,              // no escapes: selector keys, `field names`
};

// Reads the quoted text that opens at text[open]; that character (" ' / `)
// also closes it. Appends the text between the quotes, unescaped, to `out`
// and returns the index just past the closing quote, or npos when `text`
// ends first (`out` then holds the rest of `text`, unescaped). A backslash
// that is the last character of `text` stays as it is.
size_t ReadQuoted(std::string_view text, size_t open, QuoteEscapes escapes,
                  std::string* out);

}  // namespace flowmon
