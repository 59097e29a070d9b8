#include "insights/plan_layout.h"

#include <algorithm>
#include <cassert>
#include <set>
#include <string>
#include <utility>

namespace flowmon::insights {
namespace {

// The column of the name `name`, one of QueryPlan::names.
Named Column(const QueryPlan& p, const std::vector<bool>& time_of_slot,
             const std::string& name) {
  Named n;
  n.slot = static_cast<int>(std::find(p.names.begin(), p.names.end(), name) -
                            p.names.begin());
  assert(static_cast<size_t>(n.slot) < p.names.size());
  n.expr = std::make_unique<Expr>();
  n.expr->kind = Expr::kField;
  n.expr->name = name;
  n.expr->text = name;
  n.expr->slot = n.slot;
  n.name = name;
  n.time = time_of_slot[static_cast<size_t>(n.slot)];
  return n;
}

ExprPtr CopyExpr(const Expr& e) {
  auto c = std::make_unique<Expr>();
  c->kind = e.kind;
  c->literal = e.literal;
  c->period = e.period;
  c->name = e.name;
  c->op = e.op;
  c->fn = e.fn;
  c->slot = e.slot;
  c->aggregate = e.aggregate;
  for (const auto& a : e.args) c->args.push_back(CopyExpr(*a));
  c->regex = e.regex;
  c->negated = e.negated;
  c->text = e.text;
  c->height = e.height;
  return c;
}

Named Copy(const Named& n) {
  Named c;
  c.expr = CopyExpr(*n.expr);
  c.name = n.name;
  c.slot = n.slot;
  c.time = n.time;
  return c;
}

void SlotsOf(const Expr& e, std::set<int>* out) {
  if (e.kind == Expr::kField ||
      (e.kind == Expr::kCall && e.fn == Function::kBin)) {
    out->insert(e.slot);
  }
  for (const auto& a : e.args) SlotsOf(*a, out);
}

// Without display or stats: @timestamp and @message until a fields
// command picks columns; the fields and parse names after.
void DefaultOutput(const std::vector<bool>& time_of_slot, QueryPlan* p) {
  std::vector<std::string> names;
  bool defaults = true;
  for (const Command& c : p->commands) {
    if (c.kind == Command::kFields) {
      defaults = false;
      for (const Named& f : c.fields) names.push_back(f.name);
    } else if (c.kind == Command::kParse) {
      names.insert(names.end(), c.parse.names.begin(), c.parse.names.end());
    }
  }
  if (defaults) names.insert(names.begin(), {"@timestamp", "@message"});
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (seen.insert(name).second)
      p->output.push_back(Column(*p, time_of_slot, name));
  }
}

// Without stats: whether the commands on rows see the events newest first,
// and what each event keeps for them and the output.
void Carry(QueryPlan* p) {
  // Insights lists events newest first; a limit or dedup before any sort
  // sees them so (AWS's dedup page).
  p->newest_first = true;
  for (const Command& c : p->commands) {
    if (c.kind == Command::kSort) {
      p->newest_first = false;
      break;
    }
    if (c.kind == Command::kLimit || c.kind == Command::kDedup) break;
  }
  std::set<int> slots;
  if (p->newest_first) slots.insert(p->timestamp_slot);
  for (size_t i = p->record_end; i < p->commands.size(); ++i) {
    const Command& c = p->commands[i];
    if (c.filter) SlotsOf(*c.filter, &slots);
    for (const Named& f : c.fields) {
      SlotsOf(*f.expr, &slots);
      if (f.slot >= 0) slots.insert(f.slot);
    }
    if (c.parse.source) SlotsOf(*c.parse.source, &slots);
    slots.insert(c.parse.slots.begin(), c.parse.slots.end());
    for (const SortKey& k : c.sort) slots.insert(k.slot);
  }
  for (const Named& o : p->output) SlotsOf(*o.expr, &slots);
  p->carried.assign(slots.begin(), slots.end());
}

}  // namespace

void LayOutPlan(const std::vector<bool>& time_of_slot, QueryPlan* p) {
  const size_t n = p->commands.size();
  p->record_end = 0;
  while (p->record_end < n && p->record_end < p->stats_at &&
         (p->commands[p->record_end].kind == Command::kFields ||
          p->commands[p->record_end].kind == Command::kParse ||
          p->commands[p->record_end].kind == Command::kFilter)) {
    ++p->record_end;
  }
  const Command* display = nullptr;
  const Command* last_stats = nullptr;
  for (const Command& c : p->commands) {
    if (c.kind == Command::kDisplay) display = &c;
    if (c.kind == Command::kStats) last_stats = &c;
  }
  if (display != nullptr) {
    for (const Named& d : display->fields) p->output.push_back(Copy(d));
  } else if (last_stats != nullptr) {
    for (const auto* list : {&last_stats->stats.by, &last_stats->stats.items}) {
      for (const Named& k : *list)
        p->output.push_back(Column(*p, time_of_slot, k.name));
    }
  } else {
    DefaultOutput(time_of_slot, p);
  }
  if (last_stats == nullptr) Carry(p);
}

}  // namespace flowmon::insights
