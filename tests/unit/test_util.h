// Fakes and helpers shared by the unit tests.
#pragma once

#include <zlib.h>

#include <string>
#include <vector>

#include "flowmon/ingest/memory_source.h"
#include "flowmon/ingest/source.h"
#include "flowmon/pipeline/diagnostics.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon {

// The tests' older names for the memory sources.
inline std::unique_ptr<Source> NewStringSource(std::string name,
                                               std::string data, size_t block) {
  return NewMemorySource(std::move(name), std::move(data), block);
}
inline std::unique_ptr<Source> NewWholeStringSource(std::string name,
                                                    std::string data) {
  return NewWholeMemorySource(std::move(name), std::move(data));
}

}  // namespace flowmon

namespace flowmon::testing {

// gzip-compresses `text` as one member.
inline std::string Gzip(const std::string& text) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, text.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// Keeps the lines of the records it is given.
class CollectingSink : public RecordSink {
 public:
  std::vector<std::string> lines;
  std::vector<std::string> headers;
  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<CollectingSink>();
  }
  bool OnRecord(const Record& rec, const RecordContext&) override {
    lines.emplace_back(rec.line);
    return limit == 0 || lines.size() < limit;
  }
  void Absorb(RecordSink& worker) override {
    auto& w = static_cast<CollectingSink&>(worker);
    lines.insert(lines.end(), w.lines.begin(), w.lines.end());
    w.lines.clear();
  }
  void OnInput(const Schema&, std::string_view header) override {
    headers.emplace_back(header);
  }
  size_t limit = 0;
};

// A Diagnostics that keeps its messages.
struct CollectingDiagnostics {
  std::vector<std::string> warnings;
  std::vector<std::string> errors;
  Diagnostics diag{10, [this](bool is_error, std::string_view m) {
                     (is_error ? errors : warnings).emplace_back(m);
                   }};
};

// Five v2 records: two SSH and one RDP reject, an accept and a NODATA line.
inline const char* const kSampleRecords =
    "2 1 e 61.177.172.1 10.0.1.25 40000 22 6 1 40 1563108000 1563108010 REJECT "
    "OK\n"
    "2 1 e 61.177.172.1 10.0.1.25 40001 22 6 1 44 1563108070 1563108080 REJECT "
    "OK\n"
    "2 1 e 185.220.101.9 10.0.1.25 40002 3389 6 1 60 1563108130 1563108140 "
    "REJECT OK\n"
    "2 1 e 10.0.1.25 52.94.1.1 443 50000 6 10 4000 1563108190 1563108200 "
    "ACCEPT OK\n"
    "2 1 e - - - - - - - 1563108250 1563108310 - NODATA\n";

// Runs `text` through the pipeline into `sink`: one 4 KiB-block stream on one
// thread, or one whole buffer split across `options.threads`.
// The S3 header line of a format, with its '\n'.
inline std::string HeaderLine(const Schema& schema) {
  std::string line;
  for (size_t i = 0; i < schema.size(); ++i) {
    if (i > 0) line += ' ';
    line += schema.column(i).name;
  }
  return line + "\n";
}

inline PipelineStats RunOnText(RecordSink* sink, std::string_view text,
                               const PipelineOptions& options = {}) {
  CollectingDiagnostics diag;
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(options.threads > 1
                        ? NewWholeStringSource("in", std::string(text))
                        : NewStringSource("in", std::string(text), 4096));
  return RunPipeline(std::move(sources), options, sink, &diag.diag);
}

}  // namespace flowmon::testing
