#include "flowmon/core/terminal_text.h"

#include <iterator>

#include "flowmon/core/utf8.h"

namespace flowmon {
namespace {

// Calls f(unit, is_control) for the units of `s` in order: each terminal
// control, and the runs of text between them.
template <typename F>
void ForEachUnit(std::string_view s, F&& f) {
  size_t text_begin = 0;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t text = 0, control = 0;
    if ((c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n') {
      text = 1;
    } else if (c < 0x80) {
      control = 1;  // C0 controls and DEL
    } else if (const size_t n = Utf8SequenceLength(s.substr(i)); n == 0) {
      control = 1;  // not UTF-8: one byte at a time
    } else if (c == 0xc2 && static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      control = 2;  // U+0080-U+009F, the C1 controls: C2 80 to C2 9F
    } else {
      text = n;
    }
    if (text > 0) {
      i += text;
      continue;
    }
    if (i > text_begin) f(s.substr(text_begin, i - text_begin), false);
    f(s.substr(i, control), true);
    i += control;
    text_begin = i;
  }
  if (i > text_begin) f(s.substr(text_begin, i - text_begin), false);
}

}  // namespace

void AppendTerminalSafe(fmt::memory_buffer* out, std::string_view s) {
  ForEachUnit(s, [&](std::string_view unit, bool control) {
    if (!control) {
      out->append(unit);
      return;
    }
    for (const char c : unit) {
      fmt::format_to(std::back_inserter(*out), "\\x{:02x}",
                     static_cast<unsigned char>(c));
    }
  });
}

std::string TerminalSafe(std::string_view s) {
  fmt::memory_buffer out;
  AppendTerminalSafe(&out, s);
  return fmt::to_string(out);
}

void ReplaceTerminalControls(std::string* s, char with) {
  const std::string_view all(*s);
  ForEachUnit(all, [&](std::string_view unit, bool control) {
    if (!control) return;
    const size_t at = static_cast<size_t>(unit.data() - all.data());
    for (size_t k = 0; k < unit.size(); ++k) (*s)[at + k] = with;
  });
}

}  // namespace flowmon
