#include "flowmon/insights/query.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "flowmon/athena/athena.h"
#include "flowmon/core/number.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/time_util.h"

namespace flowmon {

std::string InsightsTime(int64_t ms) {
  const UtcTime u = ToUtc(ms);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:03}", u.year,
                     u.month, u.day, u.hour, u.minute, u.second, u.millisecond);
}

namespace {

bool IsArithmetic(std::string_view op) {
  return op == "+" || op == "-" || op == "*" || op == "/" || op == "%" ||
         op == "^";
}

// ---------------------------------------------------------------- lexing

struct Tok {
  enum Kind { kEnd, kIdent, kNumber, kString, kRegex, kOp } kind = kEnd;
  std::string text;
  size_t column = 0;  // 1-based
};

bool IdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '@';
}
bool IdentChar(char c) {
  return IdentStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}
  // `regex_ok`: a '/' starts a /regex/ (after like and =~).
  Tok Next(bool regex_ok = false) {
    while (pos_ < s_.size() &&
           std::isspace(static_cast<unsigned char>(s_[pos_])))
      ++pos_;
    Tok t;
    t.column = pos_ + 1;
    if (pos_ == s_.size()) return t;
    const char c = s_[pos_];
    if (c == '"' || c == '\'') {
      t.kind = Tok::kString;
      ++pos_;
      while (pos_ < s_.size() && s_[pos_] != c) {
        if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) ++pos_;
        t.text += s_[pos_++];
      }
      if (pos_ == s_.size()) {
        t.kind = Tok::kOp;
        t.text = "unterminated string";
        error_ = true;
        return t;
      }
      ++pos_;
      return t;
    }
    if (c == '/' && regex_ok) {
      t.kind = Tok::kRegex;
      ++pos_;
      while (pos_ < s_.size() && s_[pos_] != '/') {
        if (s_[pos_] == '\\' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/')
          ++pos_;
        t.text += s_[pos_++];
      }
      if (pos_ < s_.size()) ++pos_;
      return t;
    }
    if (c == '`') {
      t.kind = Tok::kIdent;
      const size_t end = s_.find('`', pos_ + 1);
      t.text = std::string(s_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end == std::string_view::npos ? s_.size() : end + 1;
      return t;
    }
    if ((c >= '0' && c <= '9') ||
        (c == '.' && pos_ + 1 < s_.size() &&
         std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])))) {
      t.kind = Tok::kNumber;
      const size_t start = pos_;
      while (pos_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
              s_[pos_] == '.'))
        ++pos_;
      t.text = std::string(s_.substr(start, pos_ - start));
      return t;
    }
    if (IdentStart(c)) {
      t.kind = Tok::kIdent;
      const size_t start = pos_;
      while (pos_ < s_.size() && IdentChar(s_[pos_])) ++pos_;
      t.text = std::string(s_.substr(start, pos_ - start));
      return t;
    }
    t.kind = Tok::kOp;
    for (const char* op : {"!=", "<=", ">=", "=~", "=", "<", ">", "|", ",", "(",
                           ")", "[", "]", "+", "-", "*", "/", "%", "^"}) {
      if (s_.substr(pos_).starts_with(op)) {
        t.text = op;
        pos_ += std::strlen(op);
        return t;
      }
    }
    t.text = std::string(1, c);
    ++pos_;
    return t;
  }
  Tok Peek(bool regex_ok = false) {
    Lexer copy = *this;
    return copy.Next(regex_ok);
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  bool error_ = false;
};

// ---------------------------------------------------------------- AST

struct Expr {
  enum Kind {
    kLiteral,
    kField,
    kNot,
    kNeg,
    kBinary,
    kIn,
    kLike,
    kRegexMatch,
    kCall
  } kind;
  QueryValue literal;
  std::string name;  // field, operator or function
  std::vector<std::unique_ptr<Expr>> args;
  std::shared_ptr<const RE2> regex;
  bool negated = false;
  std::string text;  // as written, for column names
};
using ExprPtr = std::unique_ptr<Expr>;

struct Aggregate {
  std::string fn;  // count, count_distinct, sum, avg, min, max, pct
  ExprPtr arg;     // null for count(*)
  double percentile = 0;
  std::string name;
};

struct Named {
  ExprPtr expr;
  std::string name;
  int64_t bin_ms = 0;  // bin(5m)
};

struct SortKey {
  std::string column;
  bool desc = true;
};

struct Command {
  enum Kind { kFields, kFilter, kStats, kSort, kLimit, kDedup, kDisplay } kind;
  std::vector<Named> fields;  // fields / stats by
  ExprPtr filter;
  std::vector<Aggregate> aggregates;
  std::vector<SortKey> sort;
  size_t limit = 0;
  std::vector<std::string> names;  // dedup, display
};

}  // namespace

