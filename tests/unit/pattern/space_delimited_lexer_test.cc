// SpaceDelimitedLexer: tokens and their columns.
#include "pattern/space_delimited_lexer.h"

#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("space-delimited lexer: structure and names", "[pattern][lexer]") {
  SpaceDelimitedLexer lexer("[ip, ..., bytes>=10 && b!=2 || c<3]");
  const std::vector<std::pair<TokenKind, size_t>> want = {
      {TokenKind::kLBracket, 1}, {TokenKind::kName, 2},  {TokenKind::kComma, 4},
      {TokenKind::kEllipsis, 6}, {TokenKind::kComma, 9}, {TokenKind::kName, 11},
      {TokenKind::kOperator, 16}};
  for (const auto& [kind, column] : want) {
    const Token t = lexer.Next();
    CHECK(t.kind == kind);
    CHECK(t.column == column);
  }
  CHECK(lexer.NextValue().text == "10");
  CHECK(lexer.Next().kind == TokenKind::kAnd);
  CHECK(lexer.Next().text == "b");
  CHECK(lexer.Next().text == "!=");
  CHECK(lexer.NextValue().text == "2");
  CHECK(lexer.Next().kind == TokenKind::kOr);
  CHECK(lexer.Next().text == "c");
  CHECK(lexer.Next().text == "<");
  CHECK(lexer.NextValue().text == "3");
  CHECK(lexer.Next().kind == TokenKind::kRBracket);
  const Token end = lexer.Next();
  CHECK(end.kind == TokenKind::kEnd);
  CHECK(end.column == 36);
}

TEST_CASE("space-delimited lexer: values", "[pattern][lexer]") {
  SpaceDelimitedLexer lexer(R"( "a \"b\"" %REJ.*% 4*,*html*] x&&y)");
  Token t = lexer.NextValue();
  CHECK(t.kind == TokenKind::kQuoted);
  CHECK(t.text == "a \"b\"");
  t = lexer.NextValue();
  CHECK(t.kind == TokenKind::kRegex);
  CHECK(t.text == "REJ.*");
  CHECK(t.column == 12);
  t = lexer.NextValue();
  CHECK(t.kind == TokenKind::kBare);
  CHECK(t.text == "4*");
  CHECK(lexer.Next().kind == TokenKind::kComma);
  CHECK(lexer.NextValue().text == "*html*");
  CHECK(lexer.Next().kind == TokenKind::kRBracket);
  CHECK(lexer.NextValue().text == "x");  // a value ends at "&&"
}

TEST_CASE("space-delimited lexer: errors", "[pattern][lexer]") {
  SpaceDelimitedLexer bad("[a; b]");
  bad.Next();
  bad.Next();
  const Token t = bad.Next();
  CHECK(t.kind == TokenKind::kError);
  CHECK(t.text == "unexpected character ';'");
  CHECK(t.column == 3);
  SpaceDelimitedLexer open("\"abc");
  CHECK(open.NextValue().text == "unterminated quoted value");
}

}  // namespace
}  // namespace flowmon
