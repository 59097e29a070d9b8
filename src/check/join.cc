// The join: each alarm to the metric filter that publishes its metric, by
// metric name and namespace; an alarm no filter publishes for is skipped.
#include <fmt/format.h>

#include <algorithm>

#include "check/loader.h"
#include "flowmon/core/dimension_key.h"

namespace flowmon::check {
namespace {

// The alarm's dimension values in the filter's dimension order, as the
// metric's key (flowmon/core/dimension_key.h).
Status DimensionKey(const FilterDef& f, const AlarmDef& a, std::string* key) {
  if (a.dimensions.empty()) {
    if (f.dimension_names.empty()) return Status::Ok();
    return ErrorAt(
        a.origin,
        fmt::format("alarm '{}' has no dimensions, but filter '{}' publishes "
                    "{}/{} only with dimensions: the alarm would never get "
                    "data",
                    a.spec.name, f.name, f.namespace_name, f.metric_name));
  }
  for (const std::string& name : f.dimension_names) {
    auto it = std::find_if(a.dimensions.begin(), a.dimensions.end(),
                           [&](const auto& d) { return d.first == name; });
    if (it == a.dimensions.end() ||
        a.dimensions.size() != f.dimension_names.size()) {
      return ErrorAt(a.origin,
                     fmt::format("alarm '{}' dimensions do not match the "
                                 "dimensions of filter '{}'",
                                 a.spec.name, f.name));
    }
    AppendDimension(key, name, it->second);
  }
  return Status::Ok();
}

}  // namespace

std::vector<JoinedAlarm> Join(Definitions* defs) {
  std::vector<JoinedAlarm> out;
  for (Monitor& m : defs->monitors) {
    JoinedAlarm& j = out.emplace_back();
    j.name = m.name;
    j.origin = m.origin;
    j.monitor = std::move(m);
  }
  std::vector<const FilterDef*> used;
  for (AlarmDef& a : defs->alarms) {
    JoinedAlarm& j = out.emplace_back();
    j.name = a.spec.name;
    j.origin = a.origin;
    j.skip_reason = a.skip_reason;
    if (!j.skip_reason.empty()) continue;
    // The last filter publishing the metric, when several do.
    auto f = std::find_if(defs->filters.rbegin(), defs->filters.rend(),
                          [&](const FilterDef& candidate) {
                            return !a.metric_unknown &&
                                   candidate.metric_name == a.metric_name &&
                                   candidate.namespace_name == a.namespace_name;
                          });
    if (f == defs->filters.rend()) {
      if (a.metric_unknown) {
        j.problem = a.problem;
      } else {
        j.skip_reason = "not a log-metric alarm";
      }
      continue;
    }
    used.push_back(&*f);
    j.problem = a.problem;
    j.warnings = std::move(a.warnings);
    j.warnings_at = a.warnings_at;
    Monitor m;
    m.name = a.spec.name;
    m.origin = a.origin;
    m.pattern = f->pattern;
    m.metric = f->metric;
    m.metric_name = a.metric_name;
    m.namespace_name = a.namespace_name;
    m.alarm = a.spec;
    m.actions = a.actions;
    if (j.problem.ok()) j.problem = DimensionKey(*f, a, &m.dimension_key);
    j.monitor = std::move(m);
  }
  for (const FilterDef& f : defs->filters) {
    if (std::find(used.begin(), used.end(), &f) == used.end()) {
      defs->warnings.push_back(Located(
          f.origin, fmt::format("metric filter '{}' ({}/{}) has no alarm in "
                                "the configs: not checked",
                                f.name, f.namespace_name, f.metric_name)));
    }
  }
  return out;
}

}  // namespace flowmon::check
