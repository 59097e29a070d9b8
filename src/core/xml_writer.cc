#include "flowmon/core/xml_writer.h"

#include "flowmon/core/utf8.h"

namespace flowmon {
namespace {

constexpr std::string_view kReplacement = "\xef\xbf\xbd";  // U+FFFD

}  // namespace

void AppendXmlText(fmt::memory_buffer* out, std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out->append(std::string_view("&amp;"));
        continue;
      case '<':
        out->append(std::string_view("&lt;"));
        continue;
      case '>':
        out->append(std::string_view("&gt;"));
        continue;
      case '"':
        out->append(std::string_view("&quot;"));
        continue;
      case '\'':
        out->append(std::string_view("&apos;"));
        continue;
      case '\t':
      case '\n':
      case '\r':
        out->push_back(c);
        continue;
      default:
        break;
    }
    if (u < 0x20) {
      out->append(kReplacement);
    } else if (u < 0x80) {
      out->push_back(c);
    } else if (const size_t n = Utf8SequenceLength(s.substr(i)); n == 0) {
      out->append(kReplacement);
    } else {
      const std::string_view seq = s.substr(i, n);
      // U+FFFE and U+FFFF are outside XML 1.0's Char production.
      out->append(seq == "\xef\xbf\xbe" || seq == "\xef\xbf\xbf" ? kReplacement
                                                                 : seq);
      i += n - 1;
    }
  }
}

std::string XmlText(std::string_view s) {
  fmt::memory_buffer out;
  AppendXmlText(&out, s);
  return fmt::to_string(out);
}

}  // namespace flowmon
