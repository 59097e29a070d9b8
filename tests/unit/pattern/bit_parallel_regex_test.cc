// BitParallelRegex against RE2, the reference: random regexes of AWS's
// subset on random subjects, AWS's documented examples and edge cases.
#include "pattern/bit_parallel_regex.h"

#include <re2/re2.h>

#include <random>
#include <string>

#include "catch.h"
#include "pattern/filter_regex.h"

namespace flowmon {
namespace {

// RE2's answer and the matcher's, on the regex `body` as flowmon compiles
// it; false when the matcher does not take the regex.
bool Agree(std::string_view body, std::string_view subject, bool* taken) {
  std::shared_ptr<const RE2> re;
  PatternError error;
  std::string text;
  REQUIRE(TranslateFilterRegex(body, 1, &text, &error));
  RE2::Options options;
  options.set_log_errors(false);
  RE2 reference(text, options);
  if (!reference.ok()) {
    *taken = false;
    return true;
  }
  const auto bp = BitParallelRegex::Compile(text);
  *taken = bp != nullptr;
  if (!bp) return true;
  const auto got = bp->Search(subject);
  if (got == BitParallelRegex::Result::kUndecided) return true;
  const bool want = RE2::PartialMatch(
      re2::StringPiece(subject.data(), subject.size()), reference);
  return want == (got == BitParallelRegex::Result::kMatch);
}

bool Matches(std::string_view body, std::string_view subject) {
  std::string text;
  PatternError error;
  REQUIRE(TranslateFilterRegex(body, 1, &text, &error));
  const auto bp = BitParallelRegex::Compile(text);
  REQUIRE(bp != nullptr);
  bool taken = false;
  CHECK(Agree(body, subject, &taken));
  return bp->Search(subject) == BitParallelRegex::Result::kMatch;
}

TEST_CASE("bit-parallel regex: AWS's documented examples",
          "[pattern][regex][bitparallel]") {
  CHECK(Matches("^shutting down", "shutting down now"));
  CHECK_FALSE(Matches("^shutting down", "now shutting down"));
  CHECK(Matches("ERROR|WARN", "a WARN b"));
  CHECK(Matches("[0-9]{3}", "code 404"));
  CHECK_FALSE(Matches("[0-9]{3}", "code 44"));
  CHECK(Matches("a[ab]{100}c", "a" + std::string(100, 'b') + "c"));
  CHECK_FALSE(Matches("a[ab]{100}c", "a" + std::string(99, 'b') + "c"));
  CHECK(Matches("\\d+\\s\\w", "10 x"));
}

TEST_CASE("bit-parallel regex: edge cases", "[pattern][regex][bitparallel]") {
  CHECK(Matches("a|", "zzz"));  // an empty alternative matches
  CHECK(Matches("^$", ""));
  CHECK_FALSE(Matches("^$", "x"));
  CHECK(Matches("x$|^y", "ax"));
  CHECK(Matches("x$|^y", "ya"));
  CHECK_FALSE(Matches("x$|^y", "xa"));
  CHECK(Matches("ab{0}c", "ac"));
  CHECK(Matches("ab{0,0}c", "ac"));
  CHECK_FALSE(Matches("a.b", "a\nb"));  // . reads no newline, as in RE2
  CHECK(Matches("a[^x]b", "a\nb"));
  // Bytes over 0x7f: RE2 reads UTF-8 there, so the matcher defers.
  std::string text;
  PatternError error;
  REQUIRE(TranslateFilterRegex("a.b", 1, &text, &error));
  CHECK(BitParallelRegex::Compile(text)->Search("a\xc3\xa9"
                                                "b") ==
        BitParallelRegex::Result::kUndecided);
}

// Fuzz finding (tests/fuzz/corpus/regex/crash-bound): `x+` builds two
// positions (x, then x*), but the count sized the sets for one, so 63
// literal bytes and `a+` wrote past a one-word set.
std::string Positions(std::string_view body) {
  std::string text;
  PatternError error;
  REQUIRE(TranslateFilterRegex(body, 1, &text, &error));
  const auto bp = BitParallelRegex::Compile(text);
  REQUIRE(bp != nullptr);
  return std::to_string(bp->positions());
}

TEST_CASE("bit-parallel regex: a + or {n,} repetition counts every position",
          "[pattern][regex][bitparallel]") {
  CHECK(Positions("a+") == "2");
  CHECK(Positions("a*") == "1");
  CHECK(Positions("a{2,}") == "3");
  CHECK(Positions("a{2,4}") == "4");
  const std::string x63(63, 'x');
  CHECK(Positions(x63 + "a+b") == "66");
  CHECK(Matches(x63 + "a+b", x63 + "aab"));
  CHECK_FALSE(Matches(x63 + "a+b", x63 + "b"));
  // Fuzz finding (crash-unclosed-bound): the digits of an unclosed brace,
  // literal text to RE2, overflowed an int (UBSan).
  bool taken = false;
  CHECK(Agree("p{23456789012 eni", "p{23456789012 eni", &taken));
  CHECK(Agree("p{23456789012 eni", "p eni", &taken));
  // Fuzz finding (crash-leading-zero): RE2 reads {08} and {1,08} as text.
  for (const char* subject : {"x{08}", "xxxxxxxx", "x{1,08}", "x"}) {
    CHECK(Agree("x{08}", subject, &taken));
    CHECK(Agree("x{1,08}", subject, &taken));
  }
  // Fuzz finding (crash-repeated-anchor): ^{2,} read as ^ then "{2,}".
  for (const char* subject : {"", "{2,}", "x"}) {
    CHECK(Agree("^{2,}", subject, &taken));
    CHECK(Agree("^*a", subject, &taken));
  }
  CHECK(
      Matches("AUTHORIZEAUTHORIZE\\w+@\\w+\\.23456789012 eni-0a1b2c3d4e5f"
              "60718D\\s+ACCE SS",
              "AUTHORIZEAUTHORIZEa@b.23456789012 eni-0a1b2c3d4e5f60718D "
              "ACCE SS"));
}

TEST_CASE("bit-parallel regex: agrees with RE2 on random regexes",
          "[pattern][regex][bitparallel]") {
  std::mt19937 rng(16);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  const char* atoms[] = {"a",    "b",     "c",     ".",   "[ab]",
                         "[^a]", "[a-c]", "\\d",   "\\w", "\\s",
                         "\\D",  "\\W",   "\\S",   "1",   " ",
                         "\\.",  "[]a]",  "\\x61", "-",   "[a\\-c]"};
  const char* quants[] = {"",    "",      "",     "*",    "+",  "?",    "{2}",
                          "{0}", "{1,3}", "{2,}", "{,2}", "*?", "{0,0}"};
  const char alphabet[] = "abc1 .-\nxA_";
  int taken_count = 0;
  for (int n = 0; n < 4000; ++n) {
    std::string body;
    const int branches = 1 + pick(3);
    for (int b = 0; b < branches; ++b) {
      if (b) body += '|';
      if (pick(4) == 0) body += '^';
      const int items = pick(5);
      for (int k = 0; k < items; ++k) {
        body += atoms[pick(sizeof atoms / sizeof *atoms)];
        body += quants[pick(sizeof quants / sizeof *quants)];
      }
      if (pick(4) == 0) body += '$';
    }
    if (body.empty()) body = "a";
    for (int s = 0; s < 8; ++s) {
      std::string subject;
      const int len = pick(12);
      for (int k = 0; k < len; ++k) subject += alphabet[pick(11)];
      bool taken = false;
      INFO("regex %" << body << "% on \"" << subject << "\"");
      CHECK(Agree(body, subject, &taken));
      taken_count += taken;
    }
  }
  CHECK(taken_count > 20000);
}

}  // namespace
}  // namespace flowmon
