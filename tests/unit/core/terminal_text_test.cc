#include "flowmon/core/terminal_text.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

std::string Safe(std::string_view s) {
  fmt::memory_buffer out;
  AppendTerminalSafe(&out, s);
  return fmt::to_string(out);
}

std::string Dotted(std::string s) {
  ReplaceTerminalControls(&s, '.');
  return s;
}

TEST_CASE("text a terminal only shows is written as it is", "[terminal]") {
  CHECK(Safe("2 123 eni-1 REJECT OK\n") == "2 123 eni-1 REJECT OK\n");
  CHECK(Safe("a\tb") == "a\tb");
  CHECK(Safe("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") ==
        "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
  CHECK(Safe("\xc2\xa0") == "\xc2\xa0");  // U+00A0, just past the C1 block
  CHECK(Safe("") == "");
}

TEST_CASE("terminal controls are written as \\xNN", "[terminal]") {
  CHECK(Safe("a\x07z") == "a\\x07z");
  CHECK(Safe("\x1b[2J") == "\\x1b[2J");
  CHECK(Safe(std::string_view("a\0b", 3)) == "a\\x00b");
  CHECK(Safe("\r\x7f") == "\\x0d\\x7f");
  // C1 controls in UTF-8 (CSI is U+009B) and bytes that are not UTF-8.
  CHECK(Safe("OK\xc2\x9b"
             "2J") == "OK\\xc2\\x9b2J");
  CHECK(Safe("\x9b"
             "2J") == "\\x9b2J");
  CHECK(Safe("\xc3") == "\\xc3");                             // cut short
  CHECK(Safe("\xc0\xaf") == "\\xc0\\xaf");                    // overlong '/'
  CHECK(Safe("\xed\xa0\x80") == "\\xed\\xa0\\x80");           // a surrogate
  CHECK(Safe("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // > U+10FFFF
}

TEST_CASE("controls become dots byte for byte", "[terminal]") {
  CHECK(Dotted("a\x01\x02z") == "a..z");
  CHECK(Dotted("OK\xc2\x9bz caf\xc3\xa9") == "OK..z caf\xc3\xa9");
  CHECK(Dotted("tab\tnl\n") == "tab\tnl\n");
}

}  // namespace
}  // namespace flowmon
