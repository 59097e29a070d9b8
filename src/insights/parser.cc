// The Logs Insights parser: one recursive-descent grammar for every command,
// expression and function of flowmon's query language. Over 600 lines
// because the grammar is one unit (each rule calls the others); the lexer,
// AST, evaluator and result stages live in their own files.
#include "insights/parser.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <initializer_list>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include "flowmon/core/caret.h"
#include "flowmon/core/number.h"
#include "insights/event_commands.h"
#include "insights/lexer.h"
#include "insights/plan_layout.h"

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

// Insights' fields of a log group that local records do not have.
bool IsLogGroupField(std::string_view name) {
  return name == "@logStream" || name == "@log" || name == "@ingestionTime" ||
         name == "@ptr" || name == "@entity";
}

// For the errors that name what is there instead.
constexpr std::string_view kSupportedCommands =
    "fields, filter, stats, sort, limit, dedup, display, parse, where";

constexpr std::string_view kSupportedAggregates =
    "count, count_distinct, sum, avg, min, max, pct, stddev, earliest, "
    "latest, sortsFirst, sortsLast";

struct BinaryOpName {
  std::string_view name;
  BinaryOp op;
};
constexpr BinaryOpName kBinaryOps[] = {
    {"or", BinaryOp::kOr}, {"and", BinaryOp::kAnd}, {"=", BinaryOp::kEq},
    {"!=", BinaryOp::kNe}, {"<", BinaryOp::kLt},    {"<=", BinaryOp::kLe},
    {">", BinaryOp::kGt},  {">=", BinaryOp::kGe},   {"+", BinaryOp::kAdd},
    {"-", BinaryOp::kSub}, {"*", BinaryOp::kMul},   {"/", BinaryOp::kDiv},
    {"%", BinaryOp::kMod}, {"^", BinaryOp::kPow}};

BinaryOp OpOf(std::string_view name) {
  for (const BinaryOpName& b : kBinaryOps) {
    if (b.name == name) return b.op;
  }
  return BinaryOp::kEq;
}

