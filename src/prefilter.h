// LiteralFinder: finds lines that may match a pattern by searching for a
// literal every match must contain, before any tokenizing.
#pragma once

#include <string>

namespace flowmon {

// Searches for `literal` with memchr on its rarest byte (ripgrep's rare-byte
// heuristic for typical log text), then verifies the rest with memcmp.
// Measured in bench/filter_perftest.cc.
class LiteralFinder {
 public:
  explicit LiteralFinder(std::string literal);
  // First occurrence in [p, end), or nullptr.
  const char* Find(const char* p, const char* end) const;
  bool empty() const { return literal_.empty(); }

 private:
  std::string literal_;
  size_t rare_ = 0;  // index of the byte memchr looks for
};

}  // namespace flowmon
