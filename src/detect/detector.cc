#include "detect/detector.h"

#include <algorithm>

namespace flowmon::detect {

void SampleSet::OfferFirst(const Flow& f, size_t limit) {
  if (samples_.size() >= limit) return;
  samples_.push_back({f.schema_id, std::string(f.line), 0});
}

void SampleSet::OfferHeaviest(const Flow& f, double weight, size_t limit) {
  if (limit == 0 || (samples_.size() >= limit && weight <= lightest_)) return;
  samples_.push_back({f.schema_id, std::string(f.line), weight});
  Keep(limit, true);
}

void SampleSet::Merge(SampleSet&& other, size_t limit, bool heaviest) {
  for (Sample& s : other.samples_) samples_.push_back(std::move(s));
  other.samples_.clear();
  Keep(limit, heaviest);
}

void SampleSet::Keep(size_t limit, bool heaviest) {
  if (heaviest) {
    // Heaviest first, ties by text: the same samples however the records
    // were split among workers.
    std::sort(
        samples_.begin(), samples_.end(), [](const Sample& a, const Sample& b) {
          return a.weight != b.weight ? a.weight > b.weight : a.line < b.line;
        });
  }
  if (samples_.size() > limit) samples_.resize(limit);
  lightest_ = samples_.empty() ? 0 : samples_.back().weight;
}

std::vector<int> PortIndex(const std::vector<NamedPort>& ports) {
  std::vector<int> index(65536, -1);
  for (size_t i = 0; i < ports.size(); ++i) {
    const int p = ports[i].port;
    if (p >= 0 && p < 65536 && index[static_cast<size_t>(p)] < 0) {
      index[static_cast<size_t>(p)] = static_cast<int>(i);
    }
  }
  return index;
}

std::string AddressText(const IpAddress& a) {
  std::string out;
  a.AppendTo(&out);
  return out;
}

std::string_view DirectionName(FlowDirection d) {
  switch (d) {
    case FlowDirection::kInbound:
      return "INBOUND";
    case FlowDirection::kOutbound:
      return "OUTBOUND";
    case FlowDirection::kInternal:
    case FlowDirection::kUnknown:
      break;
  }
  return "UNKNOWN";
}

}  // namespace flowmon::detect
