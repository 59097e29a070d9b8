#include "pattern/term_parser.h"

#include "flowmon/core/quoted_string.h"
#include "pattern/char_class.h"
#include "pattern/filter_regex.h"

namespace flowmon {

// Terms: words (letters, digits, '_'), "quoted phrases" and %regex%,
// each optionally prefixed by '-' (must not appear) or '?' (one of the
// alternatives, when every term has '?').
bool ParseTermPattern(std::string_view t, TermPattern* out,
                      PatternError* error) {
  auto fail = [error](size_t column, std::string message) {
    error->column = column;
    error->message = std::move(message);
    return false;
  };
  size_t i = 0;
  auto skip = [&] {
    while (i < t.size() && IsPatternSpace(t[i])) ++i;
  };
  skip();
  // "" and " " match every event (the documented match-all patterns).
  const size_t begin = i;
  size_t end = t.size();
  while (end > begin && IsPatternSpace(t[end - 1])) --end;
  const std::string_view body = t.substr(begin, end - begin);
  if (body.empty() || body == "\"\"" || body == "\" \"") {
    out->match_all = true;
    return true;
  }
  std::vector<Term> required;  // include and exclude terms
  std::vector<Term> optional;  // '?' terms
  while (true) {
    skip();
    if (i == t.size()) break;
    const size_t start = i;
    Term term;
    bool question = false;
    if (t[i] == '?') {
      question = true;
      ++i;
    } else if (t[i] == '-') {
      term.exclude = true;
      ++i;
    }
    if (question || term.exclude) {
      // The documentation writes both "-term" and "- term".
      skip();
      if (i == t.size()) {
        return fail(start + 1,
                    "expected a term after '" + std::string(1, t[start]) + "'");
      }
    }
    if (t[i] == '"') {
      std::string phrase;
      const size_t close =
          ReadQuoted(t, i, QuoteEscapes::kBackslashAny, &phrase);
      if (close == std::string_view::npos) {
        return fail(i + 1, "unterminated quoted term");
      }
      i = close;
      term.text = std::move(phrase);
    } else if (t[i] == '%') {
      const size_t close = t.find('%', i + 1);
      if (close == std::string_view::npos) {
        return fail(i + 1, "unterminated regex: expected '%'");
      }
      if (!CompileFilterRegex(t.substr(i + 1, close - i - 1), i + 2,
                              &term.regex, error)) {
        return false;
      }
      i = close + 1;
    } else {
      const size_t word = i;
      while (i < t.size() && !IsPatternSpace(t[i])) {
        if (!IsWordChar(t[i])) {
          return fail(i + 1,
                      "a term with characters other than letters, "
                      "digits and '_' must be in double quotes");
        }
        ++i;
      }
      term.text = std::string(t.substr(word, i - word));
    }
    if (i < t.size() && !IsPatternSpace(t[i])) {
      return fail(i + 1, "expected a space between terms");
    }
    (question ? optional : required).push_back(std::move(term));
  }
  if (!required.empty()) {
    out->ignores_optional = !optional.empty();
    out->groups.push_back(std::move(required));
    return true;
  }
  for (Term& term : optional) {
    out->groups.emplace_back();
    out->groups.back().push_back(std::move(term));
  }
  return true;
}

}  // namespace flowmon
