#include <string>

#include "insights/ast.h"

namespace flowmon::insights {
namespace {

// Appends, so that a chain's text is built in one pass over its tree.
void AppendText(const Expr& e, std::string* out) {
  switch (e.kind) {
    case Expr::kBinary:
      AppendText(*e.args[0], out);
      *out += ' ';
      *out += e.name;
      *out += ' ';
      AppendText(*e.args[1], out);
      return;
    case Expr::kNot:
      *out += "not ";
      AppendText(*e.args[0], out);
      return;
    case Expr::kNeg:
      *out += '-';
      AppendText(*e.args[0], out);
      return;
    case Expr::kIn:
      AppendText(*e.args[0], out);
      *out += e.negated ? " not in [...]" : " in [...]";
      return;
    case Expr::kLike:
      AppendText(*e.args[0], out);
      *out += e.negated ? " not " : " ";
      *out += e.text;
      return;
    default:
      *out += e.text;
      return;
  }
}

}  // namespace

std::string ExprText(const Expr& e) {
  std::string text;
  AppendText(e, &text);
  return text;
}

}  // namespace flowmon::insights
