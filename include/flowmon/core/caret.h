// Caret errors: a message, the text it is about, and a '^' under the column
// it points at. Filter patterns and Logs Insights queries report this way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace flowmon {

// "MESSAGE\n  LINE\n  ^", the caret under the 1-based byte `column` of
// `line` (one past its end for "unexpected end"). The padding keeps the
// line's own tabs so the caret lines up.
std::string FormatCaretError(std::string_view message, std::string_view line,
                             size_t column);

// Where a 1-based byte offset into a (possibly multi-line) text falls: the
// 1-based line and column, and that line's text without its line break.
struct TextPosition {
  size_t line = 1;
  size_t column = 1;
  std::string_view line_text;
};
TextPosition PositionInText(std::string_view text, size_t offset);

}  // namespace flowmon
