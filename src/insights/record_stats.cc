#include "insights/record_stats.h"

#include <cmath>
#include <variant>

#include "flowmon/core/number.h"
#include "flowmon/core/record_time.h"
#include "flowmon/core/schema.h"
#include "insights/evaluator.h"
#include "insights/field_names.h"
#include "insights/values.h"

namespace flowmon::insights {
namespace {

using Value = RecordStats::Value;

int Order(double x, double y) { return x < y ? -1 : x > y ? 1 : 0; }

}  // namespace

int RecordStats::FieldOf(const QueryPlan& plan, int slot) {
  int& f = field_of_slot_[static_cast<size_t>(slot)];
  if (f >= 0) return f;
  const std::string& name = plan.names[static_cast<size_t>(slot)];
  Field field{Field::kNone, {}};
  if (name == "@timestamp") {
    field.source = Field::kTimestamp;
  } else if (name == "@message") {
    field.source = Field::kMessage;
  } else if (const std::string_view flow = FlowFieldFor(name); !flow.empty()) {
    field.source = Field::kColumn;
    field.flow = flow;
  }
  fields_.push_back(field);
  f = static_cast<int>(fields_.size() - 1);
  return f;
}

int RecordStats::CompileTest(const QueryPlan& plan, const Expr& e) {
  Test t{};
  if (e.kind == Expr::kBinary &&
      (e.op == BinaryOp::kAnd || e.op == BinaryOp::kOr)) {
    t.kind = e.op == BinaryOp::kAnd ? Test::kAnd : Test::kOr;
    t.a = CompileTest(plan, *e.args[0]);
    t.b = CompileTest(plan, *e.args[1]);
    if (t.a < 0 || t.b < 0) return -1;
  } else if (e.kind == Expr::kNot) {
    t.kind = Test::kNot;
    t.a = CompileTest(plan, *e.args[0]);
    if (t.a < 0) return -1;
  } else if (e.kind == Expr::kBinary && e.op >= BinaryOp::kEq &&
             e.op <= BinaryOp::kGe) {
    t.kind = Test::kCompare;
    t.op = e.op;
    t.literal_left = e.args[0]->kind == Expr::kLiteral;
    const Expr& field = *e.args[t.literal_left ? 1 : 0];
    const Expr& literal = *e.args[t.literal_left ? 0 : 1];
    if (field.kind != Expr::kField || literal.kind != Expr::kLiteral) return -1;
    if (const double* d = std::get_if<double>(&literal.literal)) {
      t.literal_number = true;
      t.number = *d;
    } else if (const auto* s = std::get_if<std::string>(&literal.literal)) {
      t.text = *s;
      t.literal_number = ParseNumber(t.text, &t.number);
    } else {
      return -1;  // a null literal
    }
    t.field = FieldOf(plan, field.slot);
  } else if (e.kind == Expr::kLike && !e.regex &&
             e.args[0]->kind == Expr::kField &&
             std::holds_alternative<std::string>(e.literal)) {
    t.kind = Test::kLike;
    t.field = FieldOf(plan, e.args[0]->slot);
    t.text = std::get<std::string>(e.literal);
    t.negated = e.negated;
  } else {
    return -1;
  }
  tests_.push_back(t);
  return static_cast<int>(tests_.size() - 1);
}

std::unique_ptr<const RecordStats> RecordStats::Compile(const QueryPlan& plan) {
  if (plan.stats_at == SIZE_MAX || plan.record_end != plan.stats_at)
    return nullptr;
  std::unique_ptr<RecordStats> r(new RecordStats());
  r->field_of_slot_.assign(plan.names.size(), -1);
  for (size_t i = 0; i < plan.stats_at; ++i) {
    const Command& c = plan.commands[i];
    if (c.kind != Command::kFilter) return nullptr;
    const int t = r->CompileTest(plan, *c.filter);
    if (t < 0) return nullptr;
    r->filters_.push_back(t);
  }
  const Stats& stats = plan.commands[plan.stats_at].stats;
  for (const Named& by : stats.by) {
    const Expr& e = *by.expr;
    if (e.kind == Expr::kField) {
      r->keys_.push_back({r->FieldOf(plan, e.slot), nullptr});
    } else if (e.kind == Expr::kCall && e.fn == Function::kBin &&
               !e.args.empty() && e.args[0]->kind == Expr::kPeriod &&
               e.slot >= 0 &&
               plan.names[static_cast<size_t>(e.slot)] == "@timestamp") {
      r->keys_.push_back({r->FieldOf(plan, e.slot), &e.args[0]->period});
    } else {
      return nullptr;
    }
  }
  for (const AggregateCall& a : stats.aggregates) {
    // earliest and latest need the event's time; the general path has it.
    if (a.fn == AggregateFn::kEarliest || a.fn == AggregateFn::kLatest)
      return nullptr;
    if (!a.arg) {
      r->aggregates_.push_back({&a, -1});
    } else if (a.arg->kind == Expr::kField) {
      r->aggregates_.push_back({&a, r->FieldOf(plan, a.arg->slot)});
    } else {
      return nullptr;
    }
  }
  return r;
}

inline Value RecordStats::Read(int field, const Record& rec,
                               const RecordContext& ctx,
                               const Scratch& scratch) const {
  Value v;
  const size_t f = static_cast<size_t>(field);
  switch (fields_[f].source) {
    case Field::kTimestamp:
      if (const std::optional<int64_t> t = RecordTimeMs(rec, ctx.schema)) {
        v.kind = Value::kNumber;
        v.number = static_cast<double>(*t);
      }
      return v;
    case Field::kMessage:
      v.kind = Value::kText;
      v.text = rec.line;
      return v;
    case Field::kColumn: {
      const Scratch::Column c = scratch.columns[f];
      if (c.index < 0 || static_cast<size_t>(c.index) >= rec.size) return v;
      v.text = rec.fields[static_cast<size_t>(c.index)];
      if (c.is_int) {
        if (ParseNumber(v.text, &v.number)) {
          v.kind = Value::kNumber;
          return v;
        }
        if (v.text == "-") return v;  // NODATA: no value
      }
      v.kind = Value::kText;
      return v;
    }
    case Field::kNone:
      break;
  }
  return v;
}

bool RecordStats::Passes(int test, const Record& rec, const RecordContext& ctx,
                         const Scratch& scratch) const {
  const Test& t = tests_[static_cast<size_t>(test)];
  switch (t.kind) {
    case Test::kAnd:
      return Passes(t.a, rec, ctx, scratch) && Passes(t.b, rec, ctx, scratch);
    case Test::kOr:
      return Passes(t.a, rec, ctx, scratch) || Passes(t.b, rec, ctx, scratch);
    case Test::kNot:
      return !Passes(t.a, rec, ctx, scratch);
    case Test::kCompare:
    case Test::kLike:
      break;
  }
  const Value v = Read(t.field, rec, ctx, scratch);
  // A comparison or like with a null is false, negated or not.
  if (v.kind == Value::kNull) return false;
  if (t.kind == Test::kLike) {
    if (v.kind == Value::kText)
      return (v.text.find(t.text) != std::string_view::npos) != t.negated;
    const std::string s = AsString(v.number);
    return (s.find(t.text) != std::string::npos) != t.negated;
  }
  // Insights' order (CompareValues): numbers by value, after the other
  // values, which compare naturally.
  int c;
  if (v.kind == Value::kText && !t.literal_number &&
      (t.op == BinaryOp::kEq || t.op == BinaryOp::kNe)) {
    // Neither a number: equal in that order only when equal bytes.
    c = v.text == t.text ? 0 : 1;
  } else {
    double x = v.number;
    const bool number = v.kind == Value::kNumber || ParseNumber(v.text, &x);
    if (number && t.literal_number) {
      c = Order(x, t.number);
    } else if (number != t.literal_number) {
      c = number ? 1 : -1;
    } else {
      c = CompareText(v.text, t.text);
    }
  }
  return ComparisonHolds(t.op, t.literal_left ? -c : c);
}

void RecordStats::SetKeys(Scratch* scratch, StatsGroups* groups) const {
  // Each value is read back from its part of the key (StatsGroups), unless
  // a text holds the separator or a number's text is not its digits.
  const std::string_view key = scratch->key;
  bool plain = true;
  for (size_t i = 0, begin = 0; plain && i < keys_.size(); ++i) {
    const size_t end = scratch->part_ends[i];
    const std::string_view part = key.substr(begin, end - begin);
    begin = end + 1;
    const Value& v = scratch->key_values[i];
    KeyKind& kind = scratch->kinds[i];
    switch (v.kind) {
      case Value::kNull:
        kind = KeyKind::kNull;
        break;
      case Value::kNumber:
        kind = IsKeyDigits(part) && KeyDigitsValue(part) == v.number
                   ? KeyKind::kDigits
                   : KeyKind::kValues;
        break;
      case Value::kText:
        kind = part.find('\x1f') == std::string_view::npos ? KeyKind::kText
                                                           : KeyKind::kValues;
        break;
    }
    plain = kind != KeyKind::kValues;
  }
  if (plain) {
    groups->SetKeyKinds(scratch->kinds.data(), scratch->part_ends.data());
    return;
  }
  std::vector<QueryValue> values;
  for (const Value& v : scratch->key_values) values.push_back(ValueOf(v));
  groups->SetKeyValues(std::move(values));
}

void RecordStats::Add(const Record& rec, const RecordContext& ctx,
                      Scratch* scratch, StatsGroups* groups) const {
  // Column indexes depend on the format only (RecordContext::schema_id).
  if (ctx.schema_id != scratch->schema_id || ctx.schema_id == 0) {
    scratch->schema_id = ctx.schema_id;
    scratch->columns.assign(fields_.size(), Scratch::Column());
    scratch->last_bin.assign(keys_.size(), std::nan(""));
    scratch->last_bin_text.resize(keys_.size());
    scratch->key_values.resize(keys_.size());
    scratch->kinds.resize(keys_.size());
    scratch->part_ends.resize(keys_.size());
    if (ctx.schema != nullptr && !ctx.schema->raw()) {
      for (size_t i = 0; i < fields_.size(); ++i) {
        if (fields_[i].source != Field::kColumn) continue;
        const int c = ctx.schema->IndexOf(fields_[i].flow);
        scratch->columns[i].index = c;
        scratch->columns[i].is_int =
            c >= 0 &&
            ctx.schema->column(static_cast<size_t>(c)).type == FieldType::kInt;
      }
    }
  }
  for (const int f : filters_) {
    if (!Passes(f, rec, ctx, *scratch)) return;
  }
  // The key text GroupOf builds: each value's text and a separator, a null
  // marked so that it is not the empty string. A number's text is the
  // field's when AppendInsightsNumber would write the same digits.
  std::string& key = scratch->key;
  key.clear();
  for (size_t i = 0; i < keys_.size(); ++i) {
    const Key& k = keys_[i];
    Value v = Read(k.field, rec, ctx, *scratch);
    if (k.bin != nullptr && v.kind == Value::kNumber) {
      v.number = static_cast<double>(
          FloorToPeriod(static_cast<int64_t>(std::floor(v.number)), *k.bin));
      v.text = {};
      if (v.number != scratch->last_bin[i]) {
        scratch->last_bin[i] = v.number;
        scratch->last_bin_text[i].clear();
        AppendInsightsNumber(v.number, &scratch->last_bin_text[i]);
      }
      key.append(scratch->last_bin_text[i]);
    } else if (v.kind == Value::kText ||
               (v.kind == Value::kNumber && IsKeyDigits(v.text))) {
      key.append(v.text);
    } else if (v.kind == Value::kNumber) {
      AppendInsightsNumber(v.number, &key);
    } else {
      key.push_back('\x1e');
    }
    scratch->part_ends[i] = key.size();
    key.push_back('\x1f');
    scratch->key_values[i] = v;
  }
  bool inserted;
  AggregateState* states = groups->GroupStates(key, &inserted);
  if (inserted) SetKeys(scratch, groups);
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    const Aggregate& a = aggregates_[i];
    AggregateState& s = states[i];
    if (a.field < 0) {  // count(*)
      ++s.count;
      continue;
    }
    const Value v = Read(a.field, rec, ctx, *scratch);
    if (v.kind == Value::kNull) continue;
    const AggregateFn fn = a.call->fn;
    if (fn == AggregateFn::kCount) {
      ++s.count;
      continue;
    }
    double d = v.number;
    const bool number = v.kind == Value::kNumber || ParseNumber(v.text, &d);
    switch (fn) {
      case AggregateFn::kSum:
      case AggregateFn::kAvg:
      case AggregateFn::kStddev:
      case AggregateFn::kPct:
        if (!number) break;
        ++s.count;
        s.sum += d;
        if (fn == AggregateFn::kStddev) s.AddSquare(d);
        if (fn == AggregateFn::kPct) s.collect().values.push_back(d);
        break;
      case AggregateFn::kMin:
      case AggregateFn::kMax: {
        QueryValue& best = s.collect().best;
        const double* b = std::get_if<double>(&best);
        if (number &&
            (b != nullptr || std::holds_alternative<std::monostate>(best))) {
          if (b == nullptr || (fn == AggregateFn::kMin ? d < *b : d > *b))
            best = d;
          break;
        }
        AddAggregateValue(*a.call, ValueOf(v), 0, false, &s);
        break;
      }
      default:
        AddAggregateValue(*a.call, ValueOf(v), 0, false, &s);
        break;
    }
  }
}

}  // namespace flowmon::insights
