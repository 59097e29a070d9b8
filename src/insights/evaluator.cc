#include "insights/evaluator.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <variant>
#include <vector>

#include "flowmon/core/ip_address.h"
#include "insights/values.h"

namespace flowmon::insights {
namespace {

// isIpInSubnet (any family), isIpv4InSubnet, isIpv6InSubnet: true when
// `addr` is an address of the wanted family inside the CIDR block `cidr`
// of the same family. An invalid block ("10.0.0.0/x", "/33") holds nothing.
bool InSubnet(std::string_view addr, std::string_view cidr,
              std::optional<IpAddress::Family> family) {
  const std::optional<IpAddress> a = IpAddress::Parse(addr);
  if (!a || (family && a->family != *family)) return false;
  const std::optional<IpNetwork> net = IpNetwork::Parse(cidr);
  return net && net->Contains(*a);
}

}  // namespace

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
      if (e.name == "isipinsubnet" || e.name == "isipv4insubnet" ||
          e.name == "isipv6insubnet") {
        if (a.size() != 2) return 0.0;
        std::optional<IpAddress::Family> family;
        if (e.name == "isipv4insubnet") family = IpAddress::Family::kV4;
        if (e.name == "isipv6insubnet") family = IpAddress::Family::kV6;
        return InSubnet(AsString(a[0]), AsString(a[1]), family) ? 1.0 : 0.0;
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

}  // namespace flowmon::insights
