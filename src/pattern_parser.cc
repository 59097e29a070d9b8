#include "pattern_parser.h"

#include "number.h"

namespace flowmon {
namespace {

bool ToOp(std::string_view s, CompareOp* op) {
  if (s == "=") {
    *op = CompareOp::kEq;
  } else if (s == "!=") {
    *op = CompareOp::kNe;
  } else if (s == "<") {
    *op = CompareOp::kLt;
  } else if (s == "<=") {
    *op = CompareOp::kLe;
  } else if (s == ">") {
    *op = CompareOp::kGt;
  } else if (s == ">=") {
    *op = CompareOp::kGe;
  } else {
    return false;
  }
  return true;
}

// Splits a string value into its anchoring wildcards and the literal text.
void SetStringValue(std::string text, Comparison* cmp) {
  if (!text.empty() && text.find_first_not_of('*') == std::string::npos) {
    cmp->wildcard = Wildcard::kAny;
    cmp->text.clear();
    return;
  }
  const bool leading = !text.empty() && text.front() == '*';
  const bool trailing = text.size() > 1 && text.back() == '*';
  if (leading) text.erase(0, 1);
  if (trailing) text.pop_back();
  cmp->wildcard = leading && trailing ? Wildcard::kContains
                  : leading           ? Wildcard::kSuffix
                  : trailing          ? Wildcard::kPrefix
                                      : Wildcard::kExact;
  cmp->text = std::move(text);
}

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
  const Token first = Peek();
  if (first.kind != TokenKind::kLBracket) {
    return Fail(first.column,
                "expected '[' to start a space-delimited pattern (term, "
                "JSON and regex patterns are not supported by this version)");
  }
  if (!ParseSpaceDelimited(out) || !ResolveNames(out)) return false;
  out->ComputeRequiredLiteral();
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

bool PatternParser::ParseComparison(std::string_view operand, Comparison* cmp) {
  const Token op = lexer_.Next();
  if (op.kind != TokenKind::kOperator || !ToOp(op.text, &cmp->op)) {
    return Fail(op.column,
                "expected an operator (=, !=, <, <=, >, >=) after '" +
                    std::string(operand) + "'");
  }
  cmp->column = static_cast<uint32_t>(op.column);
  const Token value = lexer_.NextValue();
  if (value.kind == TokenKind::kError) return Fail(value.column, value.text);
  if (value.kind == TokenKind::kEnd) {
    return Fail(value.column, "expected a value after '" + op.text + "'");
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
  SetStringValue(value.text, cmp);
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
