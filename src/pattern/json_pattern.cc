#include "pattern/json_pattern.h"

#include <re2/re2.h>
#include <simdjson.h>

#include "flowmon/core/number.h"
#include "pattern/pattern_regex.h"

namespace flowmon {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Characters an unquoted JSON value may hold; others need double quotes.
bool IsBareValueChar(char c) {
  return IsKeyChar(c) || c == '.' || c == '*' || c == ':' || c == '/' ||
         c == '+';
}

}  // namespace

// Recursive descent over the pattern text with 1-based columns.
class JsonPatternParser {
  friend class JsonPath;

 public:
  JsonPatternParser(std::string_view text, JsonExpr* out, int* regexes,
                    PatternError* error)
      : text_(text), out_(out), regexes_(regexes), error_(error) {}

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
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
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
      if (end == text_.size() || !IsKeyChar(text_[end])) {
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
      if (!ParseOr(node)) return false;
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

  // A whole text that is only a selector (metric values, dimensions).
  bool ParseSelectorOnly(std::vector<SelectorStep>* path) {
    if (!ParseSelector(path)) return false;
    Skip();
    if (pos_ != text_.size()) return Fail("unexpected text after the selector");
    for (const SelectorStep& s : *path) {
      if (s.kind == SelectorStep::Kind::kAnyElement ||
          s.kind == SelectorStep::Kind::kAnyMember) {
        return Fail("a metric value or dimension selector cannot use '*'");
      }
    }
    return true;
  }

  bool ParseSelector(std::vector<SelectorStep>* path) {
    Skip();
    if (!Eat('$')) return Fail("expected a selector starting with '$'");
    while (pos_ < text_.size()) {
      if (Eat('.')) {
        if (Eat('*')) {
          path->push_back({SelectorStep::Kind::kAnyMember, "", 0});
          continue;
        }
        const size_t start = pos_;
        while (pos_ < text_.size() && IsKeyChar(text_[pos_])) ++pos_;
        if (pos_ == start) return Fail("expected a property name after '.'");
        path->push_back({SelectorStep::Kind::kKey,
                         std::string(text_.substr(start, pos_ - start)), 0});
      } else if (Eat('[')) {
        if (Eat('*')) {
          if (!Eat(']')) return Fail("expected ']'");
          path->push_back({SelectorStep::Kind::kAnyElement, "", 0});
        } else if (pos_ < text_.size() &&
                   (text_[pos_] == '"' || text_[pos_] == '\'')) {
          const char quote = text_[pos_++];
          const size_t start = pos_;
          while (pos_ < text_.size() && text_[pos_] != quote) ++pos_;
          if (pos_ == text_.size()) return Fail("unterminated bracketed key");
          std::string key(text_.substr(start, pos_ - start));
          ++pos_;
          if (!Eat(']')) return Fail("expected ']'");
          path->push_back({SelectorStep::Kind::kKey, std::move(key), 0});
        } else {
          const size_t start = pos_;
          size_t index = 0;
          while (pos_ < text_.size() && text_[pos_] >= '0' &&
                 text_[pos_] <= '9') {
            index = index * 10 + static_cast<size_t>(text_[pos_++] - '0');
          }
          if (pos_ == start)
            return Fail("expected an array index, '*' or a quoted key");
          if (!Eat(']')) return Fail("expected ']'");
          path->push_back({SelectorStep::Kind::kIndex, "", index});
        }
      } else {
        break;
      }
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
      ++pos_;
      while (pos_ < text_.size() && text_[pos_] != '"') {
        if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
        s += text_[pos_++];
      }
      if (pos_ == text_.size()) {
        pos_ = value_column - 1;
        return Fail("unterminated quoted value");
      }
      ++pos_;
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
      if (++*regexes_ > kMaxRegexesPerPattern) {
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
  int* regexes_;
  PatternError* error_;
  size_t pos_ = 0;
};

std::shared_ptr<const JsonExpr> JsonExpr::Parse(std::string_view text,
                                                int* regexes,
                                                PatternError* error) {
  auto expr = std::make_shared<JsonExpr>();
  JsonPatternParser parser(text, expr.get(), regexes, error);
  if (!parser.Parse()) return nullptr;
  return expr;
}

// Evaluates tests against one parsed event.
class JsonEvaluator {
 public:
  explicit JsonEvaluator(const JsonExpr& expr) : expr_(expr) {}

  bool Node(size_t i, simdjson::dom::element root) const {
    const JsonExpr::Node& n = expr_.nodes_[i];
    switch (n.kind) {
      case JsonExpr::Node::Kind::kTest:
        return Test(expr_.tests_[n.test], root);
      case JsonExpr::Node::Kind::kAnd:
        for (size_t c : n.children) {
          if (!Node(c, root)) return false;
        }
        return true;
      case JsonExpr::Node::Kind::kOr:
        for (size_t c : n.children) {
          if (Node(c, root)) return true;
        }
        return false;
    }
    return false;
  }

 private:
  // Calls f on every value the path selects (several with wildcards);
  // stops when f returns true. Returns whether f did.
  template <typename F>
  static bool Select(simdjson::dom::element e,
                     const std::vector<SelectorStep>& path, size_t step, F& f) {
    if (step == path.size()) return f(e);
    const SelectorStep& s = path[step];
    switch (s.kind) {
      case SelectorStep::Kind::kKey: {
        simdjson::dom::object obj;
        if (e.get_object().get(obj) != simdjson::SUCCESS) return false;
        simdjson::dom::element child;
        if (obj.at_key(s.key).get(child) != simdjson::SUCCESS) return false;
        return Select(child, path, step + 1, f);
      }
      case SelectorStep::Kind::kIndex: {
        simdjson::dom::array arr;
        if (e.get_array().get(arr) != simdjson::SUCCESS) return false;
        simdjson::dom::element child;
        if (arr.at(s.index).get(child) != simdjson::SUCCESS) return false;
        return Select(child, path, step + 1, f);
      }
      case SelectorStep::Kind::kAnyElement: {
        simdjson::dom::array arr;
        if (e.get_array().get(arr) != simdjson::SUCCESS) return false;
        for (simdjson::dom::element child : arr) {
          if (Select(child, path, step + 1, f)) return true;
        }
        return false;
      }
      case SelectorStep::Kind::kAnyMember: {
        simdjson::dom::object obj;
        if (e.get_object().get(obj) != simdjson::SUCCESS) return false;
        for (simdjson::dom::key_value_pair kv : obj) {
          if (Select(kv.value, path, step + 1, f)) return true;
        }
        return false;
      }
    }
    return false;
  }

  static bool Compare(const ValueTest& v, simdjson::dom::element e) {
    // A selector that points at an array or an object does not apply:
    // both = and != fail (AWS: "JSON Special Considerations").
    if (v.numeric) {
      double d;
      if (e.is_number() && e.get_double().get(d) == simdjson::SUCCESS) {
        return v.TestNumber(d);
      }
      return false;
    }
    std::string_view s;
    if (e.get_string().get(s) == simdjson::SUCCESS) return v.TestString(s);
    if (e.is_number() && v.wildcard != Wildcard::kRegex) {
      // `{ $.code = 4* }` against 404: the number's text.
      const std::string text = simdjson::to_string(e);
      return v.TestString(text);
    }
    return false;
  }

  static bool Test(const JsonTest& t, simdjson::dom::element root) {
    switch (t.kind) {
      case JsonTest::Kind::kNotExists: {
        auto any = [](simdjson::dom::element) { return true; };
        return !Select(root, t.path, 0, any);
      }
      case JsonTest::Kind::kIsNull: {
        auto f = [](simdjson::dom::element e) { return e.is_null(); };
        return Select(root, t.path, 0, f);
      }
      case JsonTest::Kind::kIsTrue:
      case JsonTest::Kind::kIsFalse: {
        const bool want = t.kind == JsonTest::Kind::kIsTrue;
        auto f = [want](simdjson::dom::element e) {
          bool b;
          return e.get_bool().get(b) == simdjson::SUCCESS && b == want;
        };
        return Select(root, t.path, 0, f);
      }
      case JsonTest::Kind::kCompare: {
        auto f = [&t](simdjson::dom::element e) { return Compare(t.value, e); };
        return Select(root, t.path, 0, f);
      }
    }
    return false;
  }

  const JsonExpr& expr_;
};

bool JsonExpr::Matches(std::string_view event) const {
  // Cheap rejection before parsing: a JSON event starts with '{' or '['.
  size_t i = 0;
  while (i < event.size() && IsSpace(event[i])) ++i;
  if (i == event.size() || (event[i] != '{' && event[i] != '[')) return false;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(event.data(), event.size()).get(root) != simdjson::SUCCESS) {
    return false;
  }
  return JsonEvaluator(*this).Node(root_, root);
}

namespace {

// The value `path` points at in a parsed event, if any.
bool Walk(simdjson::dom::element e, const std::vector<SelectorStep>& path,
          simdjson::dom::element* out) {
  for (const SelectorStep& s : path) {
    if (s.kind == SelectorStep::Kind::kKey) {
      simdjson::dom::object obj;
      if (e.get_object().get(obj) != simdjson::SUCCESS ||
          obj.at_key(s.key).get(e) != simdjson::SUCCESS) {
        return false;
      }
    } else {
      simdjson::dom::array arr;
      if (e.get_array().get(arr) != simdjson::SUCCESS ||
          arr.at(s.index).get(e) != simdjson::SUCCESS) {
        return false;
      }
    }
  }
  *out = e;
  return true;
}

bool ParseEvent(std::string_view event, simdjson::dom::element* root) {
  size_t i = 0;
  while (i < event.size() && IsSpace(event[i])) ++i;
  if (i == event.size() || (event[i] != '{' && event[i] != '[')) return false;
  thread_local simdjson::dom::parser parser;
  return parser.parse(event.data(), event.size()).get(*root) ==
         simdjson::SUCCESS;
}

}  // namespace

std::shared_ptr<const JsonPath> JsonPath::Parse(std::string_view text,
                                                PatternError* error) {
  auto path = std::make_shared<JsonPath>();
  JsonExpr scratch;
  int regexes = 0;
  JsonPatternParser parser(text, &scratch, &regexes, error);
  if (!parser.ParseSelectorOnly(&path->path_)) return nullptr;
  return path;
}

bool JsonPath::SelectNumber(std::string_view event, double* out) const {
  simdjson::dom::element root, value;
  return ParseEvent(event, &root) && Walk(root, path_, &value) &&
         value.is_number() && value.get_double().get(*out) == simdjson::SUCCESS;
}

bool JsonPath::SelectText(std::string_view event, std::string* out) const {
  simdjson::dom::element root, value;
  if (!ParseEvent(event, &root) || !Walk(root, path_, &value)) return false;
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) {
    out->assign(s);
  } else {
    *out = simdjson::to_string(value);
  }
  return true;
}

}  // namespace flowmon
