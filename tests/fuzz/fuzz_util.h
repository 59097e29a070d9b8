// What the harnesses share: sinks that touch every byte they are given (so
// that ASan sees a view that outlives its buffer) and a quiet Diagnostics.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/record.h"
#include "flowmon/ingest/source.h"
#include "flowmon/pipeline/diagnostics.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon::fuzz {

// A checksum of bytes, so that reading them cannot be optimised away.
inline uint64_t Mix(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h ^ s.size();
}

// Reads every field and line it is given; keeps their checksum and count.
class TouchingSink : public RecordSink {
 public:
  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<TouchingSink>();
  }
  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    ++records;
    Touch(rec, ctx);
    return true;
  }
  void OnRejected(const Record& rec, const RecordContext& ctx) override {
    ++rejected;
    Touch(rec, ctx);
  }
  void OnRejectedTime(int64_t ms, std::string_view start,
                      const RecordContext&) override {
    sum ^= Mix(static_cast<uint64_t>(ms), start) * 0xc4ceb9fe1a85ec53ULL;
  }
  void Absorb(RecordSink& worker) override {
    auto& w = static_cast<TouchingSink&>(worker);
    records += w.records;
    rejected += w.rejected;
    sum ^= w.sum;
    w.records = w.rejected = w.sum = 0;
  }
  void OnInput(const Schema& schema, std::string_view header) override {
    sum ^= Mix(schema.size(), header) * 0xff51afd7ed558ccdULL;
  }

  uint64_t records = 0, rejected = 0, sum = 0;

 private:
  void Touch(const Record& rec, const RecordContext& ctx) {
    uint64_t h = Mix(0, rec.line);
    for (size_t i = 0; i < rec.size; ++i) h = Mix(h, rec.fields[i]);
    if (ctx.schema != nullptr) h += ctx.schema->size();
    // Per-record sums are XORed, so thread splits do not change the total.
    sum ^= h * 0x9e3779b97f4a7c15ULL + static_cast<uint64_t>(rec.timestamp_ms);
  }
};

// A Diagnostics that formats every message and drops it.
struct QuietDiagnostics {
  uint64_t messages = 0;
  Diagnostics diag{
      10, [this](bool, std::string_view m) { messages += m.size() + 1; }};
};

// Runs the pipeline over one source into `sink`, messages dropped.
inline PipelineStats RunOn(std::unique_ptr<Source> source,
                           const PipelineOptions& options, RecordSink* sink) {
  QuietDiagnostics quiet;
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(std::move(source));
  return RunPipeline(std::move(sources), options, sink, &quiet.diag);
}

// An input of two parts: the bytes before the first `sep` and those after
// it (`absent` when there is no `sep`).
struct TwoParts {
  std::string_view head;
  std::string rest;
};
inline TwoParts SplitAt(const uint8_t* bytes, size_t size, char sep,
                        std::string_view absent = {}) {
  const std::string_view data(reinterpret_cast<const char*>(bytes), size);
  const size_t at = data.find(sep);
  return {
      data.substr(0, at),
      std::string(at == std::string_view::npos ? absent : data.substr(at + 1))};
}

// Reads a source to its end, touching every byte and timestamp of every
// chunk; returns the bytes (lines) handed out and the final status.
struct Drained {
  std::string bytes;
  std::vector<int64_t> timestamps;
  Status status;
};
inline Drained Drain(Source& source, size_t max_chunks = 1 << 16) {
  Drained out;
  for (size_t n = 0; n < max_chunks; ++n) {
    Chunk chunk;
    out.status = source.Next(&chunk);
    if (!out.status.ok() || chunk.data.empty()) break;
    out.bytes.append(chunk.data);
    if (chunk.timestamps != nullptr) {
      // One timestamp per line: reading them all checks the array's size.
      size_t lines = 0;
      for (char c : chunk.data) lines += c == '\n';
      if (chunk.data.back() != '\n') ++lines;
      for (size_t i = 0; i < lines; ++i)
        out.timestamps.push_back(chunk.timestamps[i]);
    }
  }
  return out;
}

}  // namespace flowmon::fuzz
