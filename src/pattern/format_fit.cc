#include "flowmon/pattern/format_fit.h"

#include <fmt/format.h>

#include <vector>

namespace flowmon {
namespace {

// `name` in lower case without '_' and '-': the spelling field names are
// compared in (log_status, logStatus and log-status are one name).
std::string Folded(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '_' || c == '-') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Names AWS's examples and peer tools give the flow-log fields in
// space-delimited patterns (the VPC guide's metric filter is [version,
// account, eni, source, destination, srcport, destport="22", protocol="6",
// packets, bytes, windowstart, windowend, action="REJECT",
// flowlogstatus]), folded. `also` is a second field the name fairly
// stands for: `source` on a format with pkt-srcaddr, say.
struct Alias {
  std::string_view name;
  std::string_view field;
  std::string_view also;
};
constexpr Alias kAliases[] = {
    {"v", "version", ""},
    {"ver", "version", ""},
    {"account", "account-id", ""},
    {"acct", "account-id", ""},
    {"eni", "interface-id", ""},
    {"interface", "interface-id", ""},
    {"source", "srcaddr", "pkt-srcaddr"},
    {"src", "srcaddr", "pkt-srcaddr"},
    {"srcip", "srcaddr", "pkt-srcaddr"},
    {"sourceaddress", "srcaddr", "pkt-srcaddr"},
    {"sourceip", "srcaddr", "pkt-srcaddr"},
    {"destination", "dstaddr", "pkt-dstaddr"},
    {"dst", "dstaddr", "pkt-dstaddr"},
    {"dest", "dstaddr", "pkt-dstaddr"},
    {"dstip", "dstaddr", "pkt-dstaddr"},
    {"destinationaddress", "dstaddr", "pkt-dstaddr"},
    {"destip", "dstaddr", "pkt-dstaddr"},
    {"sport", "srcport", ""},
    {"sourceport", "srcport", ""},
    {"dport", "dstport", ""},
    {"destport", "dstport", ""},
    {"destinationport", "dstport", ""},
    {"proto", "protocol", ""},
    {"pkts", "packets", ""},
    {"windowstart", "start", ""},
    {"starttime", "start", ""},
    {"windowend", "end", ""},
    {"endtime", "end", ""},
    {"status", "log-status", ""},
    {"flowlogstatus", "log-status", ""},
    {"vpc", "vpc-id", ""},
    {"subnet", "subnet-id", ""},
    {"instance", "instance-id", ""},
    {"flags", "tcp-flags", ""},
    {"direction", "flow-direction", ""},
    {"reject", "reject-reason", ""},
};

const Alias* FindAlias(std::string_view folded) {
  for (const Alias& a : kAliases) {
    if (a.name == folded) return &a;
  }
  return nullptr;
}

// True when the pattern name `name` (which stands for `field`) may bind
// the format's field `at`.
bool NameFits(std::string_view name, const FlowField& field,
              const FlowField& at) {
  if (field.name == at.name) return true;
  const Alias* alias = FindAlias(Folded(name));
  return alias != nullptr && alias->also == at.name;
}

// The column of `schema` the name should bind: its field's, else its
// alias's second field's; -1 when the format has neither.
int ColumnFor(std::string_view name, const FlowField& field,
              const Schema& schema) {
  const int k = schema.IndexOf(field.name);
  if (k >= 0) return k;
  const Alias* alias = FindAlias(Folded(name));
  return alias != nullptr && !alias->also.empty() ? schema.IndexOf(alias->also)
                                                  : -1;
}

// "[..., action=REJECT, tcp_flags, status]": every slot whose name stands
// for a flow-log field at that field's column, every other slot with a
// condition where it binds now, the other columns by the format's names
// (the longest run of them as '...'). Empty when that cannot be written:
// a named field the format lacks, two slots for one column, a condition
// on a name that is no field where the pattern does not fit.
std::string SuggestedPattern(const CompiledPattern& pattern,
                             const Schema& schema) {
  const size_t n = schema.size();
  std::vector<const Slot*> at(n, nullptr);
  bool any = false;
  for (size_t i = 0; i < pattern.slots().size(); ++i) {
    const Slot& s = pattern.slots()[i];
    if (s.kind != Slot::Kind::kNamed) continue;
    int k = -1;
    if (const FlowField* f = FlowFieldForPatternName(s.name)) {
      k = ColumnFor(s.name, *f, schema);
      if (k < 0) return {};
    } else {
      bool has_condition = false;
      for (const Condition& c : pattern.conditions()) {
        for (const auto& group : c.any_of) {
          for (const Comparison& cmp : group) {
            has_condition = has_condition || cmp.slot == i;
          }
        }
      }
      if (!has_condition) continue;
      if (!pattern.FitsFieldCount(n)) return {};
      k = static_cast<int>(pattern.FieldIndex(s, n));
    }
    if (at[static_cast<size_t>(k)] != nullptr) return {};
    at[static_cast<size_t>(k)] = &s;
    any = true;
  }
  if (!any) return {};
  // The longest run of free columns becomes '...'.
  size_t gap_begin = 0, gap_len = 0;
  for (size_t i = 0; i < n;) {
    if (at[i] != nullptr) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && at[j] == nullptr) ++j;
    if (j - i > gap_len) {
      gap_begin = i;
      gap_len = j - i;
    }
    i = j;
  }
  if (gap_len < 2) gap_len = 0;
  std::string out = "[";
  for (size_t i = 0; i < n; ++i) {
    if (gap_len > 0 && i >= gap_begin && i < gap_begin + gap_len) {
      if (i == gap_begin) out += out.size() > 1 ? ", ..." : "...";
      continue;
    }
    if (out.size() > 1) out += ", ";
    if (at[i] != nullptr) {
      out += at[i]->text;
    } else {
      std::string name(schema.column(i).name);
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      out += name;
    }
  }
  return out + "]";
}

}  // namespace