class QueryPlan {
 public:
  std::vector<Command> commands;
  size_t stats_at = SIZE_MAX;  // index of the stats command
};

namespace {

// Insights' names of the flow-log fields.
std::string_view FlowFieldFor(std::string_view insights) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"version", "version"},
      {"accountId", "account-id"},
      {"interfaceId", "interface-id"},
      {"srcAddr", "srcaddr"},
      {"dstAddr", "dstaddr"},
      {"srcPort", "srcport"},
      {"dstPort", "dstport"},
      {"protocol", "protocol"},
      {"packets", "packets"},
      {"bytes", "bytes"},
      {"start", "start"},
      {"end", "end"},
      {"action", "action"},
      {"logStatus", "log-status"},
      {"vpcId", "vpc-id"},
      {"subnetId", "subnet-id"},
      {"instanceId", "instance-id"},
      {"tcpFlags", "tcp-flags"},
      {"type", "type"},
      {"pktSrcAddr", "pkt-srcaddr"},
      {"pktDstAddr", "pkt-dstaddr"},
      {"region", "region"},
      {"azId", "az-id"},
      {"flowDirection", "flow-direction"},
      {"trafficPath", "traffic-path"},
      {"rejectReason", "reject-reason"}};
  for (const auto& [i, f] : kNames) {
    if (i == insights) return f;
  }
  return FindFlowField(insights) != nullptr ? insights : std::string_view();
}

Status Fail(const Tok& t, std::string message) {
  return Status::InvalidArgument(
      fmt::format("query:1:{}: {}", t.column, message));
}

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

  static Status BinWidth(const Tok& t, int64_t* ms) {
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
          "isipv4insubnet", "isipinsubnet", "ispresent", "tolower",
          "toupper",        "strlen",       "abs"};
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

// ---------------------------------------------------------------- evaluation

bool AsNumber(const QueryValue& v, double* out) {
  if (const double* d = std::get_if<double>(&v)) {
    *out = *d;
    return true;
  }
  if (const std::string* s = std::get_if<std::string>(&v))
    return ParseNumber(*s, out);
  return false;
}

