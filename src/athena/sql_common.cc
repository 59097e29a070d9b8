#include "athena/sql_common.h"

#include <fmt/format.h>

#include "flowmon/core/time_util.h"

namespace flowmon {
namespace athena {
namespace {

// The partition folder an instant falls in: "yyyy/MM/dd" and "HH".
struct Folder {
  std::string day, hour;
};
Folder FolderOf(int64_t epoch_seconds) {
  const UtcTime u = ToUtc(epoch_seconds * 1000);
  return {fmt::format("{:04}/{:02}/{:02}", u.year, u.month, u.day),
          fmt::format("{:02}", u.hour)};
}

// "col" = 'a', or "col" IN ('a', 'b').
std::string OneOf(const std::string& column,
                  const std::vector<std::string>& values) {
  if (values.size() == 1)
    return fmt::format("\"{}\" = {}", column, Quote(values[0]));
  std::string list;
  for (const std::string& v : values)
    list += (list.empty() ? "" : ", ") + Quote(v);
  return fmt::format("\"{}\" IN ({})", column, list);
}

// The conditions for records in folders at or after (`after`) or at or
// before `f`. Hive folders compare as one "yyyy/MM/dd[/HH]" text; the
// default layout's `day` is compared alone, so that the date projection
// can prune, and the hour beside it.
void FolderBound(const AthenaTable& t, const Folder& f, bool after,
                 std::vector<std::string>* out) {
  const char* op = after ? ">=" : "<=";
  if (t.hive) {
    out->push_back(
        t.per_hour
            ? fmt::format("concat(year, '/', month, '/', day, '/', hour) {} {}",
                          op, Quote(f.day + "/" + f.hour))
            : fmt::format("concat(year, '/', month, '/', day) {} {}", op,
                          Quote(f.day)));
    return;
  }
  out->push_back(fmt::format("\"day\" {} {}", op, Quote(f.day)));
  if (t.per_hour) {
    out->push_back(fmt::format("(\"day\" {} {} OR \"hour\" {} {})",
                               after ? ">" : "<", Quote(f.day), op,
                               Quote(f.hour)));
  }
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

void ScopeConditions(const AthenaTable& t, const AthenaTimeRange& r,
                     std::vector<std::string>* out) {
  if (!t.accounts.empty()) out->push_back(OneOf("accid", t.accounts));
  if (!t.regions.empty()) out->push_back(OneOf(t.RegionPartition(), t.regions));
  // Folders are by delivery time, after a record's start: the lower bound
  // is the folder of `since`; the upper one is widened by a folder (a day,
  // or an hour on hourly tables) for records still being delivered.
  if (r.since) {
    FolderBound(t, FolderOf(*r.since), true, out);
    out->push_back(fmt::format("\"start\" >= {}", *r.since));
  }
  if (r.until) {
    FolderBound(t, FolderOf(*r.until + (t.per_hour ? 3600 : 86400)), false,
                out);
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

std::vector<std::string> AthenaScopeConditions(const AthenaTable& t,
                                               const AthenaTimeRange& r) {
  std::vector<std::string> out;
  athena::ScopeConditions(t, r, &out);
  return out;
}

}  // namespace flowmon
