// Prefilter helpers: choose which byte of a pattern's required literal to
// look for while scanning, before any tokenizing.
#pragma once

#include <string_view>

namespace flowmon {

// The byte of `literal` least common in log text (ripgrep's rare-byte
// heuristic, tuned for flow logs: digits, spaces, dots, dashes and
// lowercase letters are everywhere, and so are the letters of OK and
// ACCEPT; most other uppercase letters are rare).
// REQUIRES: !literal.empty().
char RarestByte(std::string_view literal);

}  // namespace flowmon
