// The little XML reading the AWS query and REST APIs need: the text of
// elements by tag name, without a parser (their answers are flat and
// machine-written).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flowmon {

// The inner text of every <tag>...</tag> (or <tag attr="...">) in `xml`, in
// order, raw (XmlUnescape it).
std::vector<std::string_view> XmlElements(std::string_view xml,
                                          std::string_view tag);
// The first one's unescaped text, or "".
std::string XmlText(std::string_view xml, std::string_view tag);
// &lt; &gt; &amp; &quot; &apos; and &#N; / &#xN; (ASCII) undone.
std::string XmlUnescape(std::string_view s);

}  // namespace flowmon
