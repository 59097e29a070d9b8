#include "aws/xml_text.h"

#include <cstdlib>

namespace flowmon {

std::vector<std::string_view> XmlElements(std::string_view xml,
                                          std::string_view tag) {
  std::vector<std::string_view> out;
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag) + ">";
  size_t pos = 0;
  while ((pos = xml.find(open, pos)) != std::string_view::npos) {
    const size_t after = pos + open.size();
    if (after >= xml.size() ||
        (xml[after] != '>' && xml[after] != ' ' && xml[after] != '/')) {
      pos = after;  // <Prefix> is not <PrefixList>
      continue;
    }
    const size_t gt = xml.find('>', after);
    if (gt == std::string_view::npos) break;
    if (xml[gt - 1] == '/') {  // <Tag/>
      out.emplace_back();
      pos = gt + 1;
      continue;
    }
    const size_t end = xml.find(close, gt + 1);
    if (end == std::string_view::npos) break;
    out.push_back(xml.substr(gt + 1, end - gt - 1));
    pos = end + close.size();
  }
  return out;
}

std::string XmlText(std::string_view xml, std::string_view tag) {
  std::vector<std::string_view> all = XmlElements(xml, tag);
  return all.empty() ? std::string() : XmlUnescape(all.front());
}

std::string XmlUnescape(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&lt;", '<'},
      {"&gt;", '>'},
      {"&amp;", '&'},
      {"&quot;", '"'},
      {"&apos;", '\''}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    bool done = false;
    for (const auto& [name, ch] : kEntities) {
      if (s.substr(i, name.size()) == name) {
        out.push_back(ch);
        i += name.size() - 1;
        done = true;
        break;
      }
    }
    const size_t semi = s.find(';', i);
    if (!done && s.substr(i, 2) == "&#" && semi != std::string_view::npos) {
      const std::string digits(s.substr(i + 2, semi - i - 2));
      const bool hex =
          !digits.empty() && (digits[0] == 'x' || digits[0] == 'X');
      const long v =
          std::strtol(digits.c_str() + (hex ? 1 : 0), nullptr, hex ? 16 : 10);
      if (v > 0 && v < 128) {
        out.push_back(static_cast<char>(v));
        i = semi;
        done = true;
      }
    }
    if (!done) out.push_back('&');
  }
  return out;
}

}  // namespace flowmon
