// ForEachLine: the lines of a line-oriented CloudWatch file (export files,
// tail output), for readers that convert them one by one.
#pragma once

#include <string_view>

namespace flowmon {

// Calls f(line) for each line of `text`, without its '\n' and a '\r' before
// it; the last line may lack its '\n'.
template <typename F>
void ForEachLine(std::string_view text, F&& f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line);
  }
}

}  // namespace flowmon
