#include "flowmon/core/quoted_string.h"

namespace flowmon {

size_t ReadQuoted(std::string_view text, size_t open, QuoteEscapes escapes,
                  std::string* out) {
  const char close = text[open];
  size_t i = open + 1;
  while (i < text.size() && text[i] != close) {
    if (text[i] == '\\' && i + 1 < text.size() &&
        (escapes == QuoteEscapes::kBackslashAny ||
         (escapes == QuoteEscapes::kBackslashClosing &&
          text[i + 1] == close))) {
      ++i;
    }
    out->push_back(text[i++]);
  }
  return i == text.size() ? std::string_view::npos : i + 1;
}

}  // namespace flowmon
