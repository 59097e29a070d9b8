// Pipeline: reads inputs, tokenizes lines, validates them against the
// format, applies the time range and the pattern, and feeds a RecordSink.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "flowmon/core/schema.h"
#include "flowmon/ingest/source.h"
#include "flowmon/pattern/pattern.h"
#include "flowmon/pipeline/diagnostics.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon {

// Where a run is, for progress bars.
struct PipelineProgress {
  size_t inputs_done = 0;
  size_t inputs_total = 0;
  // Input bytes read: on disk, so compressed bytes for gzip
  // (Source::bytes_consumed), comparable with the files' sizes.
  uint64_t bytes_done = 0;
  uint64_t lines = 0;
};

struct PipelineOptions {
  Schema schema = Schema::DefaultV2();  // for inputs without a header line
  // Not owned: the patterns must outlive the RunPipeline call.
  const CompiledPattern* pattern = nullptr;  // nullptr selects every record
  // A pattern set instead of one pattern (REQUIRES: pattern == nullptr):
  // a record is selected when it matches at least one of them, and
  // RecordContext::matches says which. Each pattern is matched once per
  // tokenized record. The prefilter then passes over only the lines that
  // contain none of the patterns' required literals; it is off when one of
  // the patterns has no required literal.
  std::vector<const CompiledPattern*> patterns;
  bool invert = false;           // select records that match no pattern
  std::optional<int64_t> since;  // start >= since (epoch seconds)
  std::optional<int64_t> until;  // start < until
  unsigned threads = 1;          // workers for mapped inputs
  // Tokenize only lines that contain the pattern's required literal (the
  // others are still counted and their field counts validated).
  bool prefilter = true;
  // Hand records the pattern rejects to RecordSink::OnRejected (turns the
  // prefilter off: every record must be tokenized).
  bool deliver_rejected = false;
  // The same, but only for live inputs (pipes): a streaming sink then sees
  // every record's time, to close periods on time.
  bool deliver_rejected_when_live = false;
  // Hand only the time of each record the pattern rejects to
  // RecordSink::OnRejectedTime (where OnRejected is not called instead):
  // the prefilter stays on, and reads only the `start` field of the lines
  // it passes over. Records outside since/until are not delivered.
  bool deliver_rejected_times = false;
  // Typed output: a selected record with an integer field that holds
  // neither digits nor "-" is a malformed line (LineError::kBadValue), not
  // a record. Checks only the records the pattern selects, so the
  // prefilter stays on.
  bool check_values = false;
  size_t max_report = 10;  // bad lines printed in full
  // Threads take a whole input in rounds of spans, one per thread, of this
  // many bytes. 0: chosen per input: 8 MiB for a sink that holds output
  // per record (RecordSink::holds_output), which bounds its memory; else a
  // quarter of a thread's share, at least 8 MiB, as each round ends at a
  // barrier whose waits cost less when rounds are few (docs/benchmarks.md).
  // Tests set a few bytes to put span boundaries everywhere.
  size_t span_bytes = 0;
  // The blocks a mapped file's spans are copied in (Source::CopyOut); 0:
  // 256 KiB. Tests set a few bytes.
  size_t copy_block_bytes = 0;
  SourceOptions source;
  // Called on the main thread after each chunk, round of spans and input.
  std::function<void(const PipelineProgress&)> progress;
};

// Totals of a run. lines = records + malformed + headers + blank, and
// records = selected + rejected.
struct PipelineStats {
  uint64_t lines = 0;
  uint64_t records = 0;
  uint64_t selected = 0;
  uint64_t rejected = 0;
  uint64_t malformed = 0;
  uint64_t headers = 0;
  uint64_t blank = 0;
  uint64_t bytes = 0;
  bool stopped = false;  // the sink asked to stop
};

// Runs every input through the pipeline into `sink`. Input errors go to
// `diagnostics` and the run goes on with the next input.
PipelineStats RunPipeline(const std::vector<std::string>& inputs,
                          const PipelineOptions& options, RecordSink* sink,
                          Diagnostics* diagnostics);

// The same over sources that are already open (tests use string sources).
PipelineStats RunPipeline(std::vector<std::unique_ptr<Source>> sources,
                          const PipelineOptions& options, RecordSink* sink,
                          Diagnostics* diagnostics);

}  // namespace flowmon
