// DetectSink: every detector of `flowmon detect` in one pass over the
// records. Records are bucketed by event time (the record-time rule); a
// minute is final once the newest event time is `lateness` past its end, and
// each detector decides its findings as minutes become final, so findings
// come out while a stream is still being read. Memory stays bounded on
// endless input: windows are dropped once final, distinct counts are
// sketches, and per-window keys are capped (docs/detect.md).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "flowmon/detect/address_list.h"
#include "flowmon/detect/detect_config.h"
#include "flowmon/detect/finding.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon {

namespace detect {
class Detector;
class FindingBook;
class FlowReader;
struct SchemaBook;
}  // namespace detect

// What a run reports besides its findings.
struct DetectCounters {
  uint64_t records = 0;
  uint64_t untimed = 0;  // no CloudWatch timestamp and no start: skipped
  uint64_t late = 0;     // arrived after their minute was final: skipped
  uint64_t dropped = 0;  // keys dropped from a full table (max-keys)
};

class DetectSink : public RecordSink {
 public:
  // Called once per new finding, when it is decided, in time order.
  using Emit = std::function<void(const Finding&)>;

  // Loads the blocklists and AWS ranges the config names (errors name the
  // file). Without `keep_findings`, findings() holds only those that may
  // still go on (memory stays bounded on endless input).
  static Result<std::unique_ptr<DetectSink>> Create(const DetectConfig& config,
                                                    Emit emit,
                                                    bool keep_findings = true);
  ~DetectSink() override;

  std::unique_ptr<RecordSink> NewWorker() const override;
  bool OnRecord(const Record& rec, const RecordContext& ctx) override;
  void Absorb(RecordSink& worker) override;
  void OnInput(const Schema& schema, std::string_view header) override;
  void OnLiveChunkEnd() override { Advance(false); }
  Status Finish() override;

  // Every finding so far, in the order they were reported, with what each
  // has aggregated since (after Finish: everything).
  std::vector<Finding> findings() const;
  const DetectCounters& counters() const { return counters_; }
  // One line each: a detector off for a format that lacks its fields, and
  // the like. In the order they arose.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  DetectSink();
  // Closes the minutes the watermark made final (all, at the end).
  void Advance(bool final);
  void Note(std::string text);

  struct Shared;  // the config and lists, shared by the workers
  std::shared_ptr<const Shared> shared_;
  bool worker_ = false;
  std::vector<std::unique_ptr<detect::Detector>> detectors_;
  std::unique_ptr<detect::FlowReader> reader_;
  // The formats of the samples (a worker's move into the main sink's).
  std::shared_ptr<detect::SchemaBook> schemas_;
  std::unique_ptr<detect::FindingBook> book_;  // main only
  uint64_t schema_id_ = UINT64_MAX;            // the format usable_ is for
  std::vector<bool> usable_;          // per detector: can read that format
  int64_t watermark_ = INT64_MIN;     // newest event time, epoch seconds
  int64_t closed_until_ = INT64_MIN;  // minutes before this are final
  int64_t next_advance_ = INT64_MIN;  // the watermark that closes more
  DetectCounters counters_;
  std::vector<std::string> notes_;
  std::map<std::string, bool> noted_;
};

}  // namespace flowmon
