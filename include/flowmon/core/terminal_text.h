// Terminal text: which bytes a terminal may take as commands rather than
// text, so that flowmon never writes them to one raw (a record with an
// escape sequence in it must not recolour, retitle or rewrite the screen).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace flowmon {

// A terminal control is a C0 control byte other than tab and newline, DEL,
// a C1 control (U+0080-U+009F) in UTF-8, or a byte that is not part of
// valid UTF-8 (8-bit terminals take 0x80-0x9F as C1 controls).

// Appends `s` with each byte of every terminal control written as \xNN
// (a BEL as \x07, ESC as \x1b); all else as it is.
void AppendTerminalSafe(fmt::memory_buffer* out, std::string_view s);

// `s` as AppendTerminalSafe writes it: for a file name in a message.
std::string TerminalSafe(std::string_view s);

// Replaces each byte of every terminal control in *s with `with`, keeping
// byte offsets (a caret under the text still lines up).
void ReplaceTerminalControls(std::string* s, char with);

}  // namespace flowmon
