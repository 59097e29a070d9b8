#include "flowmon/core/xml_writer.h"

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("XmlText: markup characters as entities", "[xml]") {
  CHECK(XmlText("a<b & \"c\" 'd'>") ==
        "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  CHECK(XmlText("l1\nl2\tx\r") == "l1\nl2\tx\r");
  CHECK(XmlText("caf\xc3\xa9") == "caf\xc3\xa9");
}

TEST_CASE("XmlText: what XML 1.0 cannot hold becomes U+FFFD", "[xml]") {
  CHECK(XmlText("bell\x07") == "bell\xef\xbf\xbd");
  CHECK(XmlText(std::string_view("nul\0", 4)) == "nul\xef\xbf\xbd");
  CHECK(XmlText("esc\x1b[31m") == "esc\xef\xbf\xbd[31m");
  CHECK(XmlText("bad\xff") == "bad\xef\xbf\xbd");
  CHECK(XmlText("\xef\xbf\xbe") == "\xef\xbf\xbd");
}

}  // namespace
}  // namespace flowmon
