#include "flowmon/gen/traffic.h"

#include <algorithm>

#include "gen/baseline.h"
#include "gen/model.h"

namespace flowmon::gen {

Result<TrafficGenerator> TrafficGenerator::Create(const GenConfig& config) {
  if (config.duration <= 0) {
    return Status::InvalidArgument("--duration must be more than 0");
  }
  if (!(config.volume >= 0) || config.volume > 1e7) {
    return Status::InvalidArgument("--volume must be from 0 to 10000000");
  }
  TrafficGenerator g;
  g.config_ = config;
  g.config_.start -= ((config.start % 60) + 60) % 60;
  g.hosts_ = ModelHosts();
  uint64_t stream = 1;
  for (const GenScenario& s : config.scenarios) {
    Result<Injection> in = ResolveScenario(s, g.hosts_, g.config_, stream++);
    if (!in.ok()) return in.status();
    g.injections_.push_back(std::move(*in));
  }
  return g;
}

void TrafficGenerator::Minute(int64_t minute,
                              std::vector<GenRecord>* out) const {
  out->clear();
  BaselineMinute(hosts_, config_, minute, out);
  // An ENI without traffic in a minute writes a NODATA record.
  std::vector<bool> busy(hosts_.size(), false);
  for (const GenRecord& r : *out) busy[r.host] = true;
  for (size_t h = 0; h < hosts_.size(); ++h) {
    if (busy[h]) continue;
    GenRecord g;
    g.start = minute;
    g.end = minute + 59;
    g.host = static_cast<uint16_t>(h);
    g.status = GenRecord::Status::kNoData;
    out->push_back(g);
  }
  for (const Injection& s : injections_) {
    InjectMinute(s, hosts_, config_.seed, minute, out);
  }
  std::stable_sort(
      out->begin(), out->end(), [](const GenRecord& a, const GenRecord& b) {
        return a.start != b.start ? a.start < b.start : a.host < b.host;
      });
}

void TrafficGenerator::Run(
    const std::function<bool(std::span<const GenRecord>)>& emit) const {
  std::vector<GenRecord> records;
  const int64_t end = config_.start + config_.duration;
  for (int64_t minute = config_.start; minute < end; minute += 60) {
    Minute(minute, &records);
    if (!emit(records)) return;
  }
}

}  // namespace flowmon::gen
