#include "insights/parser.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <iterator>
#include <string>

#include "flowmon/core/caret.h"
#include "flowmon/core/number.h"
#include "insights/lexer.h"

namespace flowmon::insights {
namespace {

bool Is(const Tok& t, std::string_view text) {
  return t.kind == Tok::kOp && t.text == text;
}
bool IsWord(const Tok& t, std::string_view w) {
  if (t.kind != Tok::kIdent || t.text.size() != w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(t.text[i])) != w[i])
      return false;
  }
  return true;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), lex_(text) {}

  Status Parse(QueryPlan* plan) {
    while (true) {
      Tok word = lex_.Next();
      if (word.kind == Tok::kEnd) {
        if (plan->commands.empty()) return Fail(word, "empty query");
        return Status::Ok();
      }
      Command c;
      Status s;
      if (IsWord(word, "fields")) {
        c.kind = Command::kFields;
        s = NamedList(&c.fields, false);
      } else if (IsWord(word, "filter")) {
        c.kind = Command::kFilter;
        s = ParseExpr(&c.filter);
      } else if (IsWord(word, "stats")) {
        if (plan->stats_at != SIZE_MAX)
          return Fail(word, "only one stats command is supported");
        c.kind = Command::kStats;
        s = Stats(&c);
        plan->stats_at = plan->commands.size();
      } else if (IsWord(word, "sort")) {
        c.kind = Command::kSort;
        s = Sort(&c);
      } else if (IsWord(word, "limit")) {
        c.kind = Command::kLimit;
        Tok n = lex_.Next();
        double v;
        if (n.kind != Tok::kNumber || !ParseNumber(n.text, &v) || v < 1) {
          return Fail(n, "expected a number after limit");
        }
        c.limit = static_cast<size_t>(v);
      } else if (IsWord(word, "dedup") || IsWord(word, "display")) {
        c.kind = IsWord(word, "dedup") ? Command::kDedup : Command::kDisplay;
        s = Names(&c.names);
      } else if (word.kind == Tok::kIdent) {
        return Fail(
            word,
            fmt::format("unsupported command '{}' (supported: fields, filter, "
                        "stats, sort, limit, dedup, display)",
                        word.text));
      } else {
        return Fail(word, "expected a command");
      }
      if (!s.ok()) return s;
      plan->commands.push_back(std::move(c));
      Tok sep = lex_.Next();
      if (sep.kind == Tok::kEnd) return Status::Ok();
      if (!Is(sep, "|")) return Fail(sep, "expected '|' between commands");
    }
  }

 private:
  // The error at token `t`: "query:LINE:COL: message", then the query's line
  // and a caret under the column.
  Status Fail(const Tok& t, std::string_view message) const {
    const TextPosition p = PositionInText(text_, t.column);
    return Status::InvalidArgument(FormatCaretError(
        fmt::format("query:{}:{}: {}", p.line, p.column, message), p.line_text,
        p.column));
  }

  std::string Text(size_t from_column, size_t to_column) {
    std::string t(text_.substr(from_column - 1, to_column - from_column));
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back())))
      t.pop_back();
    return t;
  }

  Status Names(std::vector<std::string>* out) {
    while (true) {
      Tok t = lex_.Next();
      if (t.kind != Tok::kIdent) return Fail(t, "expected a field name");
      out->push_back(t.text);
      if (!Is(lex_.Peek(), ",")) return Status::Ok();
      lex_.Next();
    }
  }

  // expr [as alias], ...; in stats, bin(5m) is allowed.
  Status NamedList(std::vector<Named>* out, bool allow_bin) {
    while (true) {
      Named n;
      const Tok first = lex_.Peek();
      if (allow_bin && IsWord(first, "bin")) {
        lex_.Next();
        if (!Is(lex_.Next(), "(")) return Fail(first, "expected '(' after bin");
        Tok width = lex_.Next();
        if (width.kind != Tok::kNumber)
          return Fail(width, "expected a period such as 5m");
        if (Status s = BinWidth(width, &n.bin_ms); !s.ok()) return s;
        Tok close = lex_.Next();
        if (!Is(close, ")")) return Fail(close, "expected ')'");
        n.name = "bin(" + width.text + ")";
      } else {
        if (Status s = ParseExpr(&n.expr); !s.ok()) return s;
        n.name = n.expr->text;
      }
      if (IsWord(lex_.Peek(), "as")) {
        lex_.Next();
        Tok alias = lex_.Next();
        if (alias.kind != Tok::kIdent)
          return Fail(alias, "expected a name after as");
        n.name = alias.text;
      }
      out->push_back(std::move(n));
      if (!Is(lex_.Peek(), ",")) return Status::Ok();
      lex_.Next();
    }
  }

  Status BinWidth(const Tok& t, int64_t* ms) const {
    size_t i = 0;
    while (i < t.text.size() &&
           std::isdigit(static_cast<unsigned char>(t.text[i])))
      ++i;
    const std::string unit = t.text.substr(i);
    const int64_t n = i > 0 ? std::stoll(t.text.substr(0, i)) : 0;
    int64_t scale = 0;
    if (unit == "ms")
      scale = 1;
    else if (unit == "s" || unit == "sec")
      scale = 1000;
    else if (unit == "m" || unit == "min")
      scale = 60000;
    else if (unit == "h" || unit == "hr")
      scale = 3600000;
    else if (unit == "d")
      scale = 86400000;
    if (n <= 0 || scale == 0)
      return Fail(t, "expected a period such as 30s, 5m, 1h or 1d");
    *ms = n * scale;
    return Status::Ok();
  }

  Status Stats(Command* c) {
    while (true) {
      Aggregate a;
      const Tok fn = lex_.Next();
      static const char* const kFns[] = {
          "count", "count_distinct", "sum", "avg", "min", "max", "pct"};
      if (fn.kind != Tok::kIdent ||
          std::none_of(std::begin(kFns), std::end(kFns),
                       [&](const char* f) { return IsWord(fn, f); })) {
        return Fail(
            fn,
            fmt::format("unsupported stats function '{}' (supported: count, "
                        "count_distinct, sum, avg, min, max, pct)",
                        fn.text));
      }
      a.fn = fn.text;
      std::transform(a.fn.begin(), a.fn.end(), a.fn.begin(), ::tolower);
      if (!Is(lex_.Next(), "("))
        return Fail(fn, "expected '(' after " + fn.text);
      if (a.fn == "count" && Is(lex_.Peek(), "*")) {
        lex_.Next();
      } else if (Status s = ParseExpr(&a.arg); !s.ok()) {
        return s;
      }
      if (a.fn == "pct") {
        Tok comma = lex_.Next();
        Tok p = lex_.Next();
        if (!Is(comma, ",") || p.kind != Tok::kNumber ||
            !ParseNumber(p.text, &a.percentile)) {
          return Fail(p, "expected pct(field, percentile)");
        }
      }
      Tok close = lex_.Next();
      if (!Is(close, ")")) return Fail(close, "expected ')'");
      a.name = Text(fn.column, close.column + 1);
      if (IsWord(lex_.Peek(), "as")) {
        lex_.Next();
        Tok alias = lex_.Next();
        if (alias.kind != Tok::kIdent)
          return Fail(alias, "expected a name after as");
        a.name = alias.text;
      }
      c->aggregates.push_back(std::move(a));
      const Tok next = lex_.Peek();
      if (Is(next, ",")) {
        lex_.Next();
        continue;
      }
      if (IsWord(next, "by")) {
        lex_.Next();
        return NamedList(&c->fields, true);
      }
      return Status::Ok();
    }
  }

  Status Sort(Command* c) {
    while (true) {
      Tok t = lex_.Next();
      if (t.kind != Tok::kIdent) return Fail(t, "expected a field to sort by");
      SortKey k{t.text, false};  // ascending unless desc
      if (Is(lex_.Peek(), "(")) {
        // A column named by its expression: sort bin(5m), sort count(*).
        Tok close;
        do {
          close = lex_.Next();
        } while (close.kind != Tok::kEnd && !Is(close, ")"));
        if (close.kind == Tok::kEnd) return Fail(t, "expected ')'");
        k.column = Text(t.column, close.column + 1);
      }
      if (IsWord(lex_.Peek(), "asc") || IsWord(lex_.Peek(), "desc")) {
        k.desc = IsWord(lex_.Next(), "desc");
      }
      c->sort.push_back(k);
      if (!Is(lex_.Peek(), ",")) return Status::Ok();
      lex_.Next();
    }
  }

  Status ParseExpr(ExprPtr* out) { return Or(out); }

  ExprPtr Binary(std::string op, ExprPtr l, ExprPtr r) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::kBinary;
    e->name = std::move(op);
    e->text = l->text + " " + e->name + " " + r->text;
    e->args.push_back(std::move(l));
    e->args.push_back(std::move(r));
    return e;
  }

  Status Or(ExprPtr* out) { return LeftAssoc({"or"}, &Parser::And, out); }
  Status And(ExprPtr* out) { return LeftAssoc({"and"}, &Parser::Not, out); }

  // operand (op operand)*, grouped to the left; `ops` are words or symbols.
  Status LeftAssoc(std::initializer_list<std::string_view> ops,
                   Status (Parser::*operand)(ExprPtr*), ExprPtr* out) {
    if (Status s = (this->*operand)(out); !s.ok()) return s;
    while (true) {
      const Tok t = lex_.Peek();
      const auto op = std::find_if(ops.begin(), ops.end(), [&](auto o) {
        return Is(t, o) || IsWord(t, o);
      });
      if (op == ops.end()) return Status::Ok();
      lex_.Next();
      ExprPtr r;
      if (Status s = (this->*operand)(&r); !s.ok()) return s;
      *out = Binary(std::string(*op), std::move(*out), std::move(r));
    }
  }
  Status Not(ExprPtr* out) {
    if (IsWord(lex_.Peek(), "not")) {
      lex_.Next();
      auto e = std::make_unique<Expr>();
      e->kind = Expr::kNot;
      ExprPtr inner;
      if (Status s = Not(&inner); !s.ok()) return s;
      e->text = "not " + inner->text;
      e->args.push_back(std::move(inner));
      *out = std::move(e);
      return Status::Ok();
    }
    return Compare(out);
  }
  Status Compare(ExprPtr* out) {
    if (Status s = Sum(out); !s.ok()) return s;
    const Tok op = lex_.Peek();
    bool negated = false;
    if (IsWord(op, "not")) {
      Lexer save = lex_;
      lex_.Next();
      const Tok after = lex_.Peek();
      if (!IsWord(after, "in") && !IsWord(after, "like")) {
        lex_ = save;
        return Status::Ok();
      }
      negated = true;
    }
    const Tok t = lex_.Peek();
    if (IsWord(t, "in")) {
      lex_.Next();
      auto e = std::make_unique<Expr>();
      e->kind = Expr::kIn;
      e->negated = negated;
      e->args.push_back(std::move(*out));
      if (!Is(lex_.Next(), "[")) return Fail(t, "expected '[' after in");
      while (true) {
        ExprPtr item;
        if (Status s = Primary(&item); !s.ok()) return s;
        e->args.push_back(std::move(item));
        Tok sep = lex_.Next();
        if (Is(sep, "]")) break;
        if (!Is(sep, ",")) return Fail(sep, "expected ',' or ']'");
      }
      e->text = e->args[0]->text + (negated ? " not in [...]" : " in [...]");
      *out = std::move(e);
      return Status::Ok();
    }
    if (IsWord(t, "like") || Is(t, "=~")) {
      lex_.Next();
      Tok pat = lex_.Next(/*regex_ok=*/true);
      auto e = std::make_unique<Expr>();
      e->kind = Expr::kLike;
      e->negated = negated;
      if (pat.kind == Tok::kRegex || Is(t, "=~")) {
        std::string re = pat.text;
        auto r = std::make_shared<const RE2>(re, RE2::Quiet);
        if (!r->ok())
          return Fail(pat, "invalid regular expression: " + r->error());
        e->regex = std::move(r);
      } else if (pat.kind == Tok::kString) {
        e->literal = pat.text;  // substring
      } else {
        return Fail(pat, "expected a string or /regex/ after " + t.text);
      }
      e->text = (*out)->text + " " + t.text + " " + pat.text;
      e->args.push_back(std::move(*out));
      *out = std::move(e);
      return Status::Ok();
    }
    if (negated) return Fail(t, "expected in or like after not");
    for (const char* o : {"=", "!=", "<", "<=", ">", ">="}) {
      if (Is(t, o)) {
        lex_.Next();
        ExprPtr r;
        if (Status s = Sum(&r); !s.ok()) return s;
        *out = Binary(o, std::move(*out), std::move(r));
        return Status::Ok();
      }
    }
    return Status::Ok();
  }
  // Arithmetic with the usual precedence (AWS's operator table gives none):
  // + - under * / % under ^, which groups to the right.
  Status Sum(ExprPtr* out) {
    return LeftAssoc({"+", "-"}, &Parser::Product, out);
  }
  Status Product(ExprPtr* out) {
    return LeftAssoc({"*", "/", "%"}, &Parser::Power, out);
  }
  Status Power(ExprPtr* out) {
    if (Status s = Primary(out); !s.ok()) return s;
    if (!Is(lex_.Peek(), "^")) return Status::Ok();
    lex_.Next();
    ExprPtr r;
    if (Status s = Power(&r); !s.ok()) return s;
    *out = Binary("^", std::move(*out), std::move(r));
    return Status::Ok();
  }
  Status Primary(ExprPtr* out) {
    const Tok t = lex_.Next();
    auto e = std::make_unique<Expr>();
    e->text = t.text;
    if (t.kind == Tok::kNumber) {
      double v;
      if (!ParseNumber(t.text, &v)) return Fail(t, "invalid number");
      e->kind = Expr::kLiteral;
      e->literal = v;
    } else if (t.kind == Tok::kString) {
      e->kind = Expr::kLiteral;
      e->literal = t.text;
      e->text = "\"" + t.text + "\"";
    } else if (Is(t, "(")) {
      if (Status s = ParseExpr(out); !s.ok()) return s;
      if (!Is(lex_.Next(), ")")) return Fail(t, "expected ')'");
      return Status::Ok();
    } else if (Is(t, "-")) {
      ExprPtr inner;
      if (Status s = Primary(&inner); !s.ok()) return s;
      e->kind = Expr::kNeg;
      e->text = "-" + inner->text;
      e->args.push_back(std::move(inner));
    } else if (t.kind == Tok::kIdent && Is(lex_.Peek(), "(")) {
      static const char* const kFns[] = {
          "isipinsubnet", "isipv4insubnet", "isipv6insubnet", "ispresent",
          "tolower",      "toupper",        "strlen",         "abs"};
      std::string fn = t.text;
      std::transform(fn.begin(), fn.end(), fn.begin(), ::tolower);
      if (std::none_of(std::begin(kFns), std::end(kFns),
                       [&](const char* f) { return fn == f; })) {
        return Fail(t, fmt::format("unsupported function '{}'", t.text));
      }
      lex_.Next();
      e->kind = Expr::kCall;
      e->name = fn;
      while (!Is(lex_.Peek(), ")")) {
        ExprPtr arg;
        if (Status s = ParseExpr(&arg); !s.ok()) return s;
        e->args.push_back(std::move(arg));
        if (Is(lex_.Peek(), ","))
          lex_.Next();
        else if (!Is(lex_.Peek(), ")"))
          return Fail(lex_.Peek(), "expected ',' or ')'");
      }
      const Tok close = lex_.Next();
      e->text = Text(t.column, close.column + 1);
    } else if (t.kind == Tok::kIdent) {
      e->kind = Expr::kField;
      e->name = t.text;
    } else if (t.kind == Tok::kEnd) {
      return Fail(t, "unexpected end of query");
    } else {
      return Fail(t, fmt::format("unexpected '{}'", t.text));
    }
    *out = std::move(e);
    return Status::Ok();
  }

  std::string_view text_;
  Lexer lex_;
};

}  // namespace

Status ParseQuery(std::string_view text, QueryPlan* plan) {
  return Parser(text).Parse(plan);
}

}  // namespace flowmon::insights
