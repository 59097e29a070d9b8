#include "pattern/space_delimited_lexer.h"

#include "flowmon/core/quoted_string.h"
#include "pattern/char_class.h"

namespace flowmon {

void SpaceDelimitedLexer::SkipSpaces() {
  while (pos_ < text_.size() && IsPatternSpace(text_[pos_])) ++pos_;
}

size_t SpaceDelimitedLexer::column() {
  SkipSpaces();
  return pos_ + 1;
}

Token SpaceDelimitedLexer::Make(TokenKind kind, size_t start, size_t len) {
  pos_ = start + len;
  return Token{kind, std::string(text_.substr(start, len)), start + 1};
}

Token SpaceDelimitedLexer::Next() {
  SkipSpaces();
  const size_t start = pos_;
  if (pos_ == text_.size()) return Token{TokenKind::kEnd, "", start + 1};
  const char c = text_[pos_];
  const std::string_view rest = text_.substr(pos_);
  switch (c) {
    case '[':
      return Make(TokenKind::kLBracket, start, 1);
    case ']':
      return Make(TokenKind::kRBracket, start, 1);
    case ',':
      return Make(TokenKind::kComma, start, 1);
    case '.':
      if (rest.starts_with("...")) return Make(TokenKind::kEllipsis, start, 3);
      break;
    case '&':
      if (rest.starts_with("&&")) return Make(TokenKind::kAnd, start, 2);
      break;
    case '|':
      if (rest.starts_with("||")) return Make(TokenKind::kOr, start, 2);
      break;
    case '!':
      if (rest.starts_with("!=")) return Make(TokenKind::kOperator, start, 2);
      break;
    case '<':
    case '>':
      return Make(TokenKind::kOperator, start,
                  rest.size() > 1 && rest[1] == '=' ? 2 : 1);
    case '=':
      return Make(TokenKind::kOperator, start, 1);
    default:
      break;
  }
  if (IsWordChar(c)) {
    size_t end = pos_;
    while (end < text_.size() && IsWordChar(text_[end])) ++end;
    return Make(TokenKind::kName, start, end - start);
  }
  return Token{TokenKind::kError,
               std::string("unexpected character '") + c + "'", start + 1};
}

Token SpaceDelimitedLexer::NextValue() {
  SkipSpaces();
  const size_t start = pos_;
  if (pos_ == text_.size()) return Token{TokenKind::kEnd, "", start + 1};
  if (text_[pos_] == '"') {
    std::string value;
    const size_t end =
        ReadQuoted(text_, pos_, QuoteEscapes::kBackslashAny, &value);
    if (end == std::string_view::npos) {
      return Token{TokenKind::kError, "unterminated quoted value", start + 1};
    }
    pos_ = end;
    return Token{TokenKind::kQuoted, std::move(value), start + 1};
  }
  if (text_[pos_] == '%') {
    const size_t close = text_.find('%', pos_ + 1);
    if (close == std::string_view::npos) {
      return Token{TokenKind::kError, "unterminated regex: expected '%'",
                   start + 1};
    }
    pos_ = close + 1;
    return Token{TokenKind::kRegex,
                 std::string(text_.substr(start + 1, close - start - 1)),
                 start + 1};
  }
  size_t end = pos_;
  while (end < text_.size()) {
    const char c = text_[end];
    if (IsPatternSpace(c) || c == ',' || c == ']') break;
    const std::string_view rest = text_.substr(end);
    if (rest.starts_with("&&") || rest.starts_with("||")) break;
    ++end;
  }
  if (end == start) return Token{TokenKind::kEnd, "", start + 1};
  return Make(TokenKind::kBare, start, end - start);
}

}  // namespace flowmon
