// The join: each alarm to the metric filter that publishes its metric (by
// metric name and namespace), then the expectations to the alarms they name.
#include <fmt/format.h>

#include <algorithm>

#include "check/loader.h"

namespace flowmon::check {
namespace {

// The alarm's dimension values in the filter's dimension order, as the
// metric's "Name=value,..." key.
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
    if (!key->empty()) key->push_back(',');
    *key += name + "=" + it->second;
  }
  return Status::Ok();
}

}  // namespace

Status Join(Definitions* defs) {
  CheckConfig* out = defs->out;
  std::vector<const FilterDef*> used;
  for (const AlarmDef& a : defs->alarms) {
    // The last filter publishing the metric, when several do.
    auto f = std::find_if(defs->filters.rbegin(), defs->filters.rend(),
                          [&](const FilterDef& candidate) {
                            return candidate.metric_name == a.metric_name &&
                                   candidate.namespace_name == a.namespace_name;
                          });
    if (f == defs->filters.rend()) {
      return ErrorAt(a.origin,
                     fmt::format("alarm '{}' watches {}/{}, which no metric "
                                 "filter in the configs publishes",
                                 a.spec.name, a.namespace_name, a.metric_name));
    }
    Monitor m;
    m.name = a.spec.name;
    m.origin = a.origin;
    m.pattern = f->pattern;
    m.metric = f->metric;
    m.metric_name = a.metric_name;
    m.namespace_name = a.namespace_name;
    m.alarm = a.spec;
    if (Status s = DimensionKey(*f, a, &m.dimension_key); !s.ok()) return s;
    used.push_back(&*f);
    out->monitors.push_back(std::move(m));
  }
  for (const FilterDef& f : defs->filters) {
    if (std::find(used.begin(), used.end(), &f) == used.end()) {
      out->warnings.push_back(Located(
          f.origin, fmt::format("metric filter '{}' ({}/{}) has no alarm in "
                                "the configs: not checked",
                                f.name, f.namespace_name, f.metric_name)));
    }
  }
  for (const auto& [name, state] : defs->expectations) {
    bool found = false;
    for (Monitor& m : out->monitors) {
      if (m.name == name) {
        m.expect = state;
        found = true;
      }
    }
    if (!found) {
      return Status::InvalidArgument(
          fmt::format("expectations: no alarm is named '{}'", name));
    }
  }
  return Status::Ok();
}

}  // namespace flowmon::check
