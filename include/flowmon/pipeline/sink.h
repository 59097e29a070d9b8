// RecordSink: where selected records go (printer, counter, aggregators).
#pragma once

#include <memory>
#include <string_view>

#include "flowmon/core/record.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/status.h"

namespace flowmon {

// What a sink may want to know about the record besides its fields.
struct RecordContext {
  const Schema* schema = nullptr;  // the format of the current input
  // 1-based line (event) number in its input; 0 when threads scan the
  // input in parallel and the number is not known.
  uint64_t line_no = 0;
};

// Receives the records the pipeline selects. The pipeline may run several
// workers, each with its own sink from NewWorker(); it then calls Absorb()
// on the main sink with each worker, in input order, on the main thread.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // A fresh, empty sink of the same kind for one worker thread.
  virtual std::unique_ptr<RecordSink> NewWorker() const = 0;
  // Called per selected record; false stops the scan (e.g. --limit).
  // The record's views die when this returns: copy what you keep.
  virtual bool OnRecord(const Record& rec, const RecordContext& ctx) = 0;
  // A valid record the pattern did not select; called only when the
  // pipeline is asked to deliver them (PipelineOptions::deliver_rejected).
  virtual void OnRejected(const Record& /*rec*/, const RecordContext& /*ctx*/) {
  }
  // Moves a worker's results into this sink and leaves the worker empty.
  virtual void Absorb(RecordSink& worker) = 0;
  // A new input begins; `header` is its header line, or empty.
  virtual void OnInput(const Schema& /*schema*/, std::string_view /*header*/) {}
  // The end of a chunk of a live input: a chance to flush output now.
  virtual void OnLiveChunkEnd() {}
  // All input is done.
  virtual Status Finish() { return Status::Ok(); }
};

}  // namespace flowmon
