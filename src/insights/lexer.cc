#include "insights/lexer.h"

#include <cctype>
#include <cstring>

#include "flowmon/core/quoted_string.h"

namespace flowmon::insights {
namespace {

bool IdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '@';
}
// AWS: a name with characters other than letters, digits, @ and . needs
// backticks; so `end-start` is a subtraction.
bool IdentChar(char c) {
  return IdentStart(c) || (c >= '0' && c <= '9') || c == '.';
}

}  // namespace

void Lexer::SkipSpaceAndComments() {
  while (pos_ < s_.size()) {
    if (std::isspace(static_cast<unsigned char>(s_[pos_]))) {
      ++pos_;
    } else if (s_[pos_] == '#') {
      const size_t eol = s_.find('\n', pos_);
      pos_ = eol == std::string_view::npos ? s_.size() : eol;
    } else {
      return;
    }
  }
}

Tok Lexer::Next(bool regex_ok) {
  Tok t = Token(regex_ok);
  t.end = pos_ + 1;
  return t;
}

Tok Lexer::Token(bool regex_ok) {
  SkipSpaceAndComments();
  Tok t;
  t.column = pos_ + 1;
  if (pos_ == s_.size()) return t;
  const char c = s_[pos_];
  if (c == '"' || c == '\'') {
    t.kind = Tok::kString;
    const size_t end =
        ReadQuoted(s_, pos_, QuoteEscapes::kBackslashAny, &t.text);
    if (end == std::string_view::npos) {
      pos_ = s_.size();
      t.kind = Tok::kError;
      t.text = "unterminated string";
      return t;
    }
    pos_ = end;
    return t;
  }
  if ((c == '/' && regex_ok) || c == '`') {
    t.kind = c == '/' ? Tok::kRegex : Tok::kIdent;
    const size_t end = ReadQuoted(
        s_, pos_,
        c == '/' ? QuoteEscapes::kBackslashClosing : QuoteEscapes::kNone,
        &t.text);
    if (end == std::string_view::npos) {
      pos_ = s_.size();
      t.kind = Tok::kError;
      t.text =
          c == '/' ? "unterminated regular expression" : "unterminated `name`";
      return t;
    }
    pos_ = end;
    return t;
  }
  if ((c >= '0' && c <= '9') ||
      (c == '.' && pos_ + 1 < s_.size() &&
       std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])))) {
    t.kind = Tok::kNumber;
    const size_t start = pos_;
    while (
        pos_ < s_.size() &&
        (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.'))
      ++pos_;
    t.text = std::string(s_.substr(start, pos_ - start));
    return t;
  }
  if (IdentStart(c)) {
    t.kind = Tok::kIdent;
    const size_t start = pos_;
    while (pos_ < s_.size() && IdentChar(s_[pos_])) ++pos_;
    t.text = std::string(s_.substr(start, pos_ - start));
    return t;
  }
  t.kind = Tok::kOp;
  for (const char* op : {"!=", "<=", ">=", "=~", "=", "<", ">", "|", ",", "(",
                         ")", "[", "]", "+", "-", "*", "/", "%", "^"}) {
    if (s_.substr(pos_).starts_with(op)) {
      t.text = op;
      pos_ += std::strlen(op);
      return t;
    }
  }
  t.text = std::string(1, c);
  ++pos_;
  return t;
}

}  // namespace flowmon::insights
