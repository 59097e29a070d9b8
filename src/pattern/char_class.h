// The character classes of the filter-pattern grammar, shared by the lexer
// and the parsers of each family.
#pragma once

namespace flowmon {

// Blanks between tokens.
inline bool IsPatternSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Letters, digits and '_': unquoted terms and space-delimited field names.
inline bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

// Word characters and '-': unquoted keys of JSON selectors ($.request-id).
inline bool IsJsonKeyChar(char c) { return IsWordChar(c) || c == '-'; }

}  // namespace flowmon
