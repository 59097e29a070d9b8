// Detector: one kind of suspected event (a port scan, a brute force, ...).
// DetectSink gives every detector each record (Observe, on any worker),
// merges workers (Absorb, in input order) and tells the main one when
// minutes are final (Close), where it decides findings into the
// FindingBook.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/flow.h"
#include "flowmon/detect/address_list.h"
#include "flowmon/detect/detect_config.h"
#include "flowmon/detect/finding.h"

namespace flowmon::detect {

class FindingBook;

// A record kept as evidence, with the format it is in.
struct Sample {
  uint64_t schema_id = 0;
  std::string line;
  double weight = 0;  // for SampleSet::OfferHeaviest
};

// A few records of one key: the first ones offered, or the heaviest.
class SampleSet {
 public:
  void OfferFirst(const Flow& f, size_t limit);
  void OfferHeaviest(const Flow& f, double weight, size_t limit);
  // Adds other's samples (the first, or the heaviest, up to `limit`).
  void Merge(SampleSet&& other, size_t limit, bool heaviest);
  const std::vector<Sample>& samples() const { return samples_; }
  bool empty() const { return samples_.empty(); }

 private:
  // Sorts (heaviest first) when `heaviest`, and keeps `limit`.
  void Keep(size_t limit, bool heaviest);

  std::vector<Sample> samples_;
  double lightest_ = 0;  // the last (lightest) sample's weight
};

// What a detector reads besides the records. Lifetime: owned by the sink,
// outlives every detector.
struct DetectContext {
  const DetectConfig* config = nullptr;
  const AddressList* blocklist = nullptr;  // empty without --blocklist
  const AddressList* aws = nullptr;        // empty without --aws-ranges
};

class Detector {
 public:
  virtual ~Detector() = default;
  // As in DetectorNames() and the settings ("port-scan").
  virtual std::string_view name() const = 0;
  // The FlowField bits it cannot work without; a format lacking one turns
  // it off for that format (with one note).
  virtual unsigned needs() const = 0;
  // An empty detector of the same kind and config, for a worker.
  virtual std::unique_ptr<Detector> NewWorker() const = 0;
  // One record (only of formats that have what needs() says).
  virtual void Observe(const Flow& f) = 0;
  // Moves a worker's state in; state for minutes before `closed_until`
  // (already final here) is dropped and its records counted in *late.
  virtual void Absorb(Detector& worker, int64_t closed_until,
                      uint64_t* late) = 0;
  // Every minute before `closed_until` is final; `watermark` is the newest
  // event time seen (the end of the data, at the end). Decides findings.
  virtual void Close(int64_t closed_until, int64_t watermark,
                     FindingBook* book) = 0;
  // Keys dropped from full tables so far.
  virtual uint64_t dropped() const { return 0; }
};

std::unique_ptr<Detector> NewPortScanDetector(const DetectContext& context);
std::unique_ptr<Detector> NewBruteForceDetector(const DetectContext& context);
std::unique_ptr<Detector> NewPortProbeDetector(const DetectContext& context);
std::unique_ptr<Detector> NewSpikeDetector(const DetectContext& context);
std::unique_ptr<Detector> NewBlocklistDetector(const DetectContext& context);
std::unique_ptr<Detector> NewUnusualProtocolDetector(
    const DetectContext& context);
std::unique_ptr<Detector> NewExfilDetector(const DetectContext& context);
std::unique_ptr<Detector> NewGapDetector(const DetectContext& context);

// port -> index in `ports`, or -1, for all 65536 ports.
std::vector<int> PortIndex(const std::vector<NamedPort>& ports);
// The canonical text of an address ("10.0.1.5", "2001:db8::1").
std::string AddressText(const IpAddress& a);
// "INBOUND", "OUTBOUND" or "UNKNOWN" (internal flows are neither in or out).
std::string_view DirectionName(FlowDirection d);

}  // namespace flowmon::detect