std::string AsString(const QueryValue& v) {
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  if (const double* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return "";
}

bool Truthy(const QueryValue& v) {
  if (const double* d = std::get_if<double>(&v)) return *d != 0;
  if (const std::string* s = std::get_if<std::string>(&v)) return !s->empty();
  return false;
}

// Insights' natural order for non-number strings: runs of digits compare by
// length, then value; other runs by their bytes.
int NaturalCompare(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = std::isdigit(static_cast<unsigned char>(a[i]));
    const bool db = std::isdigit(static_cast<unsigned char>(b[j]));
    size_t ie = i, je = j;
    while (ie < a.size() && static_cast<bool>(std::isdigit(
                                static_cast<unsigned char>(a[ie]))) == da)
      ++ie;
    while (je < b.size() && static_cast<bool>(std::isdigit(
                                static_cast<unsigned char>(b[je]))) == db)
      ++je;
    const std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
    if (da && db && x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    if (x != y) {
      const int c = x.compare(y);
      return c < 0 ? -1 : 1;
    }
    i = ie;
    j = je;
  }
  if (i == a.size() && j == b.size()) return 0;
  return i == a.size() ? -1 : 1;
}

// -1, 0, 1 in Insights' ascending order: non-number values before number
// values; nulls after everything.
int CompareValues(const QueryValue& a, const QueryValue& b) {
  const bool an = std::holds_alternative<std::monostate>(a);
  const bool bn = std::holds_alternative<std::monostate>(b);
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  double x, y;
  const bool xa = AsNumber(a, &x), yb = AsNumber(b, &y);
  if (xa && yb) return x < y ? -1 : x > y ? 1 : 0;
  if (xa != yb) return xa ? 1 : -1;
  return NaturalCompare(AsString(a), AsString(b));
}

bool InSubnet(const std::string& addr, const std::string& cidr, bool v4_only) {
  const size_t slash = cidr.find('/');
  const std::string net = cidr.substr(0, slash);
  const int bits =
      slash == std::string::npos ? -1 : std::atoi(cidr.c_str() + slash + 1);
  unsigned char a[16], n[16];
  size_t len = 4;
  if (inet_pton(AF_INET, addr.c_str(), a) == 1 &&
      inet_pton(AF_INET, net.c_str(), n) == 1) {
    len = 4;
  } else if (!v4_only && inet_pton(AF_INET6, addr.c_str(), a) == 1 &&
             inet_pton(AF_INET6, net.c_str(), n) == 1) {
    len = 16;
  } else {
    return false;
  }
  const int total = bits < 0 ? static_cast<int>(len * 8) : bits;
  for (size_t i = 0; i < len; ++i) {
    const int keep = std::clamp(total - static_cast<int>(i * 8), 0, 8);
    const unsigned char mask = static_cast<unsigned char>(0xff << (8 - keep));
    if ((a[i] & mask) != (n[i] & mask)) return false;
  }
  return true;
}

using Lookup = std::function<QueryValue(const std::string&)>;

QueryValue Eval(const Expr& e, const Lookup& field) {
  switch (e.kind) {
    case Expr::kLiteral:
      return e.literal;
    case Expr::kField:
      return field(e.name);
    case Expr::kNot:
      return Truthy(Eval(*e.args[0], field)) ? 0.0 : 1.0;
    case Expr::kNeg: {
      double v;
      return AsNumber(Eval(*e.args[0], field), &v) ? QueryValue(-v)
                                                   : QueryValue();
    }
    case Expr::kIn: {
      const QueryValue v = Eval(*e.args[0], field);
      bool found = false;
      for (size_t i = 1; i < e.args.size() && !found; ++i) {
        found = !std::holds_alternative<std::monostate>(v) &&
                CompareValues(v, Eval(*e.args[i], field)) == 0;
      }
      return found != e.negated ? 1.0 : 0.0;
    }
    case Expr::kLike: {
      const QueryValue v = Eval(*e.args[0], field);
      if (std::holds_alternative<std::monostate>(v)) return 0.0;
      const std::string s = AsString(v);
      const bool m = e.regex ? RE2::PartialMatch(s, *e.regex)
                             : s.find(std::get<std::string>(e.literal)) !=
                                   std::string::npos;
      return m != e.negated ? 1.0 : 0.0;
    }
    case Expr::kRegexMatch:
      return 0.0;
    case Expr::kCall: {
      std::vector<QueryValue> a;
      for (const auto& arg : e.args) a.push_back(Eval(*arg, field));
      if (e.name == "isipv4insubnet" || e.name == "isipinsubnet") {
        if (a.size() != 2) return 0.0;
        return InSubnet(AsString(a[0]), AsString(a[1]),
                        e.name == "isipv4insubnet")
                   ? 1.0
                   : 0.0;
      }
      if (e.name == "ispresent") {
        return !a.empty() && !std::holds_alternative<std::monostate>(a[0])
                   ? 1.0
                   : 0.0;
      }
      if (a.empty() || std::holds_alternative<std::monostate>(a[0])) return {};
      std::string s = AsString(a[0]);
      if (e.name == "tolower" || e.name == "toupper") {
        std::transform(s.begin(), s.end(), s.begin(),
                       e.name == "tolower" ? ::tolower : ::toupper);
        return s;
      }
      if (e.name == "strlen") return static_cast<double>(s.size());
      double v;
      return AsNumber(a[0], &v) ? QueryValue(std::fabs(v)) : QueryValue();
    }
    case Expr::kBinary: {
      if (e.name == "and") {
        return Truthy(Eval(*e.args[0], field)) &&
                       Truthy(Eval(*e.args[1], field))
                   ? 1.0
                   : 0.0;
      }
      if (e.name == "or") {
        return Truthy(Eval(*e.args[0], field)) ||
                       Truthy(Eval(*e.args[1], field))
                   ? 1.0
                   : 0.0;
      }
      const QueryValue l = Eval(*e.args[0], field), r = Eval(*e.args[1], field);
      if (IsArithmetic(e.name)) {
        double x, y;
        if (!AsNumber(l, &x) || !AsNumber(r, &y)) return {};
        if (e.name == "+") return x + y;
        if (e.name == "-") return x - y;
        if (e.name == "*") return x * y;
        if (e.name == "^") return std::pow(x, y);
        if (y == 0) return {};
        return e.name == "/" ? x / y : std::fmod(x, y);
      }
      if (std::holds_alternative<std::monostate>(l) ||
          std::holds_alternative<std::monostate>(r)) {
        return 0.0;
      }
      const int c = CompareValues(l, r);
      const bool b = e.name == "="    ? c == 0
                     : e.name == "!=" ? c != 0
                     : e.name == "<"  ? c < 0
                     : e.name == "<=" ? c <= 0
                     : e.name == ">"  ? c > 0
                                      : c >= 0;
      return b ? 1.0 : 0.0;
    }
  }
  return {};
}

struct AggState {
  double count = 0, sum = 0, min = 0, max = 0;
  std::set<std::string> distinct;
  std::vector<double> values;
};

}  // namespace

