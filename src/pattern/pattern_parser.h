// PatternParser: recursive descent from pattern text to a CompiledPattern.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flowmon/pattern/pattern.h"
#include "pattern/pattern_lexer.h"

namespace flowmon {

class PatternParser {
 public:
  explicit PatternParser(std::string_view text) : text_(text), lexer_(text) {}
  // Fills *out, or *error with the first problem and its column.
  bool Parse(CompiledPattern* out, PatternError* error);

 private:
  // A comparison on a field named later or earlier in the pattern, resolved
  // once every slot is known: conditions_[condition].any_of[group][index].
  struct NameRef {
    std::string name;
    size_t column;
    size_t condition, group, index;
  };
  bool ParseSpaceDelimited(CompiledPattern* out);
  bool ParseTerms(CompiledPattern* out);
  bool ParseCondition(CompiledPattern* out, Condition* cond);
  bool ParseComparison(std::string_view operand, Comparison* cmp);
  bool ParseRegex(const Token& token, std::shared_ptr<const re2::RE2>* out);
  bool ResolveNames(CompiledPattern* out);
  bool Fail(size_t column, std::string message);
  Token Peek() const;

  std::string_view text_;
  PatternLexer lexer_;
  PatternError* error_ = nullptr;
  std::vector<NameRef> refs_;
  int regexes_ = 0;
};

}  // namespace flowmon
