#include "insights/event_commands.h"

#include <algorithm>
#include <variant>

#include "insights/values.h"

namespace flowmon::insights {
namespace {

void Extract(const Extraction& x, Scope& scope, EventScratch* scratch) {
  std::string_view text;
  bool has_text =
      x.source->kind == Expr::kField && scope.View(x.source->slot, &text);
  // Setting a name the text is from would pull it from under the groups.
  if (has_text && std::find(x.slots.begin(), x.slots.end(), x.source->slot) !=
                      x.slots.end()) {
    scratch->text.assign(text.data(), text.size());
    text = scratch->text;
  }
  if (!has_text) {
    const QueryValue source = Eval(*x.source, scope);
    has_text = !std::holds_alternative<std::monostate>(source);
    scratch->text = AsString(source);
    text = scratch->text;
  }
  const int n = x.regex->NumberOfCapturingGroups() + 1;
  scratch->groups.resize(static_cast<size_t>(n));
  const bool matched =
      has_text &&
      x.regex->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                     RE2::UNANCHORED, scratch->groups.data(), n);
  for (size_t i = 0; i < x.slots.size(); ++i) {
    const re2::StringPiece g =
        matched ? scratch->groups[static_cast<size_t>(x.groups[i])]
                : re2::StringPiece();
    if (g.data() == nullptr) {
      scope.Set(x.slots[i], QueryValue());
    } else {
      scope.Set(x.slots[i], std::string(g.data(), g.size()));
    }
  }
}

}  // namespace

bool ApplyEventCommand(const Command& c, Scope& scope, EventScratch* scratch) {
  switch (c.kind) {
    case Command::kFilter:
      return Truthy(Eval(*c.filter, scope));
    case Command::kFields:
      for (const Named& n : c.fields) scope.Set(n.slot, Eval(*n.expr, scope));
      return true;
    case Command::kParse:
      Extract(c.parse, scope, scratch);
      return true;
    default:
      return true;
  }
}

std::string ToRe2Syntax(std::string_view regex) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    auto next_is = [&](char n) {
      return i + 1 < regex.size() && regex[i + 1] == n;
    };
    if (c == '\\' && i + 1 < regex.size()) {
      out += regex.substr(i, 2);
      ++i;
    } else if (in_class) {
      in_class = c != ']';
      out += c;
    } else if (c == '[') {
      in_class = true;
      out += c;
      // A ']' first in a class ("[]a]", "[^]a]") is a member.
      if (next_is('^')) out += regex[++i];
      if (next_is(']')) out += regex[++i];
    } else if (regex.substr(i).starts_with("(?<") && i + 3 < regex.size() &&
               regex[i + 3] != '=' && regex[i + 3] != '!') {
      out += "(?P<";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string GlobToRegex(std::string_view glob) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= glob.size(); ++i) {
    if (i < glob.size() && glob[i] != '*') continue;
    const std::string_view literal = glob.substr(start, i - start);
    out += RE2::QuoteMeta(re2::StringPiece(literal.data(), literal.size()));
    if (i < glob.size()) out += i + 1 == glob.size() ? "(.*)" : "(.*?)";
    start = i + 1;
  }
  return out;
}

}  // namespace flowmon::insights