struct QuerySink::State {
  // Rows before stats (no stats: the result rows), with their column names.
  std::vector<std::string> columns;
  std::vector<std::vector<QueryValue>> rows;
  std::vector<bool> time_columns;
  // stats: group key -> (key values, aggregate states), in first-seen order.
  std::map<std::string,
           std::pair<std::vector<QueryValue>, std::vector<AggState>>>
      groups;
};

Result<std::unique_ptr<QuerySink>> QuerySink::Create(std::string_view text) {
  auto plan = std::make_shared<QueryPlan>();
  Parser parser(text);
  if (Status s = parser.Parse(plan.get()); !s.ok()) return s;
  std::unique_ptr<QuerySink> sink(new QuerySink());
  sink->plan_ = std::move(plan);
  sink->state_ = std::make_unique<State>();
  return sink;
}

QuerySink::~QuerySink() = default;

std::unique_ptr<RecordSink> QuerySink::NewWorker() const {
  std::unique_ptr<QuerySink> w(new QuerySink());
  w->plan_ = plan_;
  w->state_ = std::make_unique<State>();
  return w;
}

bool QuerySink::OnRecord(const Record& rec, const RecordContext& ctx) {
  const Schema* schema = ctx.schema;
  std::map<std::string, QueryValue> computed;
  int64_t ts = rec.timestamp_ms;
  if (ts < 0 && schema != nullptr && schema->start_index() >= 0) {
    double start;
    if (ParseNumber(rec.fields[static_cast<size_t>(schema->start_index())],
                    &start)) {
      ts = static_cast<int64_t>(start) * 1000;
    }
  }
  const Lookup lookup = [&](const std::string& name) -> QueryValue {
    if (auto it = computed.find(name); it != computed.end()) return it->second;
    if (name == "@timestamp")
      return ts >= 0 ? QueryValue(static_cast<double>(ts)) : QueryValue();
    if (name == "@message") return std::string(rec.line);
    if (schema == nullptr || schema->raw()) return {};
    const std::string_view flow = FlowFieldFor(name);
    if (flow.empty()) return {};
    const int i = schema->IndexOf(flow);
    if (i < 0) return {};
    const std::string_view v = rec.fields[static_cast<size_t>(i)];
    double d;
    if (schema->column(static_cast<size_t>(i)).type == FieldType::kInt) {
      if (ParseNumber(v, &d)) return d;
      if (v == "-") return {};
    }
    return std::string(v);
  };
  const QueryPlan& plan = *plan_;
  State& st = *state_;
  const size_t end = std::min(plan.stats_at, plan.commands.size());
  std::vector<std::string> out_columns = {"@timestamp", "@message"};
  for (size_t i = 0; i < end; ++i) {
    const Command& c = plan.commands[i];
    if (c.kind == Command::kFilter) {
      if (!Truthy(Eval(*c.filter, lookup))) return true;
    } else if (c.kind == Command::kFields) {
      if (i == 0 || out_columns.size() == 2) out_columns.clear();
      for (const Named& n : c.fields) {
        computed[n.name] = Eval(*n.expr, lookup);
        if (std::find(out_columns.begin(), out_columns.end(), n.name) ==
            out_columns.end()) {
          out_columns.push_back(n.name);
        }
      }
    } else {
      break;  // sort, limit, dedup, display apply to results
    }
  }
  if (plan.stats_at == SIZE_MAX) {
    if (st.columns.empty()) {
      st.columns = out_columns;
      for (const std::string& c : out_columns)
        st.time_columns.push_back(c == "@timestamp");
    }
    std::vector<QueryValue> row;
    for (const std::string& c : st.columns) row.push_back(lookup(c));
    st.rows.push_back(std::move(row));
    return true;
  }
  const Command& stats = plan.commands[plan.stats_at];
  std::vector<QueryValue> key;
  std::string key_text;
  for (const Named& n : stats.fields) {
    QueryValue v;
    if (n.bin_ms > 0) {
      if (ts >= 0)
        v = static_cast<double>(ts - ((ts % n.bin_ms) + n.bin_ms) % n.bin_ms);
    } else {
      v = Eval(*n.expr, lookup);
    }
    key_text += AsString(v);
    key_text.push_back('\x1f');
    key.push_back(std::move(v));
  }
  auto [it, inserted] = st.groups.try_emplace(key_text);
  if (inserted) {
    it->second.first = std::move(key);
    it->second.second.resize(stats.aggregates.size());
  }
  for (size_t i = 0; i < stats.aggregates.size(); ++i) {
    const Aggregate& a = stats.aggregates[i];
    AggState& s = it->second.second[i];
    if (!a.arg) {
      ++s.count;
      continue;
    }
    const QueryValue v = Eval(*a.arg, lookup);
    if (std::holds_alternative<std::monostate>(v)) continue;
    if (a.fn == "count") {
      ++s.count;
    } else if (a.fn == "count_distinct") {
      s.distinct.insert(AsString(v));
    } else {
      double d;
      if (!AsNumber(v, &d)) continue;
      s.min = s.count == 0 ? d : std::min(s.min, d);
      s.max = s.count == 0 ? d : std::max(s.max, d);
      ++s.count;
      s.sum += d;
      if (a.fn == "pct") s.values.push_back(d);
    }
  }
  return true;
}

