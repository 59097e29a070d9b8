// Logs Insights queries (flowmon query's subset) as Athena SQL.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "athena/sql_common.h"
#include "flowmon/athena/athena.h"
#include "flowmon/core/schema.h"
#include "insights/ast.h"
#include "insights/field_names.h"
#include "insights/parser.h"

namespace flowmon {
namespace {

using insights::Command;
using insights::Named;
using insights::SortKey;

// True when `sql` is one operand as it stands: a name, a number, a quoted
// name or string, or a call or parenthesis that closes at its end.
bool IsOperand(std::string_view sql) {
  size_t i = 0;
  while (i < sql.size() &&
         (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
    ++i;
  if (i == sql.size()) return true;
  if (i == 0 && (sql[0] == '"' || sql[0] == '\'')) {
    // Quotes are doubled inside.
    size_t j = 1;
    while (j < sql.size()) {
      if (sql[j] == sql[0]) {
        if (j + 1 < sql.size() && sql[j + 1] == sql[0]) {
          j += 2;
          continue;
        }
        return j + 1 == sql.size();
      }
      ++j;
    }
    return false;
  }
  if (sql[i] != '(') return false;
  int depth = 0;
  char quote = 0;
  for (size_t j = i; j < sql.size(); ++j) {
    const char c = sql[j];
    if (quote) {
      if (c == quote) quote = 0;  // a doubled quote reopens at once
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return j + 1 == sql.size();
    }
  }
  return false;
}

// ORDER BY terms that put text in Insights' order: text that is a number
// as a number, after other text (in ascending order), and digit runs by
// their value ("10.0.0.9" before "10.0.0.10"); Trino orders varchar by its
// bytes. Numbers are ParseNumber's syntax; runs up to 20 digits.
std::string TextOrder(const std::string& sql, const char* dir) {
  return fmt::format(
      "regexp_like({0}, "
      "'^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$') "
      "{1}, try_cast({0} AS double) {1}, regexp_replace({0}, '([0-9]+)', d -> "
      "lpad(d[1], 20, '0')) {1}",
      sql, dir);
}

class SqlWriter {
 public:
  explicit SqlWriter(const AthenaTable& t) : t_(t) {}

  // The SQL for an Insights field name: a `fields` alias is its expression
  // (Athena resolves no SELECT alias in WHERE or GROUP BY), and hides the
  // field it names, as in Insights.
  Status Column(const std::string& name, std::string* sql) {
    if (auto it = aliases_.find(name); it != aliases_.end()) {
      *sql = IsOperand(it->second.sql) ? it->second.sql
                                       : "(" + it->second.sql + ")";
      return Status::Ok();
    }
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
    const std::string_view flow = insights::FlowFieldFor(name);
    if (flow.empty() || t_.schema.IndexOf(flow) < 0) {
      return Status::InvalidArgument(
          fmt::format("the table has no field '{}'", name));
    }
    *sql = "\"" + AthenaColumn(flow) + "\"";
    return Status::Ok();
  }

  Status Expr(const insights::Expr& e, std::string* out) {
    switch (e.kind) {
      case insights::Expr::kLiteral:
        if (const double* d = std::get_if<double>(&e.literal)) {
          *out = fmt::format("{}", *d);
        } else {
          *out = athena::Quote(std::get<std::string>(e.literal));
        }
        return Status::Ok();
      case insights::Expr::kField:
        return Column(e.name, out);
      case insights::Expr::kNot:
      case insights::Expr::kNeg: {
        std::string inner;
        if (Status s = Expr(*e.args[0], &inner); !s.ok()) return s;
        // A test of a null field is NULL in SQL, false in Insights: its
        // negation keeps the record.
        *out = e.kind == insights::Expr::kNot
                   ? "NOT coalesce(" + inner + ", false)"
                   : "-(" + inner + ")";
        return Status::Ok();
      }
      case insights::Expr::kIn: {
        std::string l;
        if (Status s = Expr(*e.args[0], &l); !s.ok()) return s;
        std::string items;
        for (size_t i = 1; i < e.args.size(); ++i) {
          std::string item;
          if (Status s = Expr(*e.args[i], &item); !s.ok()) return s;
          items += (i > 1 ? ", " : "") + item;
        }
        l = Cast(*e.args[0], l, e.args.size() > 1 ? e.args[1].get() : nullptr);
        // NOT IN is NULL for a null field (a NODATA record's port); in
        // Insights the record is not in the list.
        *out = e.negated
                   ? fmt::format("({0} IS NULL OR {0} NOT IN ({1}))", l, items)
                   : fmt::format("{} IN ({})", l, items);
        return Status::Ok();
      }
      case insights::Expr::kLike: {
        std::string l;
        if (Status s = Expr(*e.args[0], &l); !s.ok()) return s;
        l = VarcharOf(*e.args[0], l);
        *out =
            e.regex
                ? fmt::format("{}regexp_like({}, {})", e.negated ? "NOT " : "",
                              l, athena::Quote(e.regex->pattern()))
                : fmt::format("strpos({}, {}) {} 0", l,
                              athena::Quote(std::get<std::string>(e.literal)),
                              e.negated ? "=" : ">");
        return Status::Ok();
      }
      case insights::Expr::kPeriod:
        return Status::InvalidArgument(
            fmt::format("cannot translate {}", insights::ExprText(e)));
      case insights::Expr::kAggregate:
        return Aggregate(e, out);
      case insights::Expr::kCall: {
        if (e.fn == insights::Function::kBin) {
          const int64_t ms = e.args[0]->period.FixedMs();
          if (ms <= 0)
            return Status::InvalidArgument(
                fmt::format("cannot translate {}", insights::ExprText(e)));
          const int64_t sec = std::max<int64_t>(1, ms / 1000);
          *out = fmt::format("from_unixtime(\"start\" - \"start\" % {})", sec);
          return Status::Ok();
        }
        std::vector<std::string> a;
        for (const auto& arg : e.args) {
          std::string x;
          if (Status s = Expr(*arg, &x); !s.ok()) return s;
          a.push_back(std::move(x));
        }
        if ((e.name == "isipinsubnet" || e.name == "isipv4insubnet" ||
             e.name == "isipv6insubnet") &&
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
              fmt::format("cannot translate {}", insights::ExprText(e)));
        }
        return Status::Ok();
      }
      case insights::Expr::kBinary: {
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
        if (insights::IsArithmetic(
                e.name)) {  // parenthesised: the tree is the order
          // Insights divides in double, and by 0 into null; Trino divides
          // bigints as integers and fails on 0.
          l = e.name == "/" && !IsText(*e.args[0]) ? "CAST(" + l + " AS double)"
                                                   : NumberOf(*e.args[0], l);
          r = NumberOf(*e.args[1], r);
          if ((e.name == "/" || e.name == "%") && !IsNonZeroNumber(*e.args[1]))
            r = "nullif(" + r + ", 0)";
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

  // Makes `name` stand for `e`, whose SQL is `sql`, from here on (`e` may
  // read the field or alias `name` stood for until now).
  void Alias(const std::string& name, const insights::Expr& e,
             const std::string& sql) {
    AliasedExpr a{sql, IsText(e), FieldOf(e)};
    aliases_[name] = std::move(a);
  }

  // True when the value of `e` is text: it then sorts and aggregates as
  // Insights does with text, not as Trino does with varchar.
  bool IsText(const insights::Expr& e) const {
    switch (e.kind) {
      case insights::Expr::kLiteral:
        return std::holds_alternative<std::string>(e.literal);
      case insights::Expr::kField:
        return IsTextField(e.name);
      case insights::Expr::kCall:
        return e.name == "tolower" || e.name == "toupper";
      default:
        return false;
    }
  }

  bool IsTextField(const std::string& name) const {
    if (auto it = aliases_.find(name); it != aliases_.end())
      return it->second.text;
    if (name == "@message") return true;
    const std::string_view flow = insights::FlowFieldFor(name);
    const FlowField* f = flow.empty() ? nullptr : FindFlowField(flow);
    return f != nullptr && f->type != FieldType::kInt;
  }

  // The number of a value: text becomes a double, or null where it is no
  // number, as Insights reads numbers from strings.
  std::string NumberOf(const insights::Expr& e, const std::string& sql) const {
    return IsText(e) ? "try_cast(" + sql + " AS double)" : sql;
  }

  // The stats whose aggregates kAggregate expressions name.
  void SetStats(const insights::Stats* stats) { stats_ = stats; }

 private:
  Status Aggregate(const insights::Expr& e, std::string* out) {
    const insights::AggregateCall& a =
        stats_->aggregates[static_cast<size_t>(e.aggregate)];
    std::string arg = "*";
    if (a.arg) {
      if (Status s = Expr(*a.arg, &arg); !s.ok()) return s;
      // Insights sums, averages and takes percentiles of the numbers among
      // values; min and max of text rank text.
      if (a.fn != insights::AggregateFn::kCount &&
          a.fn != insights::AggregateFn::kCountDistinct &&
          a.fn != insights::AggregateFn::kMin &&
          a.fn != insights::AggregateFn::kMax)
        arg = NumberOf(*a.arg, arg);
    }
    if (a.fn == insights::AggregateFn::kCount) {
      *out = "count(" + arg + ")";
    } else if (a.fn == insights::AggregateFn::kCountDistinct) {
      *out = "count(DISTINCT " + arg + ")";
    } else if (a.fn == insights::AggregateFn::kPct) {
      *out = fmt::format("approx_percentile({}, {})", arg, a.percentile / 100);
    } else if ((a.fn == insights::AggregateFn::kMin ||
                a.fn == insights::AggregateFn::kMax) &&
               a.arg && IsText(*a.arg)) {
      // Insights' min and max of text are text, in its text order.
      *out = fmt::format(
          "(array_agg({0} ORDER BY {1}) FILTER (WHERE {0} IS NOT NULL))[1]",
          arg,
          TextOrder(arg, a.fn == insights::AggregateFn::kMin ? "ASC" : "DESC"));
    } else if (a.fn == insights::AggregateFn::kSum ||
               a.fn == insights::AggregateFn::kAvg ||
               a.fn == insights::AggregateFn::kMin ||
               a.fn == insights::AggregateFn::kMax ||
               a.fn == insights::AggregateFn::kStddev) {
      *out = a.fn_name + "(" + arg + ")";
    } else {
      return Status::InvalidArgument(
          fmt::format("cannot translate {}", a.text));
    }
    return Status::Ok();
  }

  struct AliasedExpr {
    std::string sql;
    bool text;
    const FlowField* field;  // the field it reads, when it is one
  };

  static bool IsNonZeroNumber(const insights::Expr& e) {
    const double* d = std::get_if<double>(&e.literal);
    return e.kind == insights::Expr::kLiteral && d != nullptr && *d != 0;
  }

  // The flow-log field `e` reads, through aliases of a field.
  const FlowField* FieldOf(const insights::Expr& e) const {
    if (e.kind != insights::Expr::kField) return nullptr;
    if (auto it = aliases_.find(e.name); it != aliases_.end())
      return it->second.field;
    const std::string_view flow = insights::FlowFieldFor(e.name);
    return flow.empty() ? nullptr : FindFlowField(flow);
  }
  std::string VarcharOf(const insights::Expr& e, const std::string& sql) {
    const FlowField* f = FieldOf(e);
    return f != nullptr && f->type == FieldType::kInt
               ? "CAST(" + sql + " AS varchar)"
               : sql;
  }
  // An int column against a string literal compares as text; a string
  // column against a number, as a number (Insights converts; Trino would not).
  std::string Cast(const insights::Expr& side, const std::string& sql,
                   const insights::Expr* other) {
    const FlowField* f = FieldOf(side);
    if (f == nullptr || other == nullptr ||
        other->kind != insights::Expr::kLiteral)
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
  std::map<std::string, AliasedExpr> aliases_;
  const insights::Stats* stats_ = nullptr;
};

std::string Q(const std::string& name) { return "\"" + name + "\""; }

// A result column: its name, its expression and whether it is text.
struct OutputColumn {
  std::string name, sql;
  bool text = false;
};

}  // namespace

Result<std::string> AthenaQuerySql(const AthenaTable& t, std::string_view text,
                                   const AthenaTimeRange& r) {
  QueryPlan plan;
  if (Status s = insights::ParseQuery(text, &plan); !s.ok()) return s;
  SqlWriter w(t);
  std::vector<std::string> where = AthenaScopeConditions(t, r);
  std::vector<std::string> select;
  std::vector<OutputColumn> grouped;  // after stats: keys and aggregates
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
          w.Alias(n.name, *n.expr, e);
        }
        break;
      case Command::kStats: {
        if (stats)
          return Status::InvalidArgument(
              "a second stats has no Athena translation");
        stats = true;
        select.clear();
        size_t k = 0;
        w.SetStats(&c.stats);
        for (const Named& n : c.stats.by) {
          std::string e;
          if (Status s = w.Expr(*n.expr, &e); !s.ok()) return s;
          const bool is_text = w.IsText(*n.expr);
          select.push_back(e + " AS " + Q(n.name));
          grouped.push_back({n.name, e, is_text});
          ++k;
          group += (k > 1 ? ", " : "") + std::to_string(k);
        }
        for (const Named& item : c.stats.items) {
          std::string e;
          if (Status s = w.Expr(*item.expr, &e); !s.ok()) return s;
          select.push_back(e + " AS " + Q(item.name));
          grouped.push_back({item.name, Q(item.name), false});
        }
        break;
      }
      case Command::kParse:
        return Status::InvalidArgument("parse has no Athena translation");
      case Command::kSort:
        for (const SortKey& k : c.sort) {
          const char* dir = k.desc ? "DESC" : "ASC";
          std::string col = Q(k.column);
          bool is_text = false;
          if (stats) {
            for (const OutputColumn& g : grouped) {
              if (g.name == k.column && g.text) {
                col = g.sql;
                is_text = true;
              }
            }
          } else if (std::string sql; w.Column(k.column, &sql).ok()) {
            col = sql;
            is_text = w.IsTextField(k.column);
          }
          order += (order.empty() ? "" : ", ") +
                   (is_text ? TextOrder(col, dir) : col + " " + dir);
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
  sql += "\nFROM " + athena::From(t) + athena::Where(where);
  if (!group.empty()) sql += "\nGROUP BY " + group;
  if (!order.empty()) sql += "\nORDER BY " + order;
  if (!limit.empty()) sql += "\nLIMIT " + limit;
  return sql + ";\n";
}

}  // namespace flowmon
