// The baseline traffic of one minute (baseline.cc) and the scenarios'
// records (scenarios.cc), both built on model.h.
#pragma once

#include <cstdint>
#include <vector>

#include "flowmon/gen/traffic.h"

namespace flowmon::gen {

// Appends the normal traffic of the minute starting at `minute`.
void BaselineMinute(const std::vector<GenHost>& hosts, const GenConfig& config,
                    int64_t minute, std::vector<GenRecord>* out);

// Appends what `s` adds in that minute (nothing outside its time), or, for
// the scenarios that take records away (gap, skipdata), rewrites *out.
void InjectMinute(const TrafficGenerator::Injection& s,
                  const std::vector<GenHost>& hosts, uint64_t seed,
                  int64_t minute, std::vector<GenRecord>* out);

// Resolves a parsed scenario against the model and the run's start.
Result<TrafficGenerator::Injection> ResolveScenario(
    const GenScenario& s, const std::vector<GenHost>& hosts,
    const GenConfig& config, uint64_t stream);

}  // namespace flowmon::gen