void QuerySink::Absorb(RecordSink& worker_sink) {
  auto& w = static_cast<QuerySink&>(worker_sink);
  State& st = *state_;
  if (st.columns.empty()) {
    st.columns = w.state_->columns;
    st.time_columns = w.state_->time_columns;
  }
  for (auto& row : w.state_->rows) st.rows.push_back(std::move(row));
  for (auto& [k, group] : w.state_->groups) {
    auto [it, inserted] = st.groups.try_emplace(k);
    if (inserted) {
      it->second = std::move(group);
      continue;
    }
    for (size_t i = 0; i < group.second.size(); ++i) {
      AggState& a = it->second.second[i];
      const AggState& b = group.second[i];
      if (b.count > 0) {
        a.min = a.count == 0 ? b.min : std::min(a.min, b.min);
        a.max = a.count == 0 ? b.max : std::max(a.max, b.max);
      }
      a.count += b.count;
      a.sum += b.sum;
      a.distinct.insert(b.distinct.begin(), b.distinct.end());
      a.values.insert(a.values.end(), b.values.begin(), b.values.end());
    }
  }
  w.state_ = std::make_unique<State>();
}

QueryResult QuerySink::Output() const {
  const QueryPlan& plan = *plan_;
  const State& st = *state_;
  QueryResult r;
  size_t after;
  if (plan.stats_at == SIZE_MAX) {
    r.columns = st.columns.empty()
                    ? std::vector<std::string>{"@timestamp", "@message"}
                    : st.columns;
    r.time_columns = st.time_columns.empty() ? std::vector<bool>{true, false}
                                             : st.time_columns;
    r.rows = st.rows;
    after = 0;
    // Insights shows the newest events first unless the query sorts.
    const bool sorts =
        std::any_of(plan.commands.begin(), plan.commands.end(),
                    [](const Command& c) { return c.kind == Command::kSort; });
    auto ts = std::find(r.columns.begin(), r.columns.end(), "@timestamp");
    if (!sorts && ts != r.columns.end()) {
      const size_t i = static_cast<size_t>(ts - r.columns.begin());
      std::stable_sort(r.rows.begin(), r.rows.end(),
                       [i](const auto& a, const auto& b) {
                         return CompareValues(b[i], a[i]) < 0;
                       });
    }
    for (size_t i = 0; i < plan.commands.size(); ++i) {
      if (plan.commands[i].kind != Command::kFilter &&
          plan.commands[i].kind != Command::kFields) {
        after = i;
        break;
      }
      after = plan.commands.size();
    }
  } else {
    const Command& stats = plan.commands[plan.stats_at];
    for (const Named& n : stats.fields) {
      r.columns.push_back(n.name);
      r.time_columns.push_back(n.bin_ms > 0);
    }
    for (const Aggregate& a : stats.aggregates) {
      r.columns.push_back(a.name);
      r.time_columns.push_back(false);
    }
    for (const auto& [k, group] : st.groups) {
      std::vector<QueryValue> row = group.first;
      for (size_t i = 0; i < stats.aggregates.size(); ++i) {
        const Aggregate& a = stats.aggregates[i];
        const AggState& s = group.second[i];
        QueryValue v;
        if (a.fn == "count") {
          v = s.count;
        } else if (a.fn == "count_distinct") {
          v = static_cast<double>(s.distinct.size());
        } else if (s.count > 0) {
          if (a.fn == "sum") v = s.sum;
          if (a.fn == "avg") v = s.sum / s.count;
          if (a.fn == "min") v = s.min;
          if (a.fn == "max") v = s.max;
          if (a.fn == "pct") {
            std::vector<double> sorted = s.values;
            std::sort(sorted.begin(), sorted.end());
            const double rank = std::ceil(a.percentile / 100.0 *
                                          static_cast<double>(sorted.size()));
            v = sorted[rank < 1 ? 0
                                : std::min(sorted.size() - 1,
                                           static_cast<size_t>(rank) - 1)];
          }
        }
        row.push_back(std::move(v));
      }
      r.rows.push_back(std::move(row));
    }
    after = plan.stats_at + 1;
  }
  for (size_t i = after; i < plan.commands.size(); ++i) {
    const Command& c = plan.commands[i];
    auto column = [&](const std::string& name) -> int {
      auto it = std::find(r.columns.begin(), r.columns.end(), name);
      return it == r.columns.end() ? -1
                                   : static_cast<int>(it - r.columns.begin());
    };
    auto row_lookup = [&](const std::vector<QueryValue>& row) {
      return Lookup([&, rowp = &row](const std::string& name) -> QueryValue {
        const int i2 = column(name);
        return i2 < 0 ? QueryValue() : (*rowp)[static_cast<size_t>(i2)];
      });
    };
    if (c.kind == Command::kSort) {
      std::stable_sort(
          r.rows.begin(), r.rows.end(), [&](const auto& a, const auto& b) {
            for (const SortKey& k : c.sort) {
              const int i2 = column(k.column);
              if (i2 < 0) continue;
              const QueryValue& x = a[static_cast<size_t>(i2)];
              const QueryValue& y = b[static_cast<size_t>(i2)];
              const bool xn = std::holds_alternative<std::monostate>(x);
              const bool yn = std::holds_alternative<std::monostate>(y);
              if (xn != yn) return yn;  // nulls last, either direction
              const int cmp = CompareValues(x, y);
              if (cmp != 0) return k.desc ? cmp > 0 : cmp < 0;
            }
            return false;
          });
    } else if (c.kind == Command::kLimit) {
      if (r.rows.size() > c.limit) r.rows.resize(c.limit);
    } else if (c.kind == Command::kFilter) {
      std::vector<std::vector<QueryValue>> kept;
      for (auto& row : r.rows) {
        if (Truthy(Eval(*c.filter, row_lookup(row))))
          kept.push_back(std::move(row));
      }
      r.rows = std::move(kept);
    } else if (c.kind == Command::kDedup) {
      std::set<std::string> seen;
      std::vector<std::vector<QueryValue>> kept;
      for (auto& row : r.rows) {
        std::string key;
        for (const std::string& n : c.names) {
          const int i2 = column(n);
          key +=
              (i2 < 0 ? "" : AsString(row[static_cast<size_t>(i2)])) + '\x1f';
        }
        if (seen.insert(key).second) kept.push_back(std::move(row));
      }
      r.rows = std::move(kept);
    } else if (c.kind == Command::kDisplay || c.kind == Command::kFields) {
      std::vector<int> idx;
      std::vector<std::string> names;
      std::vector<bool> times;
      for (const std::string& n :
           c.kind == Command::kDisplay ? c.names : std::vector<std::string>{}) {
        idx.push_back(column(n));
        names.push_back(n);
        times.push_back(column(n) >= 0 &&
                        r.time_columns[static_cast<size_t>(column(n))]);
      }
      if (c.kind == Command::kFields) continue;
      for (auto& row : r.rows) {
        std::vector<QueryValue> out;
        for (int i2 : idx)
          out.push_back(i2 < 0 ? QueryValue() : row[static_cast<size_t>(i2)]);
        row = std::move(out);
      }
      r.columns = std::move(names);
      r.time_columns = std::move(times);
    }
  }
  return r;
}

}  // namespace flowmon