class Parser {
 public:
  Parser(std::string_view text, QueryPlan* plan)
      : text_(text), lex_(text), plan_(plan) {
    plan_->timestamp_slot = Slot("@timestamp");
    Slot("@message");  // a default column
    time_of_slot_[static_cast<size_t>(plan_->timestamp_slot)] = true;
    now_seconds_ = static_cast<double>(
        std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch())
            .count());
  }

  Status Parse() {
    if (Status s = CheckLength(); !s.ok()) return s;
    Status s = Commands();
    // The lexer's error comes first: it is where the query went wrong.
    if (!lex_error_.ok()) return lex_error_;
    if (!s.ok()) return s;
    LayOutPlan(time_of_slot_, plan_);
    return Status::Ok();
  }

 private:
  enum class Mode {
    kPlain,         // fields, filter, by, display
    kStatsItem,     // a stats item, outside its aggregates
    kAggregateArg,  // inside an aggregate's argument
  };

  // AWS's StartQuery takes at most 10,000 characters (code points; the
  // caret goes under the first one past the limit).
  Status CheckLength() const {
    size_t chars = 0;
    for (size_t i = 0; i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) continue;
      if (++chars > kMaxQueryChars) {
        return FailAt(i + 1,
                      fmt::format("the query is longer than {} characters, "
                                  "Insights' limit (Member must have length "
                                  "less than or equal to {})",
                                  kMaxQueryChars, kMaxQueryChars));
      }
    }
    return Status::Ok();
  }

  // Entered by each rule that nests (parentheses, not, unary minus, ^,
  // function arguments): the parser's recursion, and so the evaluator's,
  // stays within kMaxNesting levels whatever the text.
  class Nesting {
   public:
    explicit Nesting(Parser* p) : p_(p) { ++p_->nesting_; }
    ~Nesting() { --p_->nesting_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    Parser* p_;
  };
  Status CheckNesting(const Tok& t) const {
    if (nesting_ <= kMaxNesting) return Status::Ok();
    return Fail(t, fmt::format("the expression nests deeper than {} levels "
                               "(parentheses, not, -, ^ and function "
                               "arguments)",
                               kMaxNesting));
  }

  // An operator chain (a + b + c ...) does not nest the parser but makes the
  // tree as deep as it is long: the evaluator recurses that deep.
  Status SetHeight(const Tok& t, Expr* e) const {
    uint32_t h = 0;
    for (const ExprPtr& a : e->args) h = std::max(h, a->height);
    e->height = h + 1;
    if (e->height - 1 <= kMaxHeight) return Status::Ok();
    return Fail(t, fmt::format("the expression is more than {} operators "
                               "deep (each operator of a chain such as "
                               "a + b + c counts)",
                               kMaxHeight));
  }

  // ---- tokens and errors

  Tok Next(bool regex_ok = false) { return Checked(lex_.Next(regex_ok)); }
  Tok Peek(bool regex_ok = false) { return Checked(lex_.Peek(regex_ok)); }
  Tok Checked(Tok t) {
    if (t.kind == Tok::kError && lex_error_.ok()) lex_error_ = Fail(t, t.text);
    return t;
  }

  // The error at token `t`: "query:LINE:COL: message", then the query's line
  // and a caret under the column.
  Status Fail(const Tok& t, std::string_view message) const {
    return FailAt(t.column, message);
  }
  Status FailAt(size_t column, std::string_view message) const {
    const TextPosition p = PositionInText(text_, column);
    return Status::InvalidArgument(FormatCaretError(
        fmt::format("query:{}:{}: {}", p.line, p.column, message), p.line_text,
        p.column));
  }

  // The query's text from `from_column` to before `to_column`, trimmed.
  std::string Text(size_t from_column, size_t to_column) const {
    std::string t(text_.substr(from_column - 1, to_column - from_column));
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back())))
      t.pop_back();
    return t;
  }

  // ---- names

  int Slot(const std::string& name) {
    auto& names = plan_->names;
    auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<int>(it - names.begin());
    names.push_back(name);
    time_of_slot_.push_back(false);
    return static_cast<int>(names.size() - 1);
  }

  bool IsStatsColumn(const std::string& name) const {
    return std::find(stats_columns_.begin(), stats_columns_.end(), name) !=
           stats_columns_.end();
  }

  // A reference to `name` at `t`, if the query may make it there.
  Status CheckName(const Tok& t, const std::string& name) const {
    if (mode_ == Mode::kStatsItem) {
      return Fail(t, fmt::format("'{}' outside an aggregate function (stats "
                                 "items are functions of count(), sum(), ...)",
                                 name));
    }
    if (stats_seen_ > 0) {
      if (!IsStatsColumn(name)) {
        return Fail(t, fmt::format("'{}' is not a column of the stats before "
                                   "(its columns: {})",
                                   name, fmt::join(stats_columns_, ", ")));
      }
    } else if (IsLogGroupField(name) && !defined_.count(name)) {
      return Fail(t, fmt::format("{} is not available: flowmon reads "
                                 "flow-log records, not a log group",
                                 name));
    }
    return Status::Ok();
  }

  // bin(), earliest() and latest() read @timestamp.
  Status CheckTimestamp(const Tok& t, std::string_view what) const {
    if (stats_seen_ > 0 && !IsStatsColumn("@timestamp")) {
      return Fail(
          t, fmt::format("{} needs @timestamp, which the stats before does "
                         "not give (AWS: give it there, as in max(@timestamp) "
                         "as @t, and use dateceil(@t, 5m))",
                         what));
    }
    return Status::Ok();
  }

  ExprPtr FieldExpr(const std::string& name) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::kField;
    e->name = name;
    e->text = name;
    e->slot = Slot(name);
    return e;
  }

  bool IsTime(const Expr& e, const Stats* stats) const {
    switch (e.kind) {
      case Expr::kField:
        return time_of_slot_[static_cast<size_t>(e.slot)];
      case Expr::kCall: {
        const FunctionInfo* f = FindFunction(e.name);
        if (f == nullptr) return false;
        if (f->result == ResultKind::kTime) return true;
        return f->result == ResultKind::kFirstArgument && !e.args.empty() &&
               IsTime(*e.args[0], stats);
      }
      case Expr::kAggregate: {
        if (stats == nullptr) return false;
        const AggregateCall& a =
            stats->aggregates[static_cast<size_t>(e.aggregate)];
        const AggregateInfo* info = FindAggregate(a.fn_name);
        return info->keeps_argument && a.arg && IsTime(*a.arg, stats);
      }
      default:
        return false;
    }
  }

  // ---- commands

  Status Commands() {
    while (true) {
      Tok word = Next();
      if (word.kind == Tok::kEnd) {
        if (plan_->commands.empty()) return Fail(word, "empty query");
        return Status::Ok();
      }
      Command c;
      Status s;
      if (IsWord(word, "fields") || IsWord(word, "parse")) {
        if (stats_seen_ > 0) {
          return Fail(word,
                      IsWord(word, "fields")
                          ? "fields after stats is not supported (compute it "
                            "in stats, as in stats sum(bytes) / 1048576 as "
                            "mb; choose columns with display)"
                          : "parse after stats is not supported");
        }
        if (IsWord(word, "fields")) {
          c.kind = Command::kFields;
          s = Fields(&c.fields);
        } else {
          c.kind = Command::kParse;
          s = ParseCommand(&c.parse);
        }
      } else if (IsWord(word, "filter") || IsWord(word, "where")) {
        c.kind = Command::kFilter;
        s = ParseExpr(&c.filter);
      } else if (IsWord(word, "stats")) {
        if (stats_seen_ == 2) {
          return Fail(word,
                      "at most two stats commands (as in Insights), the "
                      "second over the first one's rows");
        }
        if (first_row_command_.kind != Tok::kEnd) {
          return Fail(first_row_command_,
                      fmt::format("{} before {}stats is not supported",
                                  first_row_command_.text,
                                  stats_seen_ == 1 ? "the second " : ""));
        }
        c.kind = Command::kStats;
        stats_column_ = word.column;
        s = StatsCommand(&c.stats);
      } else if (IsWord(word, "sort") || IsWord(word, "dedup")) {
        c.kind = IsWord(word, "sort") ? Command::kSort : Command::kDedup;
        s = SortKeys(&c.sort, c.kind == Command::kSort);
      } else if (IsWord(word, "limit")) {
        c.kind = Command::kLimit;
        s = Limit(&c.limit);
      } else if (IsWord(word, "display")) {
        c.kind = Command::kDisplay;
        s = Display(&c.fields);
      } else if (word.kind == Tok::kIdent) {
        return Fail(word, fmt::format("unsupported command '{}' (supported: "
                                      "{})",
                                      word.text, kSupportedCommands));
      } else {
        return Fail(word, "expected a command");
      }
      if (!s.ok()) return s;
      if (c.kind == Command::kSort || c.kind == Command::kLimit ||
          c.kind == Command::kDedup || c.kind == Command::kDisplay) {
        if (first_row_command_.kind == Tok::kEnd) {
          first_row_command_ = word;
          first_row_command_.text = c.kind == Command::kSort    ? "sort"
                                    : c.kind == Command::kLimit ? "limit"
                                    : c.kind == Command::kDedup ? "dedup"
                                                                : "display";
        }
      }
      if (c.kind == Command::kStats) {
        if (stats_seen_ == 0) plan_->stats_at = plan_->commands.size();
        ++stats_seen_;
        first_row_command_ = Tok();
        EnterStatsScope(c.stats);
      }
      plan_->commands.push_back(std::move(c));
      Tok sep = Next();
      if (sep.kind == Tok::kEnd) return Status::Ok();
      if (!Is(sep, "|")) return Fail(sep, "expected '|' between commands");
    }
  }

  // After a stats, its columns are all there is.
  void EnterStatsScope(const Stats& stats) {
    stats_columns_.clear();
    std::fill(time_of_slot_.begin(), time_of_slot_.end(), false);
    for (const auto* list : {&stats.by, &stats.items}) {
      for (const Named& n : *list) {
        stats_columns_.push_back(n.name);
        time_of_slot_[static_cast<size_t>(n.slot)] = n.time;
      }
    }
  }

  // expr [as alias], ...
  Status Fields(std::vector<Named>* out) {
    while (true) {
      Named n;
      if (Status s = ParseExpr(&n.expr); !s.ok()) return s;
      n.name = ExprText(*n.expr);
      if (Status s = Alias(&n.name); !s.ok()) return s;
      Define(&n, nullptr);
      out->push_back(std::move(n));
      if (!Is(Peek(), ",")) return Status::Ok();
      Next();
    }
  }

  Status Alias(std::string* name) {
    if (!IsWord(Peek(), "as")) return Status::Ok();
    Next();
    const Tok alias = Next();
    if (alias.kind != Tok::kIdent)
      return Fail(alias, "expected a name after as");
    *name = alias.text;
    return Status::Ok();
  }

  void Define(Named* n, const Stats* stats) {
    n->slot = Slot(n->name);
    n->time = IsTime(*n->expr, stats);
    time_of_slot_[static_cast<size_t>(n->slot)] = n->time;
    defined_.insert(n->name);
  }

  // display f, ...: the columns shown (the last display wins).
  Status Display(std::vector<Named>* out) {
    while (true) {
      Named n;
      if (Status s = ParseExpr(&n.expr); !s.ok()) return s;
      n.name = ExprText(*n.expr);
      n.slot = n.expr->kind == Expr::kField ? n.expr->slot : -1;
      n.time = IsTime(*n.expr, nullptr);
      out->push_back(std::move(n));
      if (!Is(Peek(), ",")) return Status::Ok();
      Next();
    }
  }

  Status Limit(size_t* limit) {
    const Tok n = Next();
    if (IsWord(n, "any")) return Fail(n, "limit any is not supported");
    double v;
    if (n.kind != Tok::kNumber || !ParseNumber(n.text, &v) || v < 1 ||
        v > 1e15 || v != static_cast<double>(static_cast<size_t>(v))) {
      return Fail(n, "expected a number after limit");
    }
    // "You can specify a limit value of up to 100,000" (the limit command).
    if (v > 100000) return Fail(n, "limit is at most 100000 (as in Insights)");
    *limit = static_cast<size_t>(v);
    return Status::Ok();
  }

  // A column named by a field, or by the text of an expression after
  // stats: count(*), bin(5m).
  Status ColumnRef(const Tok& t, std::string* name) {
    *name = t.text;
    if (Is(Peek(), "(")) {
      Tok close;
      int depth = 0;
      do {
        close = Next();
        if (Is(close, "(")) ++depth;
        if (Is(close, ")")) --depth;
      } while (close.kind != Tok::kEnd && depth > 0);
      if (close.kind == Tok::kEnd) return Fail(t, "expected ')'");
      *name = Text(t.column, close.end);
      if (stats_seen_ == 0 && !defined_.count(*name)) {
        return Fail(t, fmt::format("no column is named '{}' (sort and dedup "
                                   "take names)",
                                   *name));
      }
    }
    return CheckName(t, *name);
  }

  // sort f [asc|desc], ... (ascending unless desc); dedup f, ...
  Status SortKeys(std::vector<SortKey>* out, bool sort) {
    while (true) {
      const Tok t = Next();
      if (t.kind != Tok::kIdent)
        return Fail(
            t, sort ? "expected a field to sort by" : "expected a field name");
      SortKey k;
      k.desc = false;
      if (Status s = ColumnRef(t, &k.column); !s.ok()) return s;
      k.slot = Slot(k.column);
      if (sort && (IsWord(Peek(), "asc") || IsWord(Peek(), "desc"))) {
        k.desc = IsWord(Next(), "desc");
      }
      out->push_back(std::move(k));
      if (!Is(Peek(), ",")) return Status::Ok();
      Next();
    }
  }

  // parse [field] "glob" as a, b | parse [field] /regex/ [as a, b]
  Status ParseCommand(Extraction* x) {
    Tok t = Peek(/*regex_ok=*/true);
    if (t.kind == Tok::kIdent && !IsWord(t, "logfmt") && !IsWord(t, "csv")) {
      Next();
      if (Status s = CheckName(t, t.text); !s.ok()) return s;
      x->source = FieldExpr(t.text);
      t = Peek(/*regex_ok=*/true);
    } else {
      x->source = FieldExpr("@message");
    }
    Next(/*regex_ok=*/true);
    if (IsWord(t, "logfmt") || IsWord(t, "csv")) {
      return Fail(t, fmt::format("parse {} is not supported",
                                 IsWord(t, "csv") ? "csv" : "logfmt"));
    }
    if (t.kind != Tok::kString && t.kind != Tok::kRegex) {
      return Fail(t, "expected a \"glob\" or a /regex/ to parse with");
    }
    const bool glob = t.kind == Tok::kString;
    const std::string pattern =
        glob ? GlobToRegex(t.text) : ToRe2Syntax(t.text);
    auto re = std::make_shared<const RE2>(pattern, RE2::Quiet);
    if (!re->ok()) return Fail(t, "invalid regular expression: " + re->error());
    const int groups = re->NumberOfCapturingGroups();
    if (IsWord(Peek(), "as")) {
      Next();
      while (true) {
        const Tok name = Next();
        if (name.kind != Tok::kIdent)
          return Fail(name, "expected a name after as");
        x->names.push_back(name.text);
        if (!Is(Peek(), ",")) break;
        Next();
      }
      if (static_cast<int>(x->names.size()) != groups) {
        return Fail(t, glob ? fmt::format("the pattern has {} wildcards (*) "
                                          "for {} name{}",
                                          groups, x->names.size(),
                                          x->names.size() == 1 ? "" : "s")
                            : fmt::format("the regular expression has {} "
                                          "groups for {} name{}",
                                          groups, x->names.size(),
                                          x->names.size() == 1 ? "" : "s"));
      }
      for (int g = 1; g <= groups; ++g) x->groups.push_back(g);
    } else if (glob) {
      return Fail(t, "expected as and a name for each * of the pattern");
    } else {
      for (const auto& [index, name] : re->CapturingGroupNames()) {
        x->groups.push_back(index);
        x->names.push_back(name);
      }
      if (x->names.empty()) {
        return Fail(t,
                    "the regular expression has no named group (?<name>...) "
                    "and no as");
      }
    }
    if (IsWord(Peek(), "multi")) {
      return Fail(Peek(), "parse ... multi is not supported");
    }
    x->regex = std::move(re);
    for (const std::string& name : x->names) {
      x->slots.push_back(Slot(name));
      time_of_slot_[static_cast<size_t>(x->slots.back())] = false;
      defined_.insert(name);
    }
    return Status::Ok();
  }

  // stats item [as name], ... [by key [as name], ...]
  Status StatsCommand(Stats* stats) {
    current_stats_ = stats;
    while (true) {
      Named n;
      const Tok first = Peek();
      const size_t aggregates = stats->aggregates.size();
      mode_ = Mode::kStatsItem;
      Status s = ParseExpr(&n.expr);
      mode_ = Mode::kPlain;
      if (!s.ok()) return s;
      if (stats->aggregates.size() == aggregates) {
        return Fail(first,
                    "expected an aggregate function such as count(*), "
                    "sum(bytes) or avg(bytes)");
      }
      n.name = Text(first.column, last_end_);
      if (Status s2 = Alias(&n.name); !s2.ok()) return s2;
      n.time = IsTime(*n.expr, stats);
      stats->items.push_back(std::move(n));
      const Tok next = Peek();
      if (Is(next, ",")) {
        Next();
        continue;
      }
      if (IsWord(next, "by")) {
        Next();
        if (Status s2 = ByKeys(stats); !s2.ok()) return s2;
      }
      break;
    }
    // The columns: the keys, then the items; each name once.
    std::set<std::string> names;
    for (auto* list : {&stats->by, &stats->items}) {
      for (Named& n : *list) {
        if (!names.insert(n.name).second) {
          return FailAt(
              stats_column_,
              fmt::format("two columns of stats are named '{}'", n.name));
        }
        n.slot = Slot(n.name);
      }
    }
    current_stats_ = nullptr;
    return Status::Ok();
  }

  Status ByKeys(Stats* stats) {
    while (true) {
      Named n;
      if (Status s = ParseExpr(&n.expr); !s.ok()) return s;
      n.name = ExprText(*n.expr);
      if (Status s = Alias(&n.name); !s.ok()) return s;
      n.time = IsTime(*n.expr, stats);
      stats->by.push_back(std::move(n));
      if (!Is(Peek(), ",")) return Status::Ok();
      Next();
    }
  }

  // ---- expressions

  Status ParseExpr(ExprPtr* out) {
    Nesting nest(this);
    if (Status s = CheckNesting(Peek()); !s.ok()) return s;
    return Or(out);
  }

  // Its text is its operands' and its operator's (ExprText): copying them
  // into each node would make a long chain quadratic.
  Status Binary(const Tok& at, std::string op, ExprPtr l, ExprPtr r,
                ExprPtr* out) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::kBinary;
    e->op = OpOf(op);
    e->name = std::move(op);
    e->args.push_back(std::move(l));
    e->args.push_back(std::move(r));
    if (Status s = SetHeight(at, e.get()); !s.ok()) return s;
    *out = std::move(e);
    return Status::Ok();
  }

  Status Or(ExprPtr* out) { return LeftAssoc({"or"}, &Parser::And, out); }
  Status And(ExprPtr* out) { return LeftAssoc({"and"}, &Parser::Not, out); }

  // operand (op operand)*, grouped to the left; `ops` are words or symbols.
  Status LeftAssoc(std::initializer_list<std::string_view> ops,
                   Status (Parser::*operand)(ExprPtr*), ExprPtr* out) {
    if (Status s = (this->*operand)(out); !s.ok()) return s;
    while (true) {
      const Tok t = Peek();
      const auto op = std::find_if(ops.begin(), ops.end(), [&](auto o) {
        return Is(t, o) || IsWord(t, o);
      });
      if (op == ops.end()) return Status::Ok();
      Next();
      ExprPtr r;
      if (Status s = (this->*operand)(&r); !s.ok()) return s;
      if (Status s =
              Binary(t, std::string(*op), std::move(*out), std::move(r), out);
          !s.ok())
        return s;
    }
  }
  Status Not(ExprPtr* out) {
    if (IsWord(Peek(), "not")) {
      const Tok t = Next();
      Nesting nest(this);
      if (Status s = CheckNesting(t); !s.ok()) return s;
      auto e = std::make_unique<Expr>();
      e->kind = Expr::kNot;
      ExprPtr inner;
      if (Status s = Not(&inner); !s.ok()) return s;
      e->args.push_back(std::move(inner));
      if (Status s = SetHeight(t, e.get()); !s.ok()) return s;
      *out = std::move(e);
      return Status::Ok();
    }
    return Compare(out);
  }
  Status Compare(ExprPtr* out) {
    if (Status s = Sum(out); !s.ok()) return s;
    const Tok op = Peek();
    bool negated = false;
    if (IsWord(op, "not")) {
      Lexer save = lex_;
      Next();
      const Tok after = Peek();
      if (!IsWord(after, "in") && !IsWord(after, "like")) {
        lex_ = save;
        return Status::Ok();
      }
      negated = true;
    }
    const Tok t = Peek();
    if (IsWord(t, "in")) {
      Next();
      auto e = std::make_unique<Expr>();
      e->kind = Expr::kIn;
      e->negated = negated;
      e->args.push_back(std::move(*out));
      if (!Is(Next(), "[")) return Fail(t, "expected '[' after in");
      while (true) {
        ExprPtr item;
        if (Status s = Primary(&item); !s.ok()) return s;
        e->args.push_back(std::move(item));
        Tok sep = Next();
        last_end_ = sep.end;
        if (Is(sep, "]")) break;
        if (!Is(sep, ",")) return Fail(sep, "expected ',' or ']'");
      }
      if (Status s = SetHeight(t, e.get()); !s.ok()) return s;
      *out = std::move(e);
      return Status::Ok();
    }
    if (IsWord(t, "like") || Is(t, "=~")) {
      if (IsTime(**out, current_stats_)) {
        return Fail(t,
                    "a time is epoch milliseconds: like and =~ do not "
                    "match its text");
      }
      Next();
      Tok pat = Next(/*regex_ok=*/true);
      last_end_ = pat.end;
      auto e = std::make_unique<Expr>();
      e->kind = Expr::kLike;
      e->negated = negated;
      // AWS: quotes make a substring match, slashes a regular expression,
      // for like and =~ alike.
      if (pat.kind == Tok::kRegex) {
        auto r = std::make_shared<const RE2>(ToRe2Syntax(pat.text), RE2::Quiet);
        if (!r->ok())
          return Fail(pat, "invalid regular expression: " + r->error());
        e->regex = std::move(r);
      } else if (pat.kind == Tok::kString) {
        e->literal = pat.text;
      } else {
        return Fail(pat, "expected a string or /regex/ after " + t.text);
      }
      e->text = t.text + " " + pat.text;
      e->args.push_back(std::move(*out));
      if (Status s = SetHeight(t, e.get()); !s.ok()) return s;
      *out = std::move(e);
      return Status::Ok();
    }
    if (negated) return Fail(t, "expected in or like after not");
    for (const char* o : {"=", "!=", "<", "<=", ">", ">="}) {
      if (Is(t, o)) {
        Next();
        ExprPtr r;
        if (Status s = Sum(&r); !s.ok()) return s;
        if (Status s = CheckTimeAgainstText(t, **out, *r); !s.ok()) return s;
        return Binary(t, o, std::move(*out), std::move(r), out);
      }
    }
    return Status::Ok();
  }

  // Times are epoch ms; text such as "2019-07-14 12:00" would compare as a
  // non-number, before every number, and match everything or nothing.
  // AWS: Insights "doesn't support filtering logs with human readable
  // timestamps".
  Status CheckTimeAgainstText(const Tok& op, const Expr& l,
                              const Expr& r) const {
    auto text = [](const Expr& e) {
      return e.kind == Expr::kLiteral &&
             std::holds_alternative<std::string>(e.literal);
    };
    if ((IsTime(l, current_stats_) && text(r)) ||
        (text(l) && IsTime(r, current_stats_))) {
      return Fail(op,
                  "a time compares with epoch milliseconds, not text "
                  "(as in toMillis(@timestamp) >= 1563108000000)");
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
    if (!Is(Peek(), "^")) return Status::Ok();
    const Tok t = Next();
    Nesting nest(this);
    if (Status s = CheckNesting(t); !s.ok()) return s;
    ExprPtr r;
    if (Status s = Power(&r); !s.ok()) return s;
    return Binary(t, "^", std::move(*out), std::move(r), out);
  }

  Status Primary(ExprPtr* out) {
    const Tok t = Next();
    last_end_ = t.end;
    auto e = std::make_unique<Expr>();
    e->text = t.text;
    if (t.kind == Tok::kNumber) {
      double v;
      if (!ParseNumber(t.text, &v)) {
        if (std::isalpha(static_cast<unsigned char>(t.text.back()))) {
          return Fail(t,
                      "a period such as 5m is an argument of bin, "
                      "datefloor or dateceil");
        }
        return Fail(t, "invalid number");
      }
      e->kind = Expr::kLiteral;
      e->literal = v;
    } else if (t.kind == Tok::kString) {
      e->kind = Expr::kLiteral;
      e->literal = t.text;
      e->text = "\"" + t.text + "\"";
    } else if (Is(t, "(")) {
      if (Status s = ParseExpr(out); !s.ok()) return s;
      const Tok close = Next();
      if (!Is(close, ")")) return Fail(t, "expected ')'");
      last_end_ = close.end;
      return Status::Ok();
    } else if (Is(t, "-")) {
      Nesting nest(this);
      if (Status s = CheckNesting(t); !s.ok()) return s;
      ExprPtr inner;
      if (Status s = Primary(&inner); !s.ok()) return s;
      e->kind = Expr::kNeg;
      e->text.clear();
      e->args.push_back(std::move(inner));
      if (Status s = SetHeight(t, e.get()); !s.ok()) return s;
    } else if (t.kind == Tok::kIdent && Is(Peek(), "(")) {
      return Call(t, out);
    } else if (t.kind == Tok::kIdent) {
      if (Status s = CheckName(t, t.text); !s.ok()) return s;
      *out = FieldExpr(t.text);
      return Status::Ok();
    } else if (t.kind == Tok::kEnd) {
      return Fail(t, "unexpected end of query");
    } else {
      return Fail(t, fmt::format("unexpected '{}'", t.text));
    }
    *out = std::move(e);
    return Status::Ok();
  }

  // After stats, the column named by a call's text ("count(*)"), if any:
  // consumes the call and makes `out` a reference to the column.
  bool CallIsColumn(const Tok& t, ExprPtr* out) {
    if (stats_seen_ == 0) return false;
    Lexer save = lex_;
    Tok close;
    int depth = 0;
    do {
      close = lex_.Next();
      if (Is(close, "(")) ++depth;
      if (Is(close, ")")) --depth;
    } while (close.kind != Tok::kEnd && close.kind != Tok::kError && depth > 0);
    const std::string name =
        close.kind == Tok::kEnd ? "" : Text(t.column, close.end);
    if (name.empty() || !IsStatsColumn(name)) {
      lex_ = save;
      return false;
    }
    last_end_ = close.end;
    *out = FieldExpr(name);
    return true;
  }

  Status Call(const Tok& t, ExprPtr* out) {
    if (mode_ != Mode::kStatsItem && CallIsColumn(t, out)) return Status::Ok();
    if (const AggregateInfo* a = FindAggregate(t.text)) {
      if (mode_ == Mode::kAggregateArg)
        return Fail(t, "an aggregate inside an aggregate");
      if (mode_ != Mode::kStatsItem) {
        return Fail(t, fmt::format("{}() is a stats function", a->name));
      }
      return AggregateCallExpr(t, *a, out);
    }
    const FunctionInfo* f = FindFunction(t.text);
    if (f == nullptr && mode_ == Mode::kStatsItem) {
      return Fail(t, fmt::format("unsupported stats function '{}' "
                                 "(supported: {})",
                                 t.text, kSupportedAggregates));
    }
    if (f == nullptr) {
      return Fail(t, fmt::format("unsupported function '{}'", t.text));
    }
    Next();  // (
    auto e = std::make_unique<Expr>();
    e->kind = Expr::kCall;
    e->fn = f->fn;
    e->name = std::string(f->name);
    std::transform(e->name.begin(), e->name.end(), e->name.begin(), ::tolower);
    Tok close;
    while (!Is(Peek(), ")")) {
      if (static_cast<int>(e->args.size()) == f->period_arg) {
        const Tok p = Next();
        auto arg = std::make_unique<Expr>();
        arg->kind = Expr::kPeriod;
        arg->text = p.text;
        std::string error;
        if (p.kind != Tok::kNumber ||
            !ParsePeriod(p.text, &arg->period, &error))
          return Fail(p, p.kind == Tok::kNumber
                             ? error
                             : "expected a period such as 30s, 5m, 1h or 1d");
        e->args.push_back(std::move(arg));
      } else {
        ExprPtr arg;
        if (Status s = ParseExpr(&arg); !s.ok()) return s;
        e->args.push_back(std::move(arg));
      }
      if (Is(Peek(), ",")) {
        Next();
      } else if (!Is(Peek(), ")")) {
        return Fail(Peek(), "expected ',' or ')'");
      }
    }
    close = Next();
    last_end_ = close.end;
    const int n = static_cast<int>(e->args.size());
    if (n < f->min_args || (f->max_args >= 0 && n > f->max_args)) {
      return Fail(t, fmt::format("{} takes {}", f->name, Arity(*f)));
    }
    if (f->fn == Function::kBin) {
      if (Status s = CheckTimestamp(t, "bin()"); !s.ok()) return s;
      e->slot = plan_->timestamp_slot;
    }
    if (f->fn == Function::kNow) e->literal = now_seconds_;
    e->text = Text(t.column, close.end);
    if (Status s = SetHeight(t, e.get()); !s.ok()) return s;
    *out = std::move(e);
    return Status::Ok();
  }

  static std::string Arity(const FunctionInfo& f) {
    if (f.max_args == 0) return "no arguments";
    if (f.max_args < 0) return fmt::format("{} or more arguments", f.min_args);
    if (f.min_args == f.max_args) {
      return fmt::format("{} argument{}", f.min_args,
                         f.min_args == 1 ? "" : "s");
    }
    return fmt::format("{} or {} arguments", f.min_args, f.max_args);
  }

  // count(*), count(), sum(f), pct(f, 95), ...: an aggregate of the stats
  // being parsed.
  Status AggregateCallExpr(const Tok& t, const AggregateInfo& info,
                           ExprPtr* out) {
    Next();  // (
    AggregateCall a;
    a.fn = info.fn;
    a.fn_name = std::string(info.name);
    std::transform(a.fn_name.begin(), a.fn_name.end(), a.fn_name.begin(),
                   ::tolower);
    if (info.fn == AggregateFn::kCount &&
        (Is(Peek(), "*") || Is(Peek(), ")"))) {
      if (Is(Peek(), "*")) Next();
    } else {
      mode_ = Mode::kAggregateArg;
      Status s = ParseExpr(&a.arg);
      mode_ = Mode::kStatsItem;
      if (!s.ok()) return s;
    }
    if (info.fn == AggregateFn::kPct) {
      const Tok comma = Next();
      const Tok p = Next();
      if (!Is(comma, ",") || p.kind != Tok::kNumber ||
          !ParseNumber(p.text, &a.percentile) || a.percentile < 0 ||
          a.percentile > 100) {
        return Fail(p,
                    "expected pct(field, percentile), the percentile from "
                    "0 to 100");
      }
    }
    if (info.fn == AggregateFn::kEarliest || info.fn == AggregateFn::kLatest) {
      if (Status s = CheckTimestamp(t, fmt::format("{}()", info.name)); !s.ok())
        return s;
    }
    const Tok close = Next();
    if (!Is(close, ")")) return Fail(close, "expected ')'");
    last_end_ = close.end;
    a.text = Text(t.column, close.end);
    auto e = std::make_unique<Expr>();
    e->kind = Expr::kAggregate;
    e->aggregate = static_cast<int>(current_stats_->aggregates.size());
    e->slot = plan_->timestamp_slot;
    e->name = a.fn_name;
    e->text = a.text;
    current_stats_->aggregates.push_back(std::move(a));
    *out = std::move(e);
    return Status::Ok();
  }

  std::string_view text_;
  Lexer lex_;
  QueryPlan* plan_;
  Status lex_error_;
  double now_seconds_ = 0;
  std::vector<bool> time_of_slot_ = std::vector<bool>();
  Mode mode_ = Mode::kPlain;
  Stats* current_stats_ = nullptr;
  int stats_seen_ = 0;
  size_t stats_column_ = 1;
  std::vector<std::string> stats_columns_;  // after stats: its columns
  std::set<std::string> defined_;           // by fields and parse
  Tok first_row_command_;  // the first sort, limit, dedup or display since
                           // the start or the last stats
  size_t last_end_ = 1;    // past the last token an expression took
  int nesting_ = 0;        // Nesting levels entered
};

}  // namespace

Status ParseQuery(std::string_view text, QueryPlan* plan) {
  return Parser(text, plan).Parse();
}

}  // namespace flowmon::insights
