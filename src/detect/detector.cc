#include "detect/detector.h"

#include <algorithm>

namespace flowmon::detect {
namespace {

bool Lighter(const Sample& a, const Sample& b) { return a.weight < b.weight; }

double Lightest(const std::vector<Sample>& samples) {
  return samples.empty()
             ? 0
             : std::min_element(samples.begin(), samples.end(), Lighter)->weight;
}

}  // namespace

void SampleSet::OfferFirst(const Flow& f, size_t limit) {
  if (samples_.size() >= limit) return;
  samples_.push_back({f.schema_id, std::string(f.line), 0});
}

void SampleSet::OfferHeaviest(const Flow& f, double weight, size_t limit) {
  if (limit == 0) return;
  if (samples_.size() < limit) {
    samples_.push_back({f.schema_id, std::string(f.line), weight});
    lightest_ = Lightest(samples_);
    return;
  }
  if (weight <= lightest_) return;
  Sample& lightest = *std::min_element(samples_.begin(), samples_.end(), Lighter);
  lightest.schema_id = f.schema_id;
  lightest.line.assign(f.line);
  lightest.weight = weight;
  lightest_ = Lightest(samples_);
}

void SampleSet::Merge(SampleSet&& other, size_t limit, bool heaviest) {
  for (Sample& s : other.samples_) samples_.push_back(std::move(s));
  other.samples_.clear();
  if (heaviest) {
    std::stable_sort(
        samples_.begin(), samples_.end(),
        [](const Sample& a, const Sample& b) { return a.weight > b.weight; });
  }
  if (samples_.size() > limit) samples_.resize(limit);
  lightest_ = Lightest(samples_);
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
