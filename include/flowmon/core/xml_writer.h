// XML text: the one escaping rule of the XML flowmon writes (the JUnit
// report of `check`).
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace flowmon {

// Appends `s` as XML 1.0 character data or attribute value text: '&', '<',
// '>', '"' and '\'' as entities; tab, LF and CR as they are; every
// character XML 1.0 does not allow (the other C0 controls, U+FFFE,
// U+FFFF) and each byte that is not part of valid UTF-8 as U+FFFD
// REPLACEMENT CHARACTER, since no escape can write them in XML 1.0.
void AppendXmlText(fmt::memory_buffer* out, std::string_view s);

// `s` as AppendXmlText writes it.
std::string XmlText(std::string_view s);

}  // namespace flowmon
