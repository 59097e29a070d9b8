#include "pattern/filter_regex.h"

#include <fmt/format.h>

#include <cstring>

namespace flowmon {

bool CompileFilterRegex(std::string_view body, size_t column,
                        std::shared_ptr<const RE2>* out, PatternError* error) {
  if (body.empty()) {
    error->column = column;
    error->message = "empty regular expression";
    return false;
  }
  for (size_t i = 0; i < body.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    error->column = column + i;
    if (c >= 0x80) {
      error->message = "multi-byte characters are not supported in regex";
      return false;
    }
    if (c == '(' || c == ')') {
      error->message =
          "the ( and ) operators are not supported in regex: a filter pattern "
          "cannot define a subpattern";
      return false;
    }
    if (c == '\\') {
      // An escape takes the next character as it is (\d, \s, \.).
      if (i + 1 == body.size()) {
        error->message = "regex ends with a lone backslash";
        return false;
      }
      ++i;
      continue;
    }
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9');
    if (!alnum && std::strchr(":_#=@/;,-^$?[]{}|*+.", c) == nullptr) {
      error->message = fmt::format(
          "unsupported character '{}' in regex (allowed: letters, digits, "
          ": _ # = @ / ; , - and the operators ^ $ ? [ ] {{ }} | \\ * + .)",
          static_cast<char>(c));
      return false;
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(
      re2::StringPiece(body.data(), body.size()), options);
  if (!re->ok()) {
    error->column = column;
    error->message = "invalid regular expression: " + re->error();
    return false;
  }
  *out = std::move(re);
  return true;
}

}  // namespace flowmon
