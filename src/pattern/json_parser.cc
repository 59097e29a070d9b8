#include <fmt/format.h>

#include <string>

#include "flowmon/core/number.h"
#include "flowmon/core/quoted_string.h"
#include "pattern/char_class.h"
#include "pattern/filter_regex.h"
#include "pattern/json_expr.h"
#include "pattern/json_selector.h"

namespace flowmon {
namespace {

// Characters an unquoted JSON value may hold; others need double quotes.
bool IsBareValueChar(char c) {
  return IsJsonKeyChar(c) || c == '.' || c == '*' || c == ':' || c == '/' ||
         c == '+';
}

}  // namespace

// Recursive descent over the pattern text with 1-based columns.
class JsonPatternParser {
 public:
  JsonPatternParser(std::string_view text, JsonExpr* out, PatternError* error)
      : text_(text), out_(out), error_(error) {}

  bool Parse() {
    Skip();
    if (!Eat('{')) return Fail("expected '{'");
    size_t root;
    if (!ParseOr(&root)) return false;
    Skip();
    if (!Eat('}')) return Fail("expected '&&', '||' or '}'");
    Skip();
    if (pos_ != text_.size()) return Fail("unexpected text after '}'");
    out_->root_ = root;
    return true;
  }

 private:
  bool Fail(std::string message) {
    error_->column = pos_ + 1;
    error_->message = std::move(message);
    return false;
  }
  void Skip() {
    while (pos_ < text_.size() && IsPatternSpace(text_[pos_])) ++pos_;
  }
  bool Eat(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool EatWord(std::string_view w) {
    Skip();
    if (text_.substr(pos_).starts_with(w)) {
      const size_t end = pos_ + w.size();
      if (end == text_.size() || !IsJsonKeyChar(text_[end])) {
        pos_ = end;
        return true;
      }
    }
    return false;
  }
  size_t Add(JsonExpr::Node node) {
    out_->nodes_.push_back(std::move(node));
    return out_->nodes_.size() - 1;
  }

  bool ParseOr(size_t* node) {
    return ParseChain(JsonExpr::Node::Kind::kOr, "||",
                      &JsonPatternParser::ParseAnd, node);
  }
  bool ParseAnd(size_t* node) {
    return ParseChain(JsonExpr::Node::Kind::kAnd, "&&",
                      &JsonPatternParser::ParseUnary, node);
  }

  // operand (op operand)*: one node of `kind` when the operator appears.
  bool ParseChain(JsonExpr::Node::Kind kind, std::string_view op,
                  bool (JsonPatternParser::*operand)(size_t*), size_t* node) {
    size_t first;
    if (!(this->*operand)(&first)) return false;
    JsonExpr::Node n{kind, 0, {first}};
    while (true) {
      Skip();
      if (!text_.substr(pos_).starts_with(op)) break;
      pos_ += op.size();
      size_t next;
      if (!(this->*operand)(&next)) return false;
      n.children.push_back(next);
    }
    *node = n.children.size() == 1 ? first : Add(std::move(n));
    return true;
  }

  bool ParseUnary(size_t* node) {
    Skip();
    if (Eat('(')) {
      // A pattern's 1,024 characters allow about 510 levels; the limit keeps
      // the parser's and the evaluator's recursion bounded for any caller.
      if (++nesting_ > kMaxNesting) {
        --pos_;
        return Fail(fmt::format("parentheses nested deeper than {} levels",
                                kMaxNesting));
      }
      const bool ok = ParseOr(node);
      --nesting_;
      if (!ok) return false;
      Skip();
      if (!Eat(')')) return Fail("expected ')'");
      return true;
    }
    JsonTest test;
    if (!ParseSelector(&test.path) || !ParseTest(&test)) return false;
    out_->tests_.push_back(std::move(test));
    *node = Add({JsonExpr::Node::Kind::kTest, out_->tests_.size() - 1, {}});
    return true;
  }

  bool ParseSelector(std::vector<SelectorStep>* path) {
    Skip();
    const size_t start = pos_;
    if (!ParseJsonSelector(text_, &pos_, path, error_)) return false;
    for (const SelectorStep& step : *path) {
      if (!IsWildcard(step)) continue;
      if (++wildcard_selectors_ > kMaxWildcardSelectorsPerPattern) {
        pos_ = start;
        return Fail(
            "a JSON filter pattern may use at most 3 wildcard "
            "selectors");
      }
      break;
    }
    return true;
  }

  bool ParseTest(JsonTest* test) {
    Skip();
    if (EatWord("IS")) {
      if (EatWord("TRUE")) {
        test->kind = JsonTest::Kind::kIsTrue;
      } else if (EatWord("FALSE")) {
        test->kind = JsonTest::Kind::kIsFalse;
      } else if (EatWord("NULL")) {
        test->kind = JsonTest::Kind::kIsNull;
      } else {
        Skip();
        return Fail("expected TRUE, FALSE or NULL after IS");
      }
      return true;
    }
    if (EatWord("NOT")) {
      if (!EatWord("EXISTS")) {
        Skip();
        return Fail("expected EXISTS after NOT");
      }
      test->kind = JsonTest::Kind::kNotExists;
      return true;
    }
    Skip();
    ValueTest& v = test->value;
    const std::string_view rest = text_.substr(pos_);
    std::string op;
    if (rest.starts_with("!=") || rest.starts_with("<=") ||
        rest.starts_with(">=")) {
      op = std::string(rest.substr(0, 2));
    } else if (!rest.empty() &&
               (rest[0] == '=' || rest[0] == '<' || rest[0] == '>')) {
      op = std::string(rest.substr(0, 1));
    } else {
      return Fail(
          "expected an operator (=, !=, <, <=, >, >=), IS or NOT EXISTS");
    }
    pos_ += op.size();
    ParseCompareOp(op, &v.op);
    const bool relational = v.op != CompareOp::kEq && v.op != CompareOp::kNe;
    Skip();
    const size_t value_column = pos_ + 1;
    if (pos_ == text_.size())
      return Fail("expected a value after '" + op + "'");
    if (text_[pos_] == '"') {
      std::string s;
      const size_t end =
          ReadQuoted(text_, pos_, QuoteEscapes::kBackslashAny, &s);
      if (end == std::string_view::npos) {
        return Fail("unterminated quoted value");
      }
      pos_ = end;
      if (relational) {
        pos_ = value_column - 1;
        return Fail("expected a number after '" + op + "'");
      }
      v.SetString(std::move(s));
      return true;
    }
    if (text_[pos_] == '%') {
      const size_t close = text_.find('%', pos_ + 1);
      if (close == std::string_view::npos)
        return Fail("unterminated regex: expected '%'");
      if (relational) return Fail("expected a number after '" + op + "'");
      if (++regexes_ > kMaxRegexesPerPattern) {
        return Fail(
            "a JSON filter pattern may contain at most 2 regular expressions");
      }
      if (!CompileFilterRegex(text_.substr(pos_ + 1, close - pos_ - 1),
                              pos_ + 2, &v.regex, error_)) {
        return false;
      }
      v.wildcard = Wildcard::kRegex;
      pos_ = close + 1;
      return true;
    }
    const size_t start = pos_;
    while (pos_ < text_.size() && IsBareValueChar(text_[pos_])) ++pos_;
    if (pos_ == start) {
      return Fail("expected a value after '" + op +
                  "' (strings with characters other than letters, digits, "
                  "'.', '*', '-', '_', ':', '/' need double quotes)");
    }
    const std::string_view bare = text_.substr(start, pos_ - start);
    double number;
    if (ParseNumber(bare, &number)) {
      v.numeric = true;
      v.number = number;
      return true;
    }
    if (relational) {
      pos_ = start;
      return Fail("expected a number after '" + op + "'");
    }
    v.SetString(std::string(bare));
    return true;
  }

  std::string_view text_;
  JsonExpr* out_;
  PatternError* error_;
  size_t pos_ = 0;
  int regexes_ = 0;             // %regex% values so far
  int wildcard_selectors_ = 0;  // selectors with [*] or .* so far
  static constexpr int kMaxNesting = 512;
  int nesting_ = 0;  // parentheses open
};

std::shared_ptr<const JsonExpr> JsonExpr::Parse(std::string_view text,
                                                PatternError* error) {
  auto expr = std::make_shared<JsonExpr>();
  JsonPatternParser parser(text, expr.get(), error);
  if (!parser.Parse()) return nullptr;
  return expr;
}

}  // namespace flowmon
