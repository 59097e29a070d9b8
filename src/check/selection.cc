// The selection: which alarms --alarm picks, what is reported of them, and
// the expectations of the configs and of --expect.
#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>

#include "check/loader.h"

namespace flowmon::check {
namespace {

bool Matches(std::string_view glob, const std::string& name) {
  return fnmatch(std::string(glob).c_str(), name.c_str(), 0) == 0;
}

Status Skipped(std::string_view who, const JoinedAlarm& a) {
  return Status::InvalidArgument(
      fmt::format("{}: alarm '{}' is skipped ({}), so its expectations cannot "
                  "be checked",
                  who, a.name, a.skip_reason));
}

// The alarms the globs pick, in config order; each glob must pick one.
Status Pick(const std::vector<std::string>& globs,
            std::vector<JoinedAlarm>* alarms) {
  if (globs.empty()) return Status::Ok();
  for (const std::string& glob : globs) {
    if (std::none_of(alarms->begin(), alarms->end(), [&](const JoinedAlarm& a) {
          return Matches(glob, a.name);
        })) {
      return Status::InvalidArgument(
          fmt::format("--alarm '{}' selects no alarm in the configs", glob));
    }
  }
  std::erase_if(*alarms, [&](const JoinedAlarm& a) {
    return std::none_of(globs.begin(), globs.end(), [&](const std::string& g) {
      return Matches(g, a.name);
    });
  });
  return Status::Ok();
}

// The configs' expectations onto the selected alarms they name.
Status ApplyConfigExpectations(const Definitions& defs,
                               std::vector<JoinedAlarm>* alarms) {
  for (const auto& [name, expect] : defs.expectations) {
    for (JoinedAlarm& a : *alarms) {
      if (a.name != name) continue;
      if (!a.monitor) return Skipped("expectations", a);
      a.monitor->expect = expect;
    }
  }
  return Status::Ok();
}

// --expect: each replaces the configs' expectations of the alarms it names;
// several naming one alarm all apply.
Status ApplyOverrides(const std::vector<ExpectationOverride>& overrides,
                      std::vector<JoinedAlarm>* alarms) {
  std::vector<std::vector<Expectation>> given(alarms->size());
  std::vector<bool> named(alarms->size(), false);
  for (const ExpectationOverride& o : overrides) {
    const JoinedAlarm* skipped = nullptr;
    bool any = false;
    for (size_t i = 0; i < alarms->size(); ++i) {
      const JoinedAlarm& a = (*alarms)[i];
      if (!Matches(o.glob, a.name)) continue;
      if (!a.monitor) {
        skipped = &a;
        continue;
      }
      any = true;
      named[i] = true;
      given[i].insert(given[i].end(), o.expect.begin(), o.expect.end());
    }
    if (!any && skipped != nullptr)
      return Skipped(fmt::format("--expect '{}'", o.text), *skipped);
    if (!any) {
      return Status::InvalidArgument(fmt::format(
          "--expect '{}': no selected alarm is named '{}'", o.text, o.glob));
    }
  }
  for (size_t i = 0; i < alarms->size(); ++i)
    if (named[i]) (*alarms)[i].monitor->expect = std::move(given[i]);
  return Status::Ok();
}

}  // namespace

Status Select(const CheckSelection& selection, Definitions* defs,
              std::vector<JoinedAlarm> alarms, CheckConfig* out) {
  for (const auto& entry : defs->expectations) {
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const std::string& name = entry.first;
    if (std::none_of(alarms.begin(), alarms.end(),
                     [&](const JoinedAlarm& a) { return a.name == name; })) {
      return Status::InvalidArgument(
          fmt::format("expectations: no alarm is named '{}'", name));
    }
  }
  if (Status s = Pick(selection.alarms, &alarms); !s.ok()) return s;
  // An alarm's warnings go where they would have been, had they not waited.
  out->warnings = std::move(defs->warnings);
  size_t inserted = 0;
  for (JoinedAlarm& a : alarms) {
    if (!a.problem.ok()) return a.problem;
    const size_t at = std::min(a.warnings_at + inserted, out->warnings.size());
    out->warnings.insert(out->warnings.begin() + at, a.warnings.begin(),
                         a.warnings.end());
    inserted += a.warnings.size();
  }
  if (Status s = ApplyConfigExpectations(*defs, &alarms); !s.ok()) return s;
  if (Status s = ApplyOverrides(selection.expect, &alarms); !s.ok()) return s;
  for (JoinedAlarm& a : alarms) {
    if (a.monitor) {
      out->monitors.push_back(std::move(*a.monitor));
    } else {
      out->skipped.push_back({a.name, a.origin, a.skip_reason});
    }
  }
  return Status::Ok();
}

}  // namespace flowmon::check
