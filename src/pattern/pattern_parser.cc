#include "pattern/pattern_parser.h"

#include "flowmon/core/number.h"
#include "pattern/json_pattern.h"
#include "pattern/pattern_regex.h"

namespace flowmon {
namespace {

bool IsTermChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

bool PatternParser::Fail(size_t column, std::string message) {
  error_->column = column;
  error_->message = std::move(message);
  return false;
}

Token PatternParser::Peek() const {
  PatternLexer copy = lexer_;
  return copy.Next();
}

bool PatternParser::Parse(CompiledPattern* out, PatternError* error) {
  error_ = error;
  *out = CompiledPattern();
  out->text_ = std::string(text_);
  if (text_.size() > kMaxPatternLength) {
    // AWS's own validation message for filterPattern.
    return Fail(kMaxPatternLength + 1,
                "Member must have length less than or equal to 1024");
  }
  size_t i = 0;
  while (i < text_.size() && IsSpace(text_[i])) ++i;
  if (i < text_.size() && text_[i] == '[') {
    out->kind_ = CompiledPattern::Kind::kSpaceDelimited;
    if (!ParseSpaceDelimited(out) || !ResolveNames(out)) return false;
  } else if (i < text_.size() && text_[i] == '{') {
    out->kind_ = CompiledPattern::Kind::kJson;
    out->json_ = JsonExpr::Parse(text_, &regexes_, error);
    if (out->json_ == nullptr) return false;
  } else {
    out->kind_ = CompiledPattern::Kind::kTerms;
    if (!ParseTerms(out)) return false;
  }
  out->ComputeRequiredLiteral();
  return true;
}

bool PatternParser::ParseRegex(const Token& token,
                               std::shared_ptr<const re2::RE2>* out) {
  if (++regexes_ > kMaxRegexesPerPattern) {
    return Fail(token.column,
                "a space-delimited filter pattern may contain at most 2 "
                "regular expressions");
  }
  return CompileFilterRegex(token.text, token.column + 1, out, error_);
}

// Terms: words (letters, digits, '_'), "quoted phrases" and %regex%,
// each optionally prefixed by '-' (must not appear) or '?' (starts a new
// alternative: the event matches if all terms of any alternative hold).
bool PatternParser::ParseTerms(CompiledPattern* out) {
  std::string_view t = text_;
  size_t i = 0;
  auto skip = [&] {
    while (i < t.size() && IsSpace(t[i])) ++i;
  };
  skip();
  // "" and " " match every event (the documented match-all patterns).
  const size_t begin = i;
  size_t end = t.size();
  while (end > begin && IsSpace(t[end - 1])) --end;
  const std::string_view body = t.substr(begin, end - begin);
  if (body.empty() || body == "\"\"" || body == "\" \"") {
    out->match_all_ = true;
    return true;
  }
  out->term_groups_.emplace_back();
  bool any_question = false;
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
        return Fail(start + 1,
                    "expected a term after '" + std::string(1, t[start]) + "'");
      }
    }
    if (t[i] == '"') {
      const size_t open = i++;
      std::string phrase;
      while (i < t.size() && t[i] != '"') {
        if (t[i] == '\\' && i + 1 < t.size()) ++i;
        phrase += t[i++];
      }
      if (i == t.size()) return Fail(open + 1, "unterminated quoted term");
      ++i;
      term.text = std::move(phrase);
    } else if (t[i] == '%') {
      const size_t close = t.find('%', i + 1);
      if (close == std::string_view::npos) {
        return Fail(i + 1, "unterminated regex: expected '%'");
      }
      if (!CompileFilterRegex(t.substr(i + 1, close - i - 1), i + 2,
                              &term.regex, error_)) {
        return false;
      }
      i = close + 1;
    } else {
      const size_t word = i;
      while (i < t.size() && !IsSpace(t[i])) {
        if (!IsTermChar(t[i])) {
          return Fail(i + 1,
                      "a term with characters other than letters, "
                      "digits and '_' must be in double quotes");
        }
        ++i;
      }
      term.text = std::string(t.substr(word, i - word));
    }
    if (i < t.size() && !IsSpace(t[i])) {
      return Fail(i + 1, "expected a space between terms");
    }
    if (question) {
      // The first '?' term opens the first alternative only if no plain
      // term came before it; afterwards each '?' opens a new one.
      if (any_question || !out->term_groups_.back().empty()) {
        out->term_groups_.emplace_back();
      }
      any_question = true;
    }
    out->term_groups_.back().push_back(std::move(term));
  }
  return true;
}

