// JSON text: the one escaping rule of every JSON flowmon writes (filter,
// query, top, metric, alarm, fields and test-pattern output, and the SNS and
// Slack notification bodies).
#pragma once

#include <fmt/format.h>

#include <string_view>

namespace flowmon {

// Appends `s` to `out` as a JSON string literal: '"' and '\' escaped, tab,
// newline and carriage return by name, other control characters and DEL as
// \u00XX, valid UTF-8 sequences as they are, and each byte that is not
// part of valid UTF-8 as \ufffd (U+FFFD REPLACEMENT CHARACTER), so that the
// output is always valid JSON (docs/output.md).
void AppendJsonString(fmt::memory_buffer* out, std::string_view s);

// True when `s` is a number in JSON's grammar, so can be written unquoted.
bool IsJsonNumber(std::string_view s);

}  // namespace flowmon
