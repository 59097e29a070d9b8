#include "pattern/filter_regex.h"

#include <fmt/format.h>

#include <cstring>

#include "pattern/bit_parallel_regex.h"

namespace flowmon {
namespace {

// The symbols and operators the user guide lists; letters, digits and the
// space are checked apart.
constexpr const char* kSymbols = ":_#=@/;,-";
constexpr const char* kOperators = "^$?[]{}|\\*+.";

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsListed(unsigned char c, const char* set) {
  return c != '\0' && std::strchr(set, c) != nullptr;
}

// A bound at body[open] ('{'): "{m}", "{m,}", "{m,n}" or "{,n}", blanks
// allowed around the numbers. Writes it as RE2 reads bounds and returns
// the index past '}', or 0 when the braces are not a bound (RE2 then takes
// them as literal text, as it does any '{' that opens no bound).
size_t ReadBound(std::string_view body, size_t open, std::string* out) {
  size_t i = open + 1;
  auto blanks = [&] {
    while (i < body.size() && body[i] == ' ') ++i;
  };
  auto number = [&] {
    const size_t start = i;
    while (i < body.size() && IsDigit(body[i])) ++i;
    return body.substr(start, i - start);
  };
  blanks();
  const std::string_view min = number();
  blanks();
  bool comma = false;
  std::string_view max;
  if (i < body.size() && body[i] == ',') {
    comma = true;
    ++i;
    blanks();
    max = number();
    blanks();
  }
  if (i == body.size() || body[i] != '}') return 0;
  if (min.empty() && max.empty()) return 0;  // "{}", "{,}": no bound
  *out += '{';
  *out += min.empty() ? std::string_view("0") : min;
  if (comma) {
    *out += ',';
    *out += max;
  }
  *out += '}';
  return i + 1;
}

}  // namespace

bool TranslateFilterRegex(std::string_view body, size_t column,
                          std::string* re2_text, PatternError* error) {
  auto fail = [&](size_t i, std::string message) {
    error->column = column + i;
    error->message = std::move(message);
    return false;
  };
  if (body.empty()) return fail(0, "empty regular expression");
  re2_text->clear();
  bool in_class = false;   // between '[' and its ']'
  size_t class_start = 0;  // index just past the '[' (and a '^')
  for (size_t i = 0; i < body.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    if (c >= 0x80) {
      return fail(i, "multi-byte characters are not supported in regex");
    }
    if (c == '(' || c == ')') {
      return fail(i,
                  "the ( and ) operators are not supported in regex: a filter "
                  "pattern cannot define a subpattern");
    }
    if (c == '\\') {
      if (i + 1 == body.size()) {
        return fail(i, "regex ends with a lone backslash");
      }
      const unsigned char e = static_cast<unsigned char>(body[i + 1]);
      if (e == 'x') {
        if (i + 3 >= body.size() || !IsHexDigit(body[i + 2]) ||
            !IsHexDigit(body[i + 3])) {
          return fail(i, "\\x in regex takes two hexadecimal digits (\\xhh)");
        }
        re2_text->append(body.substr(i, 4));
        i += 3;
        continue;
      }
      if (!IsListed(e, "dDsSwWtn ") && !IsListed(e, kSymbols) &&
          !IsListed(e, kOperators)) {
        return fail(i, fmt::format("unsupported escape '\\{}' in regex "
                                   "(supported: \\d \\D \\s \\S \\w \\W \\xhh, "
                                   "and \\ before an operator or a symbol)",
                                   static_cast<char>(e)));
      }
      re2_text->append(body.substr(i, 2));
      ++i;
      continue;
    }
    if (!IsAsciiAlnum(c) && c != ' ' && !IsListed(c, kSymbols) &&
        !IsListed(c, kOperators)) {
      const std::string shown = c < 0x20 || c == 0x7f
                                    ? fmt::format("\\x{:02x}", c)
                                    : std::string(1, static_cast<char>(c));
      return fail(
          i, fmt::format("unsupported character '{}' in regex (allowed: "
                         "letters, digits, spaces, : _ # = @ / ; , - and the "
                         "operators ^ $ ? [ ] {{ }} | \\ * + .)",
                         shown));
    }
    if (in_class) {
      // A ']' first in the class is one of its characters ("[]a]").
      if (c == ']' && i != class_start) in_class = false;
      re2_text->push_back(static_cast<char>(c));
      continue;
    }
    if (c == '[') {
      in_class = true;
      class_start = i + 1;
      if (class_start < body.size() && body[class_start] == '^') ++class_start;
    } else if (c == '{') {
      if (const size_t end = ReadBound(body, i, re2_text); end != 0) {
        i = end - 1;
        continue;
      }
    }
    re2_text->push_back(static_cast<char>(c));
  }
  return true;
}

bool CompileFilterRegex(std::string_view body, size_t column,
                        std::shared_ptr<const FilterRegex>* out,
                        PatternError* error) {
  std::string text;
  if (!TranslateFilterRegex(body, column, &text, error)) return false;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kFilterRegexMaxMem);
  auto re = std::make_unique<const RE2>(text, options);
  if (!re->ok()) {
    error->column = column;
    error->message = "invalid regular expression: " + re->error();
    return false;
  }
  if (re->ProgramSize() > kMaxRegexProgramSize) {
    error->column = column;
    error->message = fmt::format(
        "regular expression too large: it compiles to {} instructions, over "
        "flowmon's limit of {} (each byte of a line can cost a step per "
        "instruction; a bounded repetition such as {{1000}} repeats what it "
        "follows)",
        re->ProgramSize(), kMaxRegexProgramSize);
    return false;
  }
  std::unique_ptr<const BitParallelRegex> bit_parallel;
  if (re->ProgramSize() >= kBitParallelFromProgramSize) {
    bit_parallel = BitParallelRegex::Compile(text);
  }
  *out = std::make_shared<const FilterRegex>(std::move(re),
                                             std::move(bit_parallel));
  return true;
}

FilterRegex::FilterRegex(std::unique_ptr<const RE2> re2,
                         std::unique_ptr<const BitParallelRegex> bit_parallel)
    : re2_(std::move(re2)), bit_parallel_(std::move(bit_parallel)) {}

FilterRegex::~FilterRegex() = default;

bool FilterRegex::PartialMatch(std::string_view text) const {
  if (bit_parallel_ != nullptr) {
    switch (bit_parallel_->Search(text)) {
      case BitParallelRegex::Result::kMatch:
        return true;
      case BitParallelRegex::Result::kNoMatch:
        return false;
      case BitParallelRegex::Result::kUndecided:
        break;
    }
  }
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re2_);
}

const std::string& FilterRegex::pattern() const { return re2_->pattern(); }

}  // namespace flowmon
