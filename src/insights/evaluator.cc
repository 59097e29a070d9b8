#include "insights/evaluator.h"

#include <arpa/inet.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <variant>
#include <vector>

#include "insights/values.h"

namespace flowmon::insights {
namespace {

bool InSubnet(const std::string& addr, const std::string& cidr, bool v4_only) {
  const size_t slash = cidr.find('/');
  const std::string net = cidr.substr(0, slash);
  const int bits =
      slash == std::string::npos ? -1 : std::atoi(cidr.c_str() + slash + 1);
  unsigned char a[16], n[16];
  size_t len = 4;
  if (inet_pton(AF_INET, addr.c_str(), a) == 1 &&
      inet_pton(AF_INET, net.c_str(), n) == 1) {
    len = 4;
  } else if (!v4_only && inet_pton(AF_INET6, addr.c_str(), a) == 1 &&
             inet_pton(AF_INET6, net.c_str(), n) == 1) {
    len = 16;
  } else {
    return false;
  }
  const int total = bits < 0 ? static_cast<int>(len * 8) : bits;
  for (size_t i = 0; i < len; ++i) {
    const int keep = std::clamp(total - static_cast<int>(i * 8), 0, 8);
    const unsigned char mask = static_cast<unsigned char>(0xff << (8 - keep));
    if ((a[i] & mask) != (n[i] & mask)) return false;
  }
  return true;
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
      if (e.name == "isipv4insubnet" || e.name == "isipinsubnet") {
        if (a.size() != 2) return 0.0;
        return InSubnet(AsString(a[0]), AsString(a[1]),
                        e.name == "isipv4insubnet")
                   ? 1.0
                   : 0.0;
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
