// FindingBook: the findings of a run. Detectors report decisions keyed by
// who and what; a decision whose key was last seen within `renotify` is the
// same finding going on (GuardDuty aggregates repeats the same way), else a
// new one. New findings are handed out in time order at each Flush.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "detect/detector.h"
#include "detect/flow_totals.h"
#include "flowmon/core/schema.h"
#include "flowmon/detect/finding.h"

namespace flowmon::detect {

// The formats samples are in, by RecordContext::schema_id (main sink only).
struct SchemaBook {
  std::map<uint64_t, Schema> schemas;
  const Schema* Find(uint64_t id) const {
    auto it = schemas.find(id);
    return it == schemas.end() ? nullptr : &it->second;
  }
};

class FindingBook {
 public:
  using Emit = std::function<void(const Finding&)>;
  // `keep_all`: keep every finding for findings(); else only the ones that
  // may still go on (bounded memory on endless input).
  FindingBook(int64_t renotify, size_t samples, const SchemaBook* schemas,
              bool keep_all, Emit emit);

  // A detector's decision. The resource's ids come from the first sample
  // that has them. Returns false when it extended a finding already made.
  bool Report(const std::string& key, Finding f,
              const std::vector<Sample>& samples);
  // What a reported key's window gathered after the decision: figures
  // merged as in an extension, last_seen moved on; `count` unchanged.
  void Amend(const std::string& key, int64_t last_seen,
             const std::vector<FindingFigure>& figures);
  // True when `key` is a finding that may still go on at `time`.
  bool Open(const std::string& key, int64_t time) const;
  // Hands out the findings made since the last Flush, in time order, and
  // closes those not seen since `now - renotify`.
  void Flush(int64_t now);

  // The findings handed out so far, in that order.
  std::vector<Finding> All() const;

 private:
  void FillResource(const std::vector<Sample>& samples, Finding* f) const;

  int64_t renotify_;
  size_t samples_;
  const SchemaBook* schemas_;
  bool keep_all_;
  Emit emit_;
  std::map<uint64_t, Finding> findings_;  // by the order made
  uint64_t next_ = 0;
  std::unordered_map<std::string, uint64_t> open_;  // key -> findings_ key
  std::vector<uint64_t> pending_;                   // made since Flush
  std::vector<uint64_t> order_;  // with keep_all: in the order handed out
};

// Amends `key` with what its window gathered after the decision: `now`
// less `reported`, and `extra` figures.
void AmendSince(FindingBook* book, const std::string& key,
                const FlowTotals& now, const FlowTotals& reported,
                std::vector<FindingFigure> extra = {});

// Merges `figures` into `into` (summed, or the larger for peak figures).
void MergeFigures(const std::vector<FindingFigure>& figures,
                  std::vector<FindingFigure>* into);

}  // namespace flowmon::detect
