// Scanning JSON text without parsing it: white space, and where each of
// several concatenated documents ends (simdjson parses one at a time).
#pragma once

#include <cstddef>
#include <string_view>

namespace flowmon {

inline bool IsJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The end of the JSON value that starts at text[begin] ('{' or '['),
// honouring strings and escapes; npos when it is unterminated.
size_t JsonValueEnd(std::string_view text, size_t begin);

}  // namespace flowmon
