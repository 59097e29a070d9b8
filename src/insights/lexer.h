// The tokens of the Logs Insights query language, with the column each one
// starts at, for caret errors. A # outside quotes starts a comment that runs
// to the end of the line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace flowmon::insights {

struct Tok {
  // kError: text is the message ("unterminated string").
  enum Kind { kEnd, kIdent, kNumber, kString, kRegex, kOp, kError } kind = kEnd;
  std::string text;
  size_t column = 0;  // 1-based byte offset into the query text
  size_t end = 0;     // the column just past the token
};

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}
  // `regex_ok`: a '/' starts a /regex/ (after like and =~).
  Tok Next(bool regex_ok = false);
  Tok Peek(bool regex_ok = false) {
    Lexer copy = *this;
    return copy.Next(regex_ok);
  }

 private:
  Tok Token(bool regex_ok);
  void SkipSpaceAndComments();

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace flowmon::insights