// ---------------------------------------------------------------- Athena

namespace flowmon {
namespace {

class SqlWriter {
 public:
  explicit SqlWriter(const AthenaTable& t) : t_(t) {}

  // The column for an Insights field name, with its flow-log field.
  Status Column(const std::string& name, std::string* sql,
                const FlowField** field) {
    *field = nullptr;
    if (name == "@timestamp") {
      *sql = "from_unixtime(\"start\")";
      return Status::Ok();
    }
    if (name == "@message") {
      std::string line = "concat_ws(' '";
      for (size_t i = 0; i < t_.schema.size(); ++i) {
        const FlowField& f = t_.schema.column(i);
        const std::string col = "\"" + AthenaColumn(f.name) + "\"";
        line += f.type == FieldType::kInt
                    ? ", coalesce(CAST(" + col + " AS varchar), '-')"
                    : ", coalesce(" + col + ", '-')";
      }
      *sql = line + ")";
      return Status::Ok();
    }
    const std::string_view flow = FlowFieldFor(name);
    if (flow.empty() || t_.schema.IndexOf(flow) < 0) {
      if (aliases_.count(name)) {
        *sql = "\"" + name + "\"";
        return Status::Ok();
      }
      return Status::InvalidArgument(
          fmt::format("the table has no field '{}'", name));
    }
    *field = FindFlowField(flow);
    *sql = "\"" + AthenaColumn(flow) + "\"";
    return Status::Ok();
  }

