#include "pattern/space_delimited_parser.h"

#include <memory>
#include <string>

#include "flowmon/core/number.h"
#include "pattern/char_class.h"
#include "pattern/filter_regex.h"
#include "pattern/space_delimited_lexer.h"

namespace flowmon {
namespace {

// Recursive descent over the lexer's tokens.
class SpaceDelimitedParser {
 public:
  SpaceDelimitedParser(std::string_view text, PatternError* error)
      : text_(text), lexer_(text), error_(error) {}

  bool Parse(SpaceDelimitedPattern* out) {
    return ParseSlots(out) && ResolveNames(out);
  }

 private:
  // A comparison on a field named later or earlier in the pattern, resolved
  // once every slot is known: conditions[condition].any_of[group][index].
  struct NameRef {
    std::string name;
    size_t column;
    size_t condition, group, index;
  };
  bool ParseSlots(SpaceDelimitedPattern* out);
  bool ParseCondition(SpaceDelimitedPattern* out, Condition* cond);
  bool ParseComparison(std::string_view operand, Comparison* cmp);
  bool ParseRegex(const Token& token, std::shared_ptr<const FilterRegex>* out);
  bool ResolveNames(SpaceDelimitedPattern* out);
  bool Fail(size_t column, std::string message);
  Token Peek() const;
  // The pattern text from 1-based column `begin` up to `end`, trimmed.
  std::string SlotText(size_t begin, size_t end) const;

  std::string_view text_;
  SpaceDelimitedLexer lexer_;
  PatternError* error_;
  std::vector<NameRef> refs_;
  int regexes_ = 0;
};

bool SpaceDelimitedParser::Fail(size_t column, std::string message) {
  error_->column = column;
  error_->message = std::move(message);
  return false;
}

std::string SpaceDelimitedParser::SlotText(size_t begin, size_t end) const {
  std::string_view t = text_.substr(begin - 1, end - begin);
  while (!t.empty() && IsPatternSpace(t.back())) t.remove_suffix(1);
  return std::string(t);
}

Token SpaceDelimitedParser::Peek() const {
  SpaceDelimitedLexer copy = lexer_;
  return copy.Next();
}

bool SpaceDelimitedParser::ParseRegex(const Token& token,
                                      std::shared_ptr<const FilterRegex>* out) {
  if (++regexes_ > kMaxRegexesPerPattern) {
    return Fail(token.column,
                "a space-delimited filter pattern may contain at most 2 "
                "regular expressions");
  }
  return CompileFilterRegex(token.text, token.column + 1, out, error_);
}

bool SpaceDelimitedParser::ParseSlots(SpaceDelimitedPattern* out) {
  lexer_.Next();  // '['
  if (Peek().kind == TokenKind::kRBracket) {
    lexer_.Next();
    out->match_all = true;
  } else {
    while (true) {
      const Token tok = lexer_.Next();
      Slot slot;
      if (tok.kind == TokenKind::kEllipsis) {
        if (out->ellipsis >= 0) {
          return Fail(tok.column, "'...' may appear only once in a pattern");
        }
        slot.kind = Slot::Kind::kEllipsis;
        out->ellipsis = static_cast<int>(out->slots.size());
      } else if (tok.kind == TokenKind::kName) {
        for (const Slot& s : out->slots) {
          if (s.kind == Slot::Kind::kNamed && s.name == tok.text) {
            return Fail(tok.column, "duplicate field name '" + tok.text + "'");
          }
        }
        slot.kind = Slot::Kind::kNamed;
        slot.name = tok.text;
        if (Peek().kind == TokenKind::kOperator) {
          out->slots.push_back(slot);  // conditions refer to it by index
          Condition cond;
          const bool ok = ParseCondition(out, &cond);
          out->slots.pop_back();
          if (!ok) return false;
          out->conditions.push_back(std::move(cond));
        }
      } else if (tok.kind == TokenKind::kRBracket && !out->slots.empty()) {
        // A trailing comma adds one unnamed field.
        slot.kind = Slot::Kind::kUnnamed;
        out->slots.push_back(std::move(slot));
        break;
      } else if (tok.kind == TokenKind::kError) {
        return Fail(tok.column, tok.text);
      } else if (tok.kind == TokenKind::kEnd) {
        return Fail(tok.column, "expected ']'");
      } else {
        return Fail(tok.column, "expected a field name or '...'");
      }
      const Token sep = lexer_.Next();
      slot.text = SlotText(tok.column, sep.column);
      out->slots.push_back(std::move(slot));
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
  for (size_t i = 0; i < out->slots.size(); ++i) {
    Slot& s = out->slots[i];
    if (s.kind == Slot::Kind::kEllipsis) continue;
    s.position = position++;
    s.from_end = out->ellipsis >= 0 && i > static_cast<size_t>(out->ellipsis);
  }
  out->fixed = position;
  return true;
}

bool SpaceDelimitedParser::ParseCondition(SpaceDelimitedPattern* out,
                                          Condition* cond) {
  // The first operand is the slot being declared (already on slots_).
  cond->any_of.emplace_back();
  std::string operand = out->slots.back().name;
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
      cmp.slot = static_cast<uint32_t>(out->slots.size() - 1);
    }
    if (!ParseComparison(operand, &cmp)) return false;
    if (!first) {
      refs_.push_back({operand, operand_column, out->conditions.size(),
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

bool SpaceDelimitedParser::ParseComparison(std::string_view operand,
                                           Comparison* c) {
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

bool SpaceDelimitedParser::ResolveNames(SpaceDelimitedPattern* out) {
  for (const NameRef& ref : refs_) {
    size_t slot = out->slots.size();
    for (size_t i = 0; i < out->slots.size(); ++i) {
      if (out->slots[i].kind == Slot::Kind::kNamed &&
          out->slots[i].name == ref.name) {
        slot = i;
      }
    }
    if (slot == out->slots.size()) {
      return Fail(ref.column, "unknown field '" + ref.name +
                                  "': a condition may only use fields named "
                                  "in the pattern");
    }
    out->conditions[ref.condition].any_of[ref.group][ref.index].slot =
        static_cast<uint32_t>(slot);
  }
  return true;
}

}  // namespace

bool ParseSpaceDelimitedPattern(std::string_view text,
                                SpaceDelimitedPattern* out,
                                PatternError* error) {
  SpaceDelimitedParser parser(text, error);
  return parser.Parse(out);
}

}  // namespace flowmon
