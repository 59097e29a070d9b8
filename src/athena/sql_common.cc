#include "athena/sql_common.h"

#include <fmt/format.h>

#include "flowmon/core/time_util.h"

namespace flowmon {
namespace athena {
namespace {

std::string Day(int64_t t) {
  const std::string iso = FormatIso8601(t);
  return iso.substr(0, 4) + "/" + iso.substr(5, 2) + "/" + iso.substr(8, 2);
}

}  // namespace

std::string Quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

void TimeConditions(const AthenaTable& t, const AthenaTimeRange& r,
                    std::vector<std::string>* out) {
  // Partition folders are by delivery time: a record can sit in the next
  // day's folder, so the partition range is widened by a day at the end.
  if (r.since) {
    out->push_back(t.hive
                       ? fmt::format("concat(year, '/', month, '/', day) >= {}",
                                     Quote(Day(*r.since)))
                       : fmt::format("\"date\" >= {}", Quote(Day(*r.since))));
    out->push_back(fmt::format("\"start\" >= {}", *r.since));
  }
  if (r.until) {
    out->push_back(
        t.hive ? fmt::format("concat(year, '/', month, '/', day) <= {}",
                             Quote(Day(*r.until + 86400)))
               : fmt::format("\"date\" <= {}", Quote(Day(*r.until + 86400))));
    out->push_back(fmt::format("\"start\" < {}", *r.until));
  }
}

std::string Where(const std::vector<std::string>& conditions) {
  if (conditions.empty()) return "";
  std::string w = "\nWHERE ";
  for (size_t i = 0; i < conditions.size(); ++i) {
    w += (i ? "\n  AND " : "") + conditions[i];
  }
  return w;
}

std::string From(const AthenaTable& t) {
  return fmt::format("\"{}\".\"{}\"", t.database, t.table);
}

}  // namespace athena

std::vector<std::string> AthenaTimeConditions(const AthenaTable& t,
                                              const AthenaTimeRange& r) {
  std::vector<std::string> out;
  athena::TimeConditions(t, r, &out);
  return out;
}

}  // namespace flowmon