const FlowField* FlowFieldForPatternName(std::string_view name) {
  const std::string folded = Folded(name);
  for (const FlowField& f : AllFlowFields()) {
    if (Folded(f.name) == folded) return &f;
  }
  const Alias* alias = FindAlias(folded);
  return alias != nullptr ? FindFlowField(alias->field) : nullptr;
}

std::string PatternFormatWarning(const CompiledPattern& pattern,
                                 const Schema& schema, std::string_view format,
                                 bool quote_pattern) {
  if (pattern.kind() != CompiledPattern::Kind::kSpaceDelimited ||
      schema.raw() || pattern.slots().empty()) {
    return {};
  }
  const size_t n = schema.size();
  const std::string subject =
      quote_pattern ? fmt::format("the pattern {}", pattern.text())
                    : std::string("the pattern");
  std::string problem;
  if (!pattern.FitsFieldCount(n)) {
    problem = fmt::format(
        "{} has {} fields{}, but {} has {}: it matches no record", subject,
        pattern.fixed_fields(),
        pattern.has_ellipsis() ? " besides '...'" : " and no '...'", format, n);
  } else {
    std::string wrong;
    for (const Slot& s : pattern.slots()) {
      if (s.kind != Slot::Kind::kNamed) continue;
      const FlowField* field = FlowFieldForPatternName(s.name);
      if (field == nullptr) continue;
      const size_t k = pattern.FieldIndex(s, n);
      const FlowField& bound = schema.column(k);
      if (NameFits(s.name, *field, bound)) continue;
      if (!wrong.empty()) wrong += "; ";
      const int want = ColumnFor(s.name, *field, schema);
      wrong += want >= 0 ? fmt::format(
                               "`{}` binds field {} ({}), not {} "
                               "(field {})",
                               s.name, k + 1, bound.name,
                               schema.column(static_cast<size_t>(want)).name,
                               want + 1)
                         : fmt::format(
                               "`{}` binds field {} ({}), and there "
                               "is no {}",
                               s.name, k + 1, bound.name, field->name);
    }
    if (wrong.empty()) return {};
    problem = fmt::format("{} binds fields by position: in {}, {}", subject,
                          format, wrong);
  }
  const std::string suggestion = SuggestedPattern(pattern, schema);
  if (suggestion.empty()) return problem;
  return fmt::format("{}\n  for the fields its names say: {}", problem,
                     suggestion);
}

}  // namespace flowmon
