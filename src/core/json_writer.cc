#include "flowmon/core/json_writer.h"

#include <iterator>

#include "flowmon/core/utf8.h"

namespace flowmon {

void AppendJsonString(fmt::memory_buffer* out, std::string_view s) {
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append(std::string_view("\\\""));
        break;
      case '\\':
        out->append(std::string_view("\\\\"));
        break;
      case '\t':
        out->append(std::string_view("\\t"));
        break;
      case '\n':
        out->append(std::string_view("\\n"));
        break;
      case '\r':
        out->append(std::string_view("\\r"));
        break;
      default:
        if (u < 0x20 || u == 0x7f) {
          fmt::format_to(std::back_inserter(*out), "\\u{:04x}", u);
        } else if (u < 0x80) {
          out->push_back(c);
        } else if (const size_t n = Utf8SequenceLength(s.substr(i)); n > 0) {
          out->append(s.substr(i, n));
          i += n - 1;
        } else {
          // JSON text is Unicode (RFC 8259 section 8.1): a byte that is
          // not part of valid UTF-8 cannot be written, so it becomes the
          // replacement character, escaped so that the output stays ASCII
          // there and the substitution is visible.
          out->append(std::string_view("\\ufffd"));
        }
    }
  }
  out->push_back('"');
}

bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  if (i < n && s[i] == '-') ++i;
  if (i == n) return false;
  if (s[i] == '0') {
    ++i;
  } else if (s[i] >= '1' && s[i] <= '9') {
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
  } else {
    return false;
  }
  if (i < n && s[i] == '.') {
    ++i;
    const size_t digits = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == digits) return false;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    const size_t digits = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == digits) return false;
  }
  return i == n;
}

}  // namespace flowmon
