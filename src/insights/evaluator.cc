#include "insights/evaluator.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "flowmon/core/ip_address.h"
#include "insights/values.h"

namespace flowmon::insights {
namespace {

bool IsNull(const QueryValue& v) {
  return std::holds_alternative<std::monostate>(v);
}

QueryValue Bool(bool b) { return b ? 1.0 : 0.0; }

// The text of `v` without a copy when it is a string; numbers are written
// into `buffer`. "" for null.
std::string_view TextOf(const QueryValue& v, std::string* buffer) {
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  *buffer = AsString(v);
  return *buffer;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// The byte offset of code point `n` (0-based) of UTF-8 text `s`; s.size()
// past the end.
size_t CodePointOffset(std::string_view s, int64_t n) {
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (n-- <= 0) return i;
  }
  return s.size();
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// trim, ltrim, rtrim: white space, or the characters of `chars`.
std::string Trim(std::string_view s, std::optional<std::string_view> chars,
                 bool left, bool right) {
  auto strip = [&](char c) {
    return chars ? chars->find(c) != std::string_view::npos : IsAsciiSpace(c);
  };
  size_t b = 0, e = s.size();
  if (left) {
    while (b < e && strip(s[b])) ++b;
  }
  if (right) {
    while (e > b && strip(s[e - 1])) --e;
  }
  return std::string(s.substr(b, e - b));
}

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

bool IsValidIp(const QueryValue& v, std::optional<IpAddress::Family> family) {
  const std::string* s = std::get_if<std::string>(&v);
  if (s == nullptr) return false;
  const std::optional<IpAddress> a = IpAddress::Parse(*s);
  return a && (!family || a->family == *family);
}

QueryValue Number(const QueryValue& v, double (*f)(double)) {
  double d;
  if (!AsNumber(v, &d)) return {};
  const double r = f(d);
  return std::isfinite(r) ? QueryValue(r) : QueryValue();
}

QueryValue TimeFunction(const QueryValue& v, const Period& p, bool ceil) {
  double d;
  if (!AsNumber(v, &d)) return {};
  const int64_t ms = static_cast<int64_t>(std::floor(d));
  return static_cast<double>(ceil ? CeilToPeriod(ms, p) : FloorToPeriod(ms, p));
}

QueryValue Call(const Expr& e, Scope& scope) {
  auto arg = [&](size_t i) { return Eval(*e.args[i], scope); };
  std::string buf, buf2, buf3;
  switch (e.fn) {
    case Function::kAbs:
      return Number(arg(0), [](double d) { return std::fabs(d); });
    case Function::kCeil:
      return Number(arg(0), [](double d) { return std::ceil(d); });
    case Function::kFloor:
      return Number(arg(0), [](double d) { return std::floor(d); });
    case Function::kLog:
      return Number(
          arg(0), [](double d) { return d > 0 ? std::log(d) : std::nan(""); });
    case Function::kSqrt:
      return Number(arg(0), [](double d) {
        return d >= 0 ? std::sqrt(d) : std::nan("");
      });
    case Function::kRound: {
      double d, digits = 0;
      if (!AsNumber(arg(0), &d)) return {};
      if (e.args.size() > 1 && !AsNumber(arg(1), &digits)) return {};
      const double scale = std::pow(10.0, std::trunc(digits));
      const double r = std::round(d * scale) / scale;
      return std::isfinite(r) ? QueryValue(r) : QueryValue();
    }
    case Function::kGreatest:
    case Function::kLeast: {
      std::optional<double> best;
      for (size_t i = 0; i < e.args.size(); ++i) {
        double d;
        if (!AsNumber(arg(i), &d)) continue;
        if (!best || (e.fn == Function::kGreatest ? d > *best : d < *best))
          best = d;
      }
      return best ? QueryValue(*best) : QueryValue();
    }
    case Function::kIsPresent:
      return Bool(!IsNull(arg(0)));
    case Function::kCoalesce:
      for (size_t i = 0; i < e.args.size(); ++i) {
        QueryValue v = arg(i);
        if (!IsNull(v)) return v;
      }
      return {};
    case Function::kIsEmpty: {
      const QueryValue v = arg(0);
      return Bool(IsNull(v) || TextOf(v, &buf).empty());
    }
    case Function::kIsBlank: {
      const QueryValue v = arg(0);
      if (IsNull(v)) return 1.0;
      for (const char c : TextOf(v, &buf)) {
        if (!IsAsciiSpace(c)) return 0.0;
      }
      return 1.0;
    }
    case Function::kConcat: {
      std::string out;
      bool any = false;
      for (size_t i = 0; i < e.args.size(); ++i) {
        const QueryValue v = arg(i);
        if (IsNull(v)) continue;
        any = true;
        out += TextOf(v, &buf);
      }
      return any ? QueryValue(std::move(out)) : QueryValue();
    }
    default:
      break;
  }
  // The rest take a value first and are null without one.
  if (e.fn == Function::kNow) return e.literal;
  if (e.fn == Function::kBin) {
    return TimeFunction(scope.Value(e.slot), e.args[0]->period, false);
  }
  const QueryValue first = arg(0);
  if (e.fn == Function::kIsValidIp) return Bool(IsValidIp(first, {}));
  if (e.fn == Function::kIsValidIpV4)
    return Bool(IsValidIp(first, IpAddress::Family::kV4));
  if (e.fn == Function::kIsValidIpV6)
    return Bool(IsValidIp(first, IpAddress::Family::kV6));
  if (e.fn == Function::kIsIpInSubnet || e.fn == Function::kIsIpv4InSubnet ||
      e.fn == Function::kIsIpv6InSubnet) {
    std::optional<IpAddress::Family> family;
    if (e.fn == Function::kIsIpv4InSubnet) family = IpAddress::Family::kV4;
    if (e.fn == Function::kIsIpv6InSubnet) family = IpAddress::Family::kV6;
    const QueryValue cidr = arg(1);
    return Bool(!IsNull(first) && !IsNull(cidr) &&
                InSubnet(TextOf(first, &buf), TextOf(cidr, &buf2), family));
  }
  if (e.fn == Function::kStrContains) {
    const QueryValue needle = arg(1);
    return Bool(!IsNull(first) && !IsNull(needle) &&
                TextOf(first, &buf).find(TextOf(needle, &buf2)) !=
                    std::string_view::npos);
  }
  if (IsNull(first)) return {};
  switch (e.fn) {
    case Function::kDateFloor:
    case Function::kDateCeil:
      return TimeFunction(first, e.args[1]->period,
                          e.fn == Function::kDateCeil);
    case Function::kFromMillis:
    case Function::kToMillis: {
      double d;
      return AsNumber(first, &d) ? QueryValue(d) : QueryValue();
    }
    case Function::kStrlen:
      return static_cast<double>(CodePoints(TextOf(first, &buf)));
    case Function::kToUpper:
    case Function::kToLower: {
      std::string s(TextOf(first, &buf));
      for (char& c : s) {
        if (e.fn == Function::kToUpper && c >= 'a' && c <= 'z') c -= 32;
        if (e.fn == Function::kToLower && c >= 'A' && c <= 'Z') c += 32;
      }
      return s;
    }
    case Function::kLtrim:
    case Function::kRtrim:
    case Function::kTrim: {
      std::optional<std::string_view> chars;
      QueryValue second;
      if (e.args.size() > 1) {
        second = arg(1);
        if (IsNull(second)) return {};
        chars = TextOf(second, &buf2);
      }
      return Trim(TextOf(first, &buf), chars, e.fn != Function::kRtrim,
                  e.fn != Function::kLtrim);
    }
    case Function::kSubstr: {
      double start, length = -1;
      if (!AsNumber(arg(1), &start)) return {};
      if (e.args.size() > 2 && !AsNumber(arg(2), &length)) return {};
      if (start < 0 || (e.args.size() > 2 && length < 0)) return {};
      const std::string_view s = TextOf(first, &buf);
      const size_t b = CodePointOffset(s, static_cast<int64_t>(start));
      const size_t end =
          e.args.size() > 2
              ? b + CodePointOffset(s.substr(b), static_cast<int64_t>(length))
              : s.size();
      return std::string(s.substr(b, end - b));
    }
    case Function::kReplace: {
      const QueryValue from = arg(1), to = arg(2);
      if (IsNull(from) || IsNull(to)) return {};
      const std::string_view s = TextOf(first, &buf);
      const std::string_view f = TextOf(from, &buf2);
      const std::string_view t = TextOf(to, &buf3);
      if (f.empty()) return std::string(s);
      std::string out;
      size_t at = 0;
      for (size_t hit; (hit = s.find(f, at)) != std::string_view::npos;
           at = hit + f.size()) {
        out.append(s.substr(at, hit - at));
        out.append(t);
      }
      out.append(s.substr(at));
      return out;
    }
    default:
      return {};
  }
}

QueryValue Binary(const Expr& e, Scope& scope) {
  if (e.op == BinaryOp::kAnd) {
    return Bool(Truthy(Eval(*e.args[0], scope)) &&
                Truthy(Eval(*e.args[1], scope)));
  }
  if (e.op == BinaryOp::kOr) {
    return Bool(Truthy(Eval(*e.args[0], scope)) ||
                Truthy(Eval(*e.args[1], scope)));
  }
  if (e.op >= BinaryOp::kEq && e.op <= BinaryOp::kGe) {
    std::string_view x, y;
    // Comparing two strings the record holds needs no copy of either.
    if (ViewOf(*e.args[0], scope, &x) && ViewOf(*e.args[1], scope, &y))
      return Bool(ComparisonHolds(e.op, CompareText(x, y)));
  }
  const QueryValue l = Eval(*e.args[0], scope), r = Eval(*e.args[1], scope);
  switch (e.op) {
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kMod:
    case BinaryOp::kPow: {
      double x, y;
      if (!AsNumber(l, &x) || !AsNumber(r, &y)) return {};
      if (e.op == BinaryOp::kAdd) return x + y;
      if (e.op == BinaryOp::kSub) return x - y;
      if (e.op == BinaryOp::kMul) return x * y;
      if (e.op == BinaryOp::kPow) return std::pow(x, y);
      if (y == 0) return {};
      return e.op == BinaryOp::kDiv ? x / y : std::fmod(x, y);
    }
    default:
      break;
  }
  if (IsNull(l) || IsNull(r)) return 0.0;
  return Bool(ComparisonHolds(e.op, CompareValues(l, r)));
}

}  // namespace

bool ComparisonHolds(BinaryOp op, int c) {
  switch (op) {
    case BinaryOp::kEq:
      return c == 0;
    case BinaryOp::kNe:
      return c != 0;
    case BinaryOp::kLt:
      return c < 0;
    case BinaryOp::kLe:
      return c <= 0;
    case BinaryOp::kGt:
      return c > 0;
    default:
      return c >= 0;
  }
}

bool ViewOf(const Expr& e, Scope& scope, std::string_view* out) {
  if (e.kind == Expr::kField) return scope.View(e.slot, out);
  const std::string* s =
      e.kind == Expr::kLiteral ? std::get_if<std::string>(&e.literal) : nullptr;
  if (s != nullptr) *out = *s;
  return s != nullptr;
}

QueryValue Eval(const Expr& e, Scope& scope) {
  switch (e.kind) {
    case Expr::kLiteral:
    case Expr::kPeriod:
      return e.literal;
    case Expr::kField:
      return scope.Value(e.slot);
    case Expr::kAggregate:
      return scope.Aggregate(e.aggregate);
    case Expr::kNot:
      return Bool(!Truthy(Eval(*e.args[0], scope)));
    case Expr::kNeg: {
      double v;
      return AsNumber(Eval(*e.args[0], scope), &v) ? QueryValue(-v)
                                                   : QueryValue();
    }
    case Expr::kIn: {
      const QueryValue v = Eval(*e.args[0], scope);
      bool found = false;
      for (size_t i = 1; i < e.args.size() && !found; ++i) {
        found = !IsNull(v) && CompareValues(v, Eval(*e.args[i], scope)) == 0;
      }
      return Bool(found != e.negated);
    }
    case Expr::kLike: {
      std::string_view s;
      QueryValue v;
      std::string buf;
      if (!ViewOf(*e.args[0], scope, &s)) {
        v = Eval(*e.args[0], scope);
        if (IsNull(v)) return 0.0;
        s = TextOf(v, &buf);
      }
      const bool m = e.regex
                         ? RE2::PartialMatch(
                               re2::StringPiece(s.data(), s.size()), *e.regex)
                         : s.find(std::get<std::string>(e.literal)) !=
                               std::string_view::npos;
      return Bool(m != e.negated);
    }
    case Expr::kCall:
      return Call(e, scope);
    case Expr::kBinary:
      return Binary(e, scope);
  }
  return {};
}

}  // namespace flowmon::insights
