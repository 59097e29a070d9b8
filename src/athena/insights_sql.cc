// Logs Insights queries (flowmon query's subset) as Athena SQL.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>
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
    const std::string_view flow = insights::FlowFieldFor(name);
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

  Status Expr(const insights::Expr& e, std::string* out) {
    switch (e.kind) {
      case insights::Expr::kLiteral:
        if (const double* d = std::get_if<double>(&e.literal)) {
          *out = fmt::format("{}", *d);
        } else {
          *out = athena::Quote(std::get<std::string>(e.literal));
        }
        return Status::Ok();
      case insights::Expr::kField: {
        const FlowField* f;
        return Column(e.name, out, &f);
      }
      case insights::Expr::kNot:
      case insights::Expr::kNeg: {
        std::string inner;
        if (Status s = Expr(*e.args[0], &inner); !s.ok()) return s;
        *out = (e.kind == insights::Expr::kNot ? "NOT (" : "-(") + inner + ")";
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
        *out = fmt::format(
            "{} {}IN ({})",
            Cast(*e.args[0], l, e.args.size() > 1 ? e.args[1].get() : nullptr),
            e.negated ? "NOT " : "", items);
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
            fmt::format("cannot translate {}", e.text));
      case insights::Expr::kAggregate:
        return Aggregate(e, out);
      case insights::Expr::kCall: {
        if (e.fn == insights::Function::kBin) {
          const int64_t ms = e.args[0]->period.FixedMs();
          if (ms <= 0)
            return Status::InvalidArgument(
                fmt::format("cannot translate {}", e.text));
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
              fmt::format("cannot translate {}", e.text));
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
  // The stats whose aggregates kAggregate expressions name.
  void SetStats(const insights::Stats* stats) { stats_ = stats; }

 private:
  Status Aggregate(const insights::Expr& e, std::string* out) {
    const insights::AggregateCall& a =
        stats_->aggregates[static_cast<size_t>(e.aggregate)];
    std::string arg = "*";
    if (a.arg) {
      if (Status s = Expr(*a.arg, &arg); !s.ok()) return s;
    }
    if (a.fn == insights::AggregateFn::kCount) {
      *out = "count(" + arg + ")";
    } else if (a.fn == insights::AggregateFn::kCountDistinct) {
      *out = "count(DISTINCT " + arg + ")";
    } else if (a.fn == insights::AggregateFn::kPct) {
      *out = fmt::format("approx_percentile({}, {})", arg, a.percentile / 100);
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

  const FlowField* FieldOf(const insights::Expr& e) {
    if (e.kind != insights::Expr::kField) return nullptr;
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
  std::set<std::string> aliases_;
  const insights::Stats* stats_ = nullptr;
};

std::string Q(const std::string& name) { return "\"" + name + "\""; }

}  // namespace

Result<std::string> AthenaQuerySql(const AthenaTable& t, std::string_view text,
                                   const AthenaTimeRange& r) {
  QueryPlan plan;
  if (Status s = insights::ParseQuery(text, &plan); !s.ok()) return s;
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
          select.push_back(e + " AS " + Q(n.name));
          ++k;
          group += (k > 1 ? ", " : "") + std::to_string(k);
        }
        for (const Named& item : c.stats.items) {
          std::string e;
          if (Status s = w.Expr(*item.expr, &e); !s.ok()) return s;
          select.push_back(e + " AS " + Q(item.name));
          w.Alias(item.name);
        }
        break;
      }
      case Command::kParse:
        return Status::InvalidArgument("parse has no Athena translation");
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
  sql += "\nFROM " + athena::From(t) + athena::Where(where);
  if (!group.empty()) sql += "\nGROUP BY " + group;
  if (!order.empty()) sql += "\nORDER BY " + order;
  if (!limit.empty()) sql += "\nLIMIT " + limit;
  return sql + ";\n";
}

}  // namespace flowmon
