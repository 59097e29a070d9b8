// RecordSink: where selected records go (printer, counter, aggregators).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "flowmon/core/record.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/status.h"
#include "flowmon/ingest/field_needs.h"

namespace flowmon {

// What a sink may want to know about the record besides its fields.
// Lifetime: a RecordContext and everything it points to are valid only
// during the sink call it is passed to; copy what you keep.
struct RecordContext {
  // The format of the current input. Points to a Schema the pipeline owns
  // for the duration of that input (or of the stretch of a stream up to
  // its next header line); the next input's schema may live at the same
  // address, so never use the address to tell schemas apart: use
  // schema_id.
  const Schema* schema = nullptr;
  // Identifies *schema within the process: it changes whenever the format
  // may differ from the previous record's (each input, each header line
  // that switches a stream's format), never while it stays the same. Sinks
  // that cache anything derived from the schema (column indexes, a header
  // row) key the cache on this. 0 only in hand-made contexts (tests).
  uint64_t schema_id = 0;
  // 1-based line (event) number in its input; 0 when threads scan the
  // input in parallel and the number is not known.
  uint64_t line_no = 0;
  // With a pattern set (PipelineOptions::patterns): matches[i] is 1 when
  // the record matches patterns[i], else 0. Empty without a pattern set.
  std::span<const uint8_t> matches;
};

// Apart on separate cache lines, what threads write apart: a sink and a
// worker are written per record, each on its own thread. 128, not 64: the
// prefetcher fetches lines in pairs on many x86 cores.
inline constexpr size_t kCacheLineBytes = 128;

// Receives the records the pipeline selects. The pipeline may run several
// workers, each with its own sink from NewWorker(); it then calls Absorb()
// on the main sink with each worker, in input order, on the main thread.
// A worker's sink is written per record on the worker's thread: aligned so
// that no two share a cache line.
class alignas(kCacheLineBytes) RecordSink {
 public:
  virtual ~RecordSink() = default;
  // A fresh, empty sink of the same kind for one worker thread.
  virtual std::unique_ptr<RecordSink> NewWorker() const = 0;
  // Adds to *needs every field this sink reads of the records it gets
  // (OnRecord, OnRejected, OnRejectedTime; Record::line counts as every
  // field), by name or position; the pipeline adds its pattern's. A field
  // left out may reach the sink as "-" (FieldNeeds). The default: all.
  virtual void AddNeededFields(FieldNeeds* needs) const { needs->SetAll(); }
  // Called per selected record; false stops the scan (e.g. --limit).
  // The record's views die when this returns: copy what you keep.
  virtual bool OnRecord(const Record& rec, const RecordContext& ctx) = 0;
  // A valid record the pattern did not select; called only when the
  // pipeline is asked to deliver them (PipelineOptions::deliver_rejected).
  virtual void OnRejected(const Record& /*rec*/, const RecordContext& /*ctx*/) {
  }
  // The time of a valid record the pattern did not select, when the
  // pipeline is asked for only that (PipelineOptions::
  // deliver_rejected_times): the record's CloudWatch event timestamp
  // (epoch ms, or -1) and the text of its `start` field (empty when the
  // format has none). Records the literal prefilter passed over come here
  // too, without ever being tokenized. The views die when this returns.
  virtual void OnRejectedTime(int64_t /*timestamp_ms*/,
                              std::string_view /*start*/,
                              const RecordContext& /*ctx*/) {}
  // False when OnRecord looks at nothing but the record's line, time and
  // context: the pipeline may then hand it records whose fields it did
  // not split (rec.size 0) when the pattern needs no fields either.
  virtual bool wants_fields() const { return true; }
  // True when a worker keeps output for each record it selects until
  // Absorb (a printer's text): its memory grows with the span it scans, so
  // whole inputs are cut into small spans for it (PipelineOptions).
  virtual bool holds_output() const { return false; }
  // True when a worker of this sink may scan an input before the main sink
  // got OnInput for it and before the workers of earlier inputs were
  // absorbed: OnInput changes nothing a worker does or makes, Absorb does
  // not depend on when OnInput came, and OnRecord never asks to stop. The
  // pipeline then scans a small input it opened ahead (an S3 tree of .gz
  // objects) on the thread that opened it, and absorbs it in input order.
  // Its NewWorker() is still called on the main thread.
  virtual bool scans_ahead() const { return false; }
  // Moves a worker's results into this sink and leaves the worker empty.
  virtual void Absorb(RecordSink& worker) = 0;
  // A new input begins (or a later header line switches its format):
  // `schema` is its format, valid during the call only (see
  // RecordContext::schema); `header` is its header line, or empty. Only
  // the main sink gets this, before any record of that input reaches any
  // worker (unless the sink scans_ahead()), and before any is absorbed.
  virtual void OnInput(const Schema& /*schema*/, std::string_view /*header*/) {}
  // The end of a chunk of a live input: a chance to flush output now.
  virtual void OnLiveChunkEnd() {}
  // All input is done.
  virtual Status Finish() { return Status::Ok(); }
};

}  // namespace flowmon
