// Filter patterns as SQL: SELECT * WHERE <pattern>, top N and per-period
// metric datapoints over the flow-log table.
#include <fmt/format.h>
#include <re2/re2.h>

#include "athena/ddl.h"
#include "athena/sql_common.h"
#include "flowmon/athena/athena.h"
#include "flowmon/pattern/filter_regex.h"

namespace flowmon {
namespace {

using athena::AthenaType;
using athena::From;
using athena::Quote;
using athena::ScopeConditions;
using athena::Where;

std::string Number(double v) { return fmt::format("{}", v); }

// A flowmon string test as SQL on `col` (a varchar expression).
std::string StringTest(const std::string& col, const ValueTest& v) {
  const bool eq = v.op == CompareOp::kEq;
  auto like = [](std::string s) {
    std::string out;
    for (char c : s) {
      if (c == '%' || c == '_' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  };
  switch (v.wildcard) {
    case Wildcard::kExact:
      return fmt::format("{} {} {}", col, eq ? "=" : "<>", Quote(v.text));
    case Wildcard::kPrefix:
      return fmt::format("{} {}LIKE {} ESCAPE '\\'", col, eq ? "" : "NOT ",
                         Quote(like(v.text) + "%"));
    case Wildcard::kSuffix:
      return fmt::format("{} {}LIKE {} ESCAPE '\\'", col, eq ? "" : "NOT ",
                         Quote("%" + like(v.text)));
    case Wildcard::kContains:
      return fmt::format("{} {}LIKE {} ESCAPE '\\'", col, eq ? "" : "NOT ",
                         Quote("%" + like(v.text) + "%"));
    case Wildcard::kAny:
      return eq ? "true" : "false";
    case Wildcard::kRegex:
      return fmt::format("{}regexp_like({}, {})", eq ? "" : "NOT ", col,
                         Quote(v.regex->pattern()));
  }
  return "true";
}

// The text of a column as it stands in the log line ('-' when NULL).
std::string LineColumn(const FlowField& f) {
  const std::string col = "\"" + AthenaColumn(f.name) + "\"";
  return AthenaType(f) == "string"
             ? fmt::format("coalesce({}, '-')", col)
             : fmt::format("coalesce(CAST({} AS varchar), '-')", col);
}

std::string SqlOp(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "<>";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
  }
  return "=";
}

// The WHERE conditions of a pattern over the table's columns.
Status PatternConditions(const AthenaTable& t, const CompiledPattern& p,
                         std::vector<std::string>* out) {
  const Schema& schema = t.schema;
  if (p.kind() == CompiledPattern::Kind::kJson) {
    return Status::InvalidArgument(
        "JSON patterns select JSON log events; a flow-log table has none");
  }
  if (p.kind() == CompiledPattern::Kind::kTerms) {
    // Terms look at the whole line: rebuild it from the columns.
    if (p.term_groups().empty()) return Status::Ok();  // matches everything
    std::string line = "concat_ws(' '";
    for (size_t i = 0; i < schema.size(); ++i)
      line += ", " + LineColumn(schema.column(i));
    line += ")";
    std::vector<std::string> any;
    for (const auto& group : p.term_groups()) {
      std::string all;
      for (const Term& term : group) {
        ValueTest v;
        v.op = term.exclude ? CompareOp::kNe : CompareOp::kEq;
        if (term.regex) {
          v.wildcard = Wildcard::kRegex;
          v.regex = term.regex;
        } else {
          v.wildcard = Wildcard::kContains;
          v.text = term.text;
        }
        all += (all.empty() ? "" : " AND ") + StringTest(line, v);
      }
      any.push_back(group.size() > 1 ? "(" + all + ")" : all);
    }
    std::string e;
    for (const std::string& a : any) e += (e.empty() ? "" : " OR ") + a;
    out->push_back(any.size() > 1 ? "(" + e + ")" : e);
    return Status::Ok();
  }
  const auto& slots = p.slots();
  if (slots.empty()) return Status::Ok();
  if (!p.FitsFieldCount(schema.size())) {
    return Status::InvalidArgument(
        fmt::format("the pattern names {} fields; the table's records have {}: "
                    "it would match nothing",
                    p.fixed_fields(), schema.size()));
  }
  // Column of each slot, as flowmon binds it.
  auto column_of = [&](const Slot& s) -> const FlowField& {
    return schema.column(p.FieldIndex(s, schema.size()));
  };
  std::vector<std::string> conditions;
  // Re-walk the conditions through a record-shaped probe: CompiledPattern
  // keeps them private, so translate from each named slot's comparisons.
  for (const Condition& cond : p.conditions()) {
    std::vector<std::string> any;
    for (const auto& group : cond.any_of) {
      std::vector<std::string> all;
      for (const Comparison& c : group) {
        const FlowField& f = column_of(slots[c.slot]);
        const std::string col = "\"" + AthenaColumn(f.name) + "\"";
        if (c.test.numeric) {
          const std::string expr =
              AthenaType(f) == "string"
                  ? fmt::format("try_cast({} AS double)", col)
                  : col;
          all.push_back(fmt::format("{} {} {}", expr, SqlOp(c.test.op),
                                    Number(c.test.number)));
        } else {
          all.push_back(StringTest(
              AthenaType(f) == "string" ? col : LineColumn(f), c.test));
        }
      }
      std::string g;
      for (const std::string& a : all) g += (g.empty() ? "" : " AND ") + a;
      any.push_back(all.size() > 1 && cond.any_of.size() > 1 ? "(" + g + ")"
                                                             : g);
    }
    std::string e;
    for (const std::string& a : any) e += (e.empty() ? "" : " OR ") + a;
    out->push_back(any.size() > 1 ? "(" + e + ")" : e);
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> AthenaFilterSql(const AthenaTable& t,
                                    const CompiledPattern& p,
                                    const AthenaTimeRange& r, uint64_t limit) {
  std::vector<std::string> conditions;
  if (Status s = PatternConditions(t, p, &conditions); !s.ok()) return s;
  ScopeConditions(t, r, &conditions);
  return fmt::format("SELECT *\nFROM {}{}{};\n", From(t), Where(conditions),
                     limit ? fmt::format("\nLIMIT {}", limit) : "");
}

Result<std::string> AthenaTopSql(const AthenaTable& t,
                                 const CompiledPattern* where,
                                 const AthenaTop& top,
                                 const AthenaTimeRange& r) {
  std::vector<std::string> conditions;
  if (where != nullptr) {
    if (Status s = PatternConditions(t, *where, &conditions); !s.ok()) return s;
  }
  ScopeConditions(t, r, &conditions);
  std::vector<std::string> keys;
  std::string select;
  for (const std::string& f : top.fields) {
    const size_t slash = f.find('/');
    const std::string name = f.substr(0, slash);
    if (t.schema.IndexOf(name) < 0) {
      return Status::InvalidArgument(
          fmt::format("the table has no field '{}'", name));
    }
    const std::string col = "\"" + AthenaColumn(name) + "\"";
    const std::string alias = "\"" + f + "\"";
    if (slash == std::string::npos) {
      keys.push_back(col);
      select += col + ", ";
    } else {
      const std::string expr = fmt::format(
          "CAST(ip_prefix(try_cast({} AS ipaddress), {}) AS varchar)", col,
          f.substr(slash + 1));
      keys.push_back(expr);
      select += expr + " AS " + alias + ", ";
    }
  }
  if (top.bucket_seconds > 0) {
    const std::string expr = fmt::format(
        "from_unixtime(\"start\" - \"start\" % {})", top.bucket_seconds);
    keys.push_back(expr);
    select += expr + " AS \"time\", ";
  }
  // flowmon top sums a record without the field as 0: a key of only such
  // records sums to 0, not NULL.
  const std::string value =
      top.sum.empty() ? "count(*)"
                      : fmt::format("sum(coalesce(\"{}\", 0))", top.sum);
  const std::string value_name = top.sum.empty() ? "count" : "sum_" + top.sum;
  std::string group;
  for (size_t i = 0; i < keys.size(); ++i)
    group += (i ? ", " : "") + std::to_string(i + 1);
  // In double: Trino divides bigints as integers, and x * 1.0 is a
  // DECIMAL of scale 1 (a share of 0.1288 came out as 0.1).
  return fmt::format(
      "SELECT {}{} AS \"{}\",\n  CAST({} AS double) / sum({}) OVER () AS "
      "\"share\"\nFROM {}{}\nGROUP BY {}\n"
      "ORDER BY \"{}\" DESC{};\n",
      select, value, value_name, value, value, From(t), Where(conditions),
      group, value_name, top.limit ? fmt::format("\nLIMIT {}", top.limit) : "");
}

Result<std::string> AthenaMetricSql(const AthenaTable& t,
                                    const CompiledPattern& p,
                                    const std::string& value, int64_t period,
                                    const AthenaTimeRange& r) {
  std::vector<std::string> conditions;
  if (Status s = PatternConditions(t, p, &conditions); !s.ok()) return s;
  ScopeConditions(t, r, &conditions);
  std::string agg = "count(*)", samples = "count(*)", having;
  if (value.size() > 1 && value[0] == '$') {
    const Slot* slot = p.FindNamedSlot(std::string_view(value).substr(1));
    if (slot == nullptr) {
      return Status::InvalidArgument(fmt::format(
          "metric value '{}' names no field of the pattern", value));
    }
    // PatternConditions checked that the slots fit the table.
    const FlowField& f = t.schema.column(p.FieldIndex(*slot, t.schema.size()));
    const std::string col = "\"" + AthenaColumn(f.name) + "\"";
    // A record whose value is no number publishes nothing: no sample, and
    // a period of only such records no datapoint.
    const std::string number =
        AthenaType(f) == "string" ? "try_cast(" + col + " AS double)" : col;
    agg = "sum(" + number + ")";
    samples = "count(" + number + ")";
    having = "\nHAVING " + samples + " > 0";
  } else if (value != "1") {
    agg = fmt::format("count(*) * {}", value);
  }
  return fmt::format(
      "SELECT from_unixtime(\"start\" - \"start\" % {0}) AS \"time\",\n  {1} "
      "AS \"value\",\n"
      "  {2} AS \"sample_count\"\nFROM {3}{4}\nGROUP BY 1{5}\nORDER BY 1;\n",
      period, agg, samples, From(t), Where(conditions), having);
}

}  // namespace flowmon
