#include "flowmon/core/text_split.h"

namespace flowmon {

std::vector<std::string_view> SplitView(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    const size_t end = text.find(sep, pos);
    if (end == std::string_view::npos) {
      out.push_back(text.substr(pos));
      return out;
    }
    out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
}

}  // namespace flowmon
