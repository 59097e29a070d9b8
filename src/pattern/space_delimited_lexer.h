// SpaceDelimitedLexer: the tokens of space-delimited filter patterns
// ([a, b = 1 && c != "x", ...]), with the column each one starts at, for
// caret errors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace flowmon {

enum class TokenKind : unsigned char {
  kEnd,
  kLBracket,  // [
  kRBracket,  // ]
  kComma,     // ,
  kEllipsis,  // ...
  kName,      // field name: letters, digits, '_'
  kOperator,  // = != < <= > >=
  kAnd,       // &&
  kOr,        // ||
  kQuoted,    // "..." (text holds the unescaped contents)
  kBare,      // an unquoted value
  kRegex,     // %...% (text holds what is between the two %)
  kError,     // text holds the message
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  size_t column = 0;  // 1-based
};

// Splits pattern text into tokens. Names and values are lexed by different
// calls because an unquoted value may contain characters a name may not.
// Lifetime: keeps a view of the text, which must outlive the lexer; tokens
// own their text.
class SpaceDelimitedLexer {
 public:
  explicit SpaceDelimitedLexer(std::string_view text) : text_(text) {}

  // The next structural token or name (after '[', ',' or a value).
  Token Next();
  // The value after an operator: quoted, %regex%, or a bare run up to a
  // space, ',', ']', "&&" or "||".
  Token NextValue();
  // Column (1-based) of the next non-space character.
  size_t column();

 private:
  void SkipSpaces();
  Token Make(TokenKind kind, size_t start, size_t len);
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace flowmon