  Status Expr(const flowmon::Expr& e, std::string* out) {
    switch (e.kind) {
      case flowmon::Expr::kLiteral:
        if (const double* d = std::get_if<double>(&e.literal)) {
          *out = fmt::format("{}", *d);
        } else {
          *out = QuoteSql(std::get<std::string>(e.literal));
        }
        return Status::Ok();
      case flowmon::Expr::kField: {
        const FlowField* f;
        return Column(e.name, out, &f);
      }
      case flowmon::Expr::kNot:
      case flowmon::Expr::kNeg: {
        std::string inner;
        if (Status s = Expr(*e.args[0], &inner); !s.ok()) return s;
        *out = (e.kind == flowmon::Expr::kNot ? "NOT (" : "-(") + inner + ")";
        return Status::Ok();
      }
      case flowmon::Expr::kIn: {
        std::string l;
        if (Status s = Expr(*e.args[0], &l); !s.ok()) return s;
        std::string items;
        for (size_t i = 1; i < e.args.size(); ++i) {
          std::string item;
          if (Status s = Expr(*e.args[i], &item); !s.ok()) return s;
          items += (i > 1 ? ", " : "") + item;
        }
        *out = fmt::format(
            "{} {}IN ({})",
            Cast(*e.args[0], l, e.args.size() > 1 ? e.args[1].get() : nullptr),
            e.negated ? "NOT " : "", items);
        return Status::Ok();
      }
      case flowmon::Expr::kLike: {
        std::string l;
        if (Status s = Expr(*e.args[0], &l); !s.ok()) return s;
        l = VarcharOf(*e.args[0], l);
        *out = e.regex ? fmt::format("{}regexp_like({}, {})",
                                     e.negated ? "NOT " : "", l,
                                     QuoteSql(e.regex->pattern()))
                       : fmt::format("strpos({}, {}) {} 0", l,
                                     QuoteSql(std::get<std::string>(e.literal)),
                                     e.negated ? "=" : ">");
        return Status::Ok();
      }
      case flowmon::Expr::kRegexMatch:
        return Status::InvalidArgument("unsupported expression");
      case flowmon::Expr::kCall: {
        std::vector<std::string> a;
        for (const auto& arg : e.args) {
          std::string x;
          if (Status s = Expr(*arg, &x); !s.ok()) return s;
          a.push_back(std::move(x));
        }
        if ((e.name == "isipv4insubnet" || e.name == "isipinsubnet") &&
            a.size() == 2) {
          *out = fmt::format(
              "coalesce(contains({}, try_cast({} AS ipaddress)), false)", a[1],
              a[0]);
        } else if (e.name == "ispresent" && a.size() == 1) {
          *out = a[0] + " IS NOT NULL";
        } else if ((e.name == "tolower" || e.name == "toupper") &&
                   a.size() == 1) {
          *out = fmt::format("{}({})", e.name == "tolower" ? "lower" : "upper",
                             a[0]);
        } else if (e.name == "strlen" && a.size() == 1) {
          *out = "length(" + VarcharOf(*e.args[0], a[0]) + ")";
        } else if (e.name == "abs" && a.size() == 1) {
          *out = "abs(" + a[0] + ")";
        } else {
          return Status::InvalidArgument(
              fmt::format("cannot translate {}", e.text));
        }
        return Status::Ok();
      }
      case flowmon::Expr::kBinary: {
        std::string l, r;
        if (Status s = Expr(*e.args[0], &l); !s.ok()) return s;
        if (Status s = Expr(*e.args[1], &r); !s.ok()) return s;
        if (e.name == "and" || e.name == "or") {
          *out =
              fmt::format("({} {} {})", l, e.name == "and" ? "AND" : "OR", r);
          return Status::Ok();
        }
        if (e.name == "^") {
          *out = fmt::format("power({}, {})", l, r);
          return Status::Ok();
        }
        if (IsArithmetic(e.name)) {  // parenthesised: the tree is the order
          *out = fmt::format("({} {} {})", l, e.name, r);
          return Status::Ok();
        }
        l = Cast(*e.args[0], l, e.args[1].get());
        r = Cast(*e.args[1], r, e.args[0].get());
        *out = fmt::format("{} {} {}", l, e.name == "!=" ? "<>" : e.name, r);
        return Status::Ok();
      }
    }
    return Status::InvalidArgument("unsupported expression");
  }

  void Alias(const std::string& name) { aliases_.insert(name); }