bool PatternParser::ParseSpaceDelimited(CompiledPattern* out) {
  lexer_.Next();  // '['
  if (Peek().kind == TokenKind::kRBracket) {
    lexer_.Next();
    out->match_all_ = true;
  } else {
    while (true) {
      const Token tok = lexer_.Next();
      Slot slot;
      if (tok.kind == TokenKind::kEllipsis) {
        if (out->ellipsis_ >= 0) {
          return Fail(tok.column, "'...' may appear only once in a pattern");
        }
        slot.kind = Slot::Kind::kEllipsis;
        out->ellipsis_ = static_cast<int>(out->slots_.size());
      } else if (tok.kind == TokenKind::kName) {
        for (const Slot& s : out->slots_) {
          if (s.kind == Slot::Kind::kNamed && s.name == tok.text) {
            return Fail(tok.column, "duplicate field name '" + tok.text + "'");
          }
        }
        slot.kind = Slot::Kind::kNamed;
        slot.name = tok.text;
        if (Peek().kind == TokenKind::kOperator) {
          out->slots_.push_back(slot);  // conditions refer to it by index
          Condition cond;
          const bool ok = ParseCondition(out, &cond);
          out->slots_.pop_back();
          if (!ok) return false;
          out->conditions_.push_back(std::move(cond));
        }
      } else if (tok.kind == TokenKind::kRBracket && !out->slots_.empty()) {
        // A trailing comma adds one unnamed field.
        slot.kind = Slot::Kind::kUnnamed;
        out->slots_.push_back(std::move(slot));
        break;
      } else if (tok.kind == TokenKind::kError) {
        return Fail(tok.column, tok.text);
      } else if (tok.kind == TokenKind::kEnd) {
        return Fail(tok.column, "expected ']'");
      } else {
        return Fail(tok.column, "expected a field name or '...'");
      }
      out->slots_.push_back(std::move(slot));
      const Token sep = lexer_.Next();
      if (sep.kind == TokenKind::kRBracket) break;
      if (sep.kind == TokenKind::kEnd) return Fail(sep.column, "expected ']'");
      if (sep.kind != TokenKind::kComma) {
        return Fail(sep.column, "expected ',' or ']'");
      }
    }
  }
  const Token end = lexer_.Next();
  if (end.kind != TokenKind::kEnd) {
    return Fail(end.column, "unexpected text after ']'");
  }
  // Slots after the ellipsis are bound counting from the end of the line.
  uint32_t position = 0;
  for (size_t i = 0; i < out->slots_.size(); ++i) {
    Slot& s = out->slots_[i];
    if (s.kind == Slot::Kind::kEllipsis) continue;
    s.position = position++;
    s.from_end = out->ellipsis_ >= 0 && i > static_cast<size_t>(out->ellipsis_);
  }
  out->fixed_ = position;
  return true;
}

bool PatternParser::ParseCondition(CompiledPattern* out, Condition* cond) {
  // The first operand is the slot being declared (already on slots_).
  cond->any_of.emplace_back();
  std::string operand = out->slots_.back().name;
  bool first = true;
  while (true) {
    Comparison cmp;
    size_t operand_column = 0;
    if (!first) {
      const Token name = lexer_.Next();
      if (name.kind != TokenKind::kName) {
        return Fail(name.column, "expected a field name after '&&' or '||'");
      }
      operand = name.text;
      operand_column = name.column;
    } else {
      cmp.slot = static_cast<uint32_t>(out->slots_.size() - 1);
    }
    if (!ParseComparison(operand, &cmp)) return false;
    if (!first) {
      refs_.push_back({operand, operand_column, out->conditions_.size(),
                       cond->any_of.size() - 1, cond->any_of.back().size()});
    }
    cond->any_of.back().push_back(std::move(cmp));
    first = false;
    const Token next = Peek();
    if (next.kind == TokenKind::kAnd) {
      lexer_.Next();
    } else if (next.kind == TokenKind::kOr) {
      lexer_.Next();
      cond->any_of.emplace_back();
    } else {
      return true;
    }
  }
}

bool PatternParser::ParseComparison(std::string_view operand, Comparison* c) {
  ValueTest* cmp = &c->test;
  const Token op = lexer_.Next();
  if (op.kind != TokenKind::kOperator || !ParseCompareOp(op.text, &cmp->op)) {
    return Fail(op.column,
                "expected an operator (=, !=, <, <=, >, >=) after '" +
                    std::string(operand) + "'");
  }
  c->column = static_cast<uint32_t>(op.column);
  const Token value = lexer_.NextValue();
  if (value.kind == TokenKind::kError) return Fail(value.column, value.text);
  if (value.kind == TokenKind::kEnd) {
    return Fail(value.column, "expected a value after '" + op.text + "'");
  }
  if (value.kind == TokenKind::kRegex) {
    if (cmp->op != CompareOp::kEq && cmp->op != CompareOp::kNe) {
      return Fail(value.column, "expected a number after '" + op.text + "'");
    }
    cmp->wildcard = Wildcard::kRegex;
    return ParseRegex(value, &cmp->regex);
  }
  double number = 0;
  if (value.kind == TokenKind::kBare && ParseNumber(value.text, &number)) {
    cmp->numeric = true;
    cmp->number = number;
    return true;
  }
  if (cmp->op != CompareOp::kEq && cmp->op != CompareOp::kNe) {
    return Fail(value.column, "expected a number after '" + op.text + "'");
  }
  cmp->SetString(value.text);
  return true;
}

bool PatternParser::ResolveNames(CompiledPattern* out) {
  for (const NameRef& ref : refs_) {
    size_t slot = out->slots_.size();
    for (size_t i = 0; i < out->slots_.size(); ++i) {
      if (out->slots_[i].kind == Slot::Kind::kNamed &&
          out->slots_[i].name == ref.name) {
        slot = i;
      }
    }
    if (slot == out->slots_.size()) {
      return Fail(ref.column, "unknown field '" + ref.name +
                                  "': a condition may only use fields named "
                                  "in the pattern");
    }
    out->conditions_[ref.condition].any_of[ref.group][ref.index].slot =
        static_cast<uint32_t>(slot);
  }
  return true;
}

}  // namespace flowmon
