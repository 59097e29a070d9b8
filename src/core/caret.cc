#include "flowmon/core/caret.h"

#include <fmt/format.h>

#include <algorithm>

namespace flowmon {

std::string FormatCaretError(std::string_view message, std::string_view line,
                             size_t column) {
  std::string pad;
  for (size_t i = 0; i + 1 < column && i < line.size(); ++i) {
    pad += line[i] == '\t' ? '\t' : ' ';
  }
  return fmt::format("{}\n  {}\n  {}^", message, line, pad);
}

TextPosition PositionInText(std::string_view text, size_t offset) {
  const size_t at = std::min(offset > 0 ? offset - 1 : 0, text.size());
  TextPosition p;
  size_t start = 0;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      start = i + 1;
    }
  }
  p.column = at - start + 1;
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  p.line_text = text.substr(start, end - start);
  return p;
}

}  // namespace flowmon
