#include "insights/prefilter.h"

#include <string_view>
#include <variant>
#include <vector>

#include "flowmon/core/number.h"

namespace flowmon::insights {
namespace {

// Text a term pattern can quote without escapes, and that no number
// parses from: "REJECT" = "REJECT" compares bytes only when neither side
// is a number.
bool IsTermText(const QueryValue& v) {
  const std::string* s = std::get_if<std::string>(&v);
  if (s == nullptr || s->empty()) return false;
  for (const char c : *s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                    c == ':' || c == '-';
    if (!ok) return false;
  }
  double d;
  return !ParseNumber(*s, &d);
}

const std::string* TermOf(const Expr& e) {
  return e.kind == Expr::kLiteral && IsTermText(e.literal)
             ? &std::get<std::string>(e.literal)
             : nullptr;
}

// The literals the conjunction `e` requires of a kept record's fields.
void Required(const Expr& e, std::vector<const std::string*>* out) {
  if (e.kind == Expr::kBinary && e.op == BinaryOp::kAnd) {
    Required(*e.args[0], out);
    Required(*e.args[1], out);
    return;
  }
  if (e.kind == Expr::kBinary && e.op == BinaryOp::kEq) {
    const Expr& l = *e.args[0];
    const Expr& r = *e.args[1];
    if (l.kind == Expr::kField && TermOf(r) != nullptr) {
      out->push_back(TermOf(r));
    } else if (r.kind == Expr::kField && TermOf(l) != nullptr) {
      out->push_back(TermOf(l));
    }
    return;
  }
  // like "text" is a substring test; a /regex/ or not like says nothing.
  if (e.kind == Expr::kLike && !e.negated && !e.regex &&
      e.args[0]->kind == Expr::kField && IsTermText(e.literal)) {
    out->push_back(&std::get<std::string>(e.literal));
  }
}

}  // namespace

std::string PrefilterPattern(const QueryPlan& plan) {
  std::vector<const std::string*> terms;
  for (size_t i = 0; i < plan.record_end; ++i) {
    const Command& c = plan.commands[i];
    if (c.kind != Command::kFilter) break;
    Required(*c.filter, &terms);
  }
  std::string pattern;
  for (const std::string* t : terms) {
    if (!pattern.empty()) pattern += ' ';
    pattern += '"';
    pattern += *t;
    pattern += '"';
  }
  return pattern;
}

}  // namespace flowmon::insights
