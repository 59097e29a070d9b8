#include "flowmon/core/quoted_string.h"

#include <string>

#include "catch.h"

namespace flowmon {
namespace {

constexpr size_t kUnterminated = std::string_view::npos;

// The unescaped text, and where reading stopped.
std::pair<std::string, size_t> Read(std::string_view text, QuoteEscapes e,
                                    size_t open = 0) {
  std::string out;
  const size_t end = ReadQuoted(text, open, e, &out);
  return {out, end};
}

TEST_CASE("ReadQuoted: a backslash makes any next character literal",
          "[quoted]") {
  using P = std::pair<std::string, size_t>;
  const QuoteEscapes any = QuoteEscapes::kBackslashAny;
  CHECK(Read(R"("a b" rest)", any) == P{"a b", 5});
  CHECK(Read(R"("say \"hi\"")", any) == P{R"(say "hi")", 12});
  CHECK(Read(R"("a\\b")", any) == P{R"(a\b)", 6});
  CHECK(Read(R"("\d\n")", any) == P{"dn", 6});
  CHECK(Read(R"('it''s')", any) == P{"it", 4});
  CHECK(Read(R"('say "hi"')", any) == P{R"(say "hi")", 10});
  CHECK(Read(R"(x="v")", any, 2) == P{"v", 5});
  CHECK(Read(R"("")", any) == P{"", 2});
}

TEST_CASE("ReadQuoted: unterminated text", "[quoted]") {
  using P = std::pair<std::string, size_t>;
  const QuoteEscapes any = QuoteEscapes::kBackslashAny;
  CHECK(Read(R"("abc)", any) == P{"abc", kUnterminated});
  CHECK(Read(R"("abc\")", any) == P{R"(abc")", kUnterminated});
  CHECK(Read(R"("abc\)", any) == P{R"(abc\)", kUnterminated});
  CHECK(Read(R"(")", any) == P{"", kUnterminated});
}

TEST_CASE("ReadQuoted: regex text keeps backslashes but \\/", "[quoted]") {
  using P = std::pair<std::string, size_t>;
  const QuoteEscapes closing = QuoteEscapes::kBackslashClosing;
  CHECK(Read(R"(/\d+\.\d+/ x)", closing) == P{R"(\d+\.\d+)", 10});
  CHECK(Read(R"(/a\/b/)", closing) == P{"a/b", 6});
  CHECK(Read(R"(/a\\/)", closing) == P{R"(a\/)", kUnterminated});
  CHECK(Read(R"(/ab)", closing) == P{"ab", kUnterminated});
}

TEST_CASE("ReadQuoted: kNone takes the text as it is", "[quoted]") {
  using P = std::pair<std::string, size_t>;
  const QuoteEscapes none = QuoteEscapes::kNone;
  CHECK(Read(R"(["a\"]x)", none, 1) == P{R"(a\)", 5});
  CHECK(Read("`foo-bar` x", none) == P{"foo-bar", 9});
  CHECK(Read("`foo", none) == P{"foo", kUnterminated});
}

}  // namespace
}  // namespace flowmon