 private:
  static std::string QuoteSql(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
      if (c == '\'') out += '\'';
      out += c;
    }
    return out + "'";
  }
  const FlowField* FieldOf(const flowmon::Expr& e) {
    if (e.kind != flowmon::Expr::kField) return nullptr;
    const std::string_view flow = FlowFieldFor(e.name);
    return flow.empty() ? nullptr : FindFlowField(flow);
  }
  std::string VarcharOf(const flowmon::Expr& e, const std::string& sql) {
    const FlowField* f = FieldOf(e);
    return f != nullptr && f->type == FieldType::kInt
               ? "CAST(" + sql + " AS varchar)"
               : sql;
  }
  // An int column against a string literal compares as text; a string
  // column against a number, as a number (Insights converts; Trino would not).
  std::string Cast(const flowmon::Expr& side, const std::string& sql,
                   const flowmon::Expr* other) {
    const FlowField* f = FieldOf(side);
    if (f == nullptr || other == nullptr ||
        other->kind != flowmon::Expr::kLiteral)
      return sql;
    const bool other_string =
        std::holds_alternative<std::string>(other->literal);
    if (f->type == FieldType::kInt && other_string)
      return "CAST(" + sql + " AS varchar)";
    if (f->type == FieldType::kString && !other_string)
      return "try_cast(" + sql + " AS double)";
    return sql;
  }

  const AthenaTable& t_;
  std::set<std::string> aliases_;
};

std::string Q(const std::string& name) { return "\"" + name + "\""; }

}  // namespace

Result<std::string> AthenaQuerySql(const AthenaTable& t, std::string_view text,
                                   const AthenaTimeRange& r) {
  QueryPlan plan;
  Parser parser(text);
  if (Status s = parser.Parse(&plan); !s.ok()) return s;
  SqlWriter w(t);
  std::vector<std::string> where = AthenaTimeConditions(t, r);
  std::vector<std::string> select;
  std::string group, order, limit;
  bool stats = false;
  for (const Command& c : plan.commands) {
    switch (c.kind) {
      case Command::kFilter: {
        if (stats)
          return Status::InvalidArgument(
              "a filter after stats has no translation");
        std::string e;
        if (Status s = w.Expr(*c.filter, &e); !s.ok()) return s;
        where.insert(where.begin(), e);
        break;
      }
      case Command::kFields:
        for (const Named& n : c.fields) {
          std::string e;
          if (Status s = w.Expr(*n.expr, &e); !s.ok()) return s;
          select.push_back(e + " AS " + Q(n.name));
          w.Alias(n.name);
        }
        break;
      case Command::kStats: {
        stats = true;
        select.clear();
        size_t k = 0;
        for (const Named& n : c.fields) {
          std::string e;
          if (n.bin_ms > 0) {
            const int64_t sec = std::max<int64_t>(1, n.bin_ms / 1000);
            e = fmt::format("from_unixtime(\"start\" - \"start\" % {})", sec);
          } else if (Status s = w.Expr(*n.expr, &e); !s.ok()) {
            return s;
          }
          select.push_back(e + " AS " + Q(n.name));
          ++k;
          group += (k > 1 ? ", " : "") + std::to_string(k);
        }
        for (const Aggregate& a : c.aggregates) {
          std::string arg = "*";
          if (a.arg) {
            if (Status s = w.Expr(*a.arg, &arg); !s.ok()) return s;
          }
          std::string e;
          if (a.fn == "count")
            e = "count(" + arg + ")";
          else if (a.fn == "count_distinct")
            e = "count(DISTINCT " + arg + ")";
          else if (a.fn == "pct")
            e = fmt::format("approx_percentile({}, {})", arg,
                            a.percentile / 100);
          else
            e = a.fn + "(" + arg + ")";
          select.push_back(e + " AS " + Q(a.name));
          w.Alias(a.name);
        }
        break;
      }
      case Command::kSort:
        for (const SortKey& k : c.sort) {
          std::string col = Q(k.column);
          if (!stats) {
            const FlowField* f;
            std::string sql;
            if (w.Column(k.column, &sql, &f).ok()) col = sql;
          }
          order +=
              (order.empty() ? "" : ", ") + col + (k.desc ? " DESC" : " ASC");
        }
        break;
      case Command::kLimit:
        limit = std::to_string(c.limit);
        break;
      case Command::kDedup:
      case Command::kDisplay:
        return Status::InvalidArgument(
            "dedup and display have no Athena translation");
    }
  }
  if (select.empty())
    select = {"from_unixtime(\"start\") AS \"@timestamp\"", "*"};
  if (!stats && order.empty())
    order = "\"start\" DESC";  // newest first, as Insights
  std::string sql = "SELECT ";
  for (size_t i = 0; i < select.size(); ++i)
    sql += (i ? ",\n  " : "") + select[i];
  sql += fmt::format("\nFROM \"{}\".\"{}\"", t.database, t.table);
  for (size_t i = 0; i < where.size(); ++i)
    sql += (i ? "\n  AND " : "\nWHERE ") + where[i];
  if (!group.empty()) sql += "\nGROUP BY " + group;
  if (!order.empty()) sql += "\nORDER BY " + order;
  if (!limit.empty()) sql += "\nLIMIT " + limit;
  return sql + ";\n";
}

}  // namespace flowmon
