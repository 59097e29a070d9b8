#include "flowmon/pipeline.h"

#include <cstring>
#include <memory>
#include <thread>

#include "number.h"
#include "prefilter.h"

namespace flowmon {
namespace {

// True when every field is a flow-log field name: an S3 header line.
bool IsHeaderRecord(const Record& rec) {
  for (size_t i = 0; i < rec.size; ++i) {
    if (FindFlowField(rec.fields[i]) == nullptr) return false;
  }
  return rec.size > 0;
}

// Turns byte offsets into line numbers by counting newlines, lazily and
// only forward: needed only for the few bad lines that get reported.
class LineResolver {
 public:
  explicit LineResolver(std::string_view text) : text_(text) {}
  uint64_t LineAt(uint64_t offset) {
    while (pos_ < offset) {
      const void* nl =
          std::memchr(text_.data() + pos_, '\n', static_cast<size_t>(offset - pos_));
      if (nl == nullptr) break;
      ++line_;
      pos_ = static_cast<uint64_t>(static_cast<const char*>(nl) - text_.data()) + 1;
    }
    pos_ = std::max(pos_, offset);
    return line_;
  }

 private:
  std::string_view text_;
  uint64_t pos_ = 0;
  uint64_t line_ = 1;
};

// Scans spans of whole lines for one thread: tokenizes, validates,
// filters and hands selected records to its sink. No allocation per line.
class Worker {
 public:
  Worker(const PipelineOptions& options, RecordSink* sink)
      : options_(options),
        sink_(sink),
        finder_(options.pattern != nullptr ? options.pattern->required_literal()
                                           : std::string()) {
    bad.keep = options.max_report;
  }

  void SetSchema(const Schema* schema) {
    schema_ = schema;
    ctx_.schema = schema;
  }
  bool can_prefilter() const {
    return options_.prefilter && !options_.invert && !finder_.empty();
  }

  // Scans `span`, whose first byte is at `offset` in the input's text.
  // first_line is the span's first line number, or 0 when unknown. In
  // candidate mode only lines containing the required literal are looked
  // at. Returns false when the sink asked to stop.
  bool Scan(std::string_view span, uint64_t offset, uint64_t first_line,
            bool candidates, bool follow_headers) {
    follow_headers_ = follow_headers;
    const char* const base = span.data();
    const char* p = base;
    const char* const end = base + span.size();
    uint64_t line_no = first_line;
    while (p < end) {
      const char* line_start = p;
      if (candidates) {
        const char* hit = finder_.Find(p, end);
        if (hit == nullptr) break;
        const void* prev = memrchr(p, '\n', static_cast<size_t>(hit - p));
        line_start = prev ? static_cast<const char*>(prev) + 1 : p;
      }
      const void* nl = std::memchr(line_start, '\n',
                                   static_cast<size_t>(end - line_start));
      const char* line_end = nl ? static_cast<const char*>(nl) : end;
      if (!Line(std::string_view(line_start,
                                 static_cast<size_t>(line_end - line_start)),
                offset + static_cast<uint64_t>(line_start - base), line_no)) {
        return false;
      }
      if (line_no != 0) ++line_no;
      p = nl ? line_end + 1 : end;
    }
    return true;
  }

  // A line longer than kMaxLineBytes that a stream cut short.
  void TooLong(std::string_view start, uint64_t line_no) {
    ++stats.lines;
    bad.Add(0, line_no, start, LineError::kTooLong, kMaxLineBytes, 0, 0);
  }

  PipelineStats stats;
  BadLineLog bad;

 private:
  bool Line(std::string_view line, uint64_t offset, uint64_t line_no) {
    ++stats.lines;
    size_t column = 0;
    const LineError e = SplitFields(line, &rec_, &column);
    if (e == LineError::kBlank) {
      ++stats.blank;
      return true;
    }
    if (e != LineError::kOk) {
      bad.Add(offset, line_no, line, e, column, 0, 0);
      return true;
    }
    if (!schema_->raw()) {
      const char c = rec_.fields[0][0];
      if (c >= 'a' && c <= 'z' && IsHeaderRecord(rec_)) {
        ++stats.headers;
        if (follow_headers_) FollowHeader(rec_.line);
        return true;
      }
      if (rec_.size != schema_->size()) {
        const size_t expected = schema_->size();
        column = rec_.size > expected
                     ? static_cast<size_t>(rec_.fields[expected].data() -
                                           rec_.line.data())
                     : rec_.line.size();
        bad.Add(offset, line_no, line, LineError::kFieldCount, column,
                expected, rec_.size);
        return true;
      }
    }
    ++stats.records;
    if (!InTimeRange() ||
        (options_.pattern != nullptr &&
         options_.pattern->Matches(rec_) == options_.invert)) {
      ++stats.rejected;
      return true;
    }
    ++stats.selected;
    return sink_->OnRecord(rec_, ctx_);
  }

  bool InTimeRange() const {
    if (!options_.since && !options_.until) return true;
    const int index = schema_->start_index();
    double start;
    if (index < 0 ||
        !ParseNumber(rec_.fields[static_cast<size_t>(index)], &start)) {
      return false;
    }
    if (options_.since && start < static_cast<double>(*options_.since)) {
      return false;
    }
    if (options_.until && start >= static_cast<double>(*options_.until)) {
      return false;
    }
    return true;
  }

  // A header line in the middle of a stream (concatenated S3 files) names
  // the fields of the lines after it.
  void FollowHeader(std::string_view line) {
    std::optional<Schema> schema = Schema::FromHeaderLine(line);
    if (!schema || *schema == *schema_) return;
    own_schema_ = std::move(schema);
    SetSchema(&*own_schema_);
    sink_->OnInput(*schema_, line);
  }

  const PipelineOptions& options_;
  RecordSink* sink_;
  LiteralFinder finder_;
  const Schema* schema_ = nullptr;
  std::optional<Schema> own_schema_;
  RecordContext ctx_;
  bool follow_headers_ = false;
  Record rec_;
};

void Add(PipelineStats* total, const PipelineStats& s) {
  total->lines += s.lines;
  total->records += s.records;
  total->selected += s.selected;
  total->rejected += s.rejected;
  total->malformed += s.malformed;
  total->headers += s.headers;
  total->blank += s.blank;
}

uint64_t BadCount(const BadLineLog& log) {
  uint64_t n = 0;
  for (uint64_t c : log.counts) n += c;
  return n;
}

class Runner {
 public:
  Runner(const PipelineOptions& options, RecordSink* sink, Diagnostics* diag)
      : options_(options), sink_(sink), diag_(diag), serial_(options, sink) {}

  PipelineStats Run(const std::vector<std::string>& inputs) {
    for (const std::string& input : inputs) {
      if (stats_.stopped) break;
      Result<std::unique_ptr<Source>> opened =
          OpenSource(input, options_.source);
      if (!opened.ok()) {
        diag_->BeginSource(input);
        diag_->InputError(opened.status());
        diag_->EndSource();
        continue;
      }
      RunSource(**opened);
    }
    return stats_;
  }

  PipelineStats Run(std::vector<std::unique_ptr<Source>> sources) {
    for (auto& source : sources) {
      if (stats_.stopped) break;
      RunSource(*source);
    }
    return stats_;
  }

 private:
  void RunSource(Source& source) {
    diag_->BeginSource(source.name());
    Schema schema = options_.schema;
    bool first = true;
    uint64_t line_no = 1;
    while (!stats_.stopped) {
      Chunk chunk;
      const Status s = source.Next(&chunk);
      if (!s.ok()) {
        diag_->InputError(s);
        break;
      }
      if (chunk.too_long) {
        serial_.TooLong(chunk.data, line_no++);
        MergeBad(serial_, nullptr);
        continue;
      }
      if (chunk.data.empty()) break;
      stats_.bytes += chunk.data.size();
      std::string_view data = chunk.data;
      uint64_t offset = 0;
      if (first) {
        first = false;
        std::string_view header;
        if (!schema.raw()) {
          const size_t nl = data.find('\n');
          const std::string_view line = data.substr(0, nl);
          if (std::optional<Schema> h = Schema::FromHeaderLine(line)) {
            schema = std::move(*h);
            header = line;
            if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
            offset = nl == std::string_view::npos ? data.size() : nl + 1;
            ++stats_.lines;
            ++stats_.headers;
            ++line_no;
          }
        }
        sink_->OnInput(schema, header);
      }
      const bool whole = source.whole();
      if (whole && options_.threads > 1 && data.size() - offset > options_.span_bytes) {
        ScanParallel(data, offset, schema);
      } else {
        serial_.SetSchema(&schema);
        const bool candidates = whole && serial_.can_prefilter();
        const uint64_t lines_before = serial_.stats.lines;
        const bool go_on = serial_.Scan(data.substr(offset), offset,
                                        candidates ? 0 : line_no, candidates,
                                        /*follow_headers=*/!whole);
        line_no += serial_.stats.lines - lines_before;
        LineResolver resolver(data);
        MergeBad(serial_, &resolver);
        if (candidates) stats_.lines_counted = false;
        Add(&stats_, serial_.stats);
        serial_.stats = PipelineStats();
        if (!go_on) stats_.stopped = true;
        if (source.live()) sink_->OnLiveChunkEnd();
      }
    }
    diag_->EndSource();
  }

  void MergeBad(Worker& worker, LineResolver* resolver) {
    for (BadLine& bad : worker.bad.kept) {
      if (bad.line_no == 0 && resolver != nullptr) {
        bad.line_no = resolver->LineAt(bad.offset);
      }
    }
    stats_.malformed += BadCount(worker.bad);
    diag_->Merge(worker.bad);
    worker.bad.Clear();
  }

  // Splits a whole input into spans on line boundaries and scans them on
  // `threads` workers a round at a time; results merge in input order.
  void ScanParallel(std::string_view data, uint64_t offset,
                    const Schema& schema) {
    const unsigned threads = options_.threads;
    while (workers_.size() < threads) {
      sinks_.push_back(sink_->NewWorker());
      workers_.push_back(std::make_unique<Worker>(options_, sinks_.back().get()));
    }
    const bool candidates = workers_[0]->can_prefilter();
    if (candidates) stats_.lines_counted = false;
    LineResolver resolver(data);
    struct Span {
      uint64_t begin, end;
    };
    std::vector<Span> round;
    while (offset < data.size()) {
      round.clear();
      while (round.size() < threads && offset < data.size()) {
        uint64_t end = std::min<uint64_t>(offset + options_.span_bytes, data.size());
        if (end < data.size()) {
          const void* nl = std::memchr(data.data() + end, '\n', data.size() - end);
          end = nl ? static_cast<uint64_t>(static_cast<const char*>(nl) -
                                           data.data()) + 1
                   : data.size();
        }
        round.push_back({offset, end});
        offset = end;
      }
      auto scan = [&](size_t i) {
        Worker& w = *workers_[i];
        w.SetSchema(&schema);
        w.Scan(data.substr(round[i].begin, round[i].end - round[i].begin),
               round[i].begin, 0, candidates, /*follow_headers=*/false);
      };
      std::vector<std::thread> pool;
      for (size_t i = 1; i < round.size(); ++i) pool.emplace_back(scan, i);
      scan(0);
      for (std::thread& t : pool) t.join();
      for (size_t i = 0; i < round.size(); ++i) {
        MergeBad(*workers_[i], &resolver);
        Add(&stats_, workers_[i]->stats);
        workers_[i]->stats = PipelineStats();
        sink_->Absorb(*sinks_[i]);
      }
    }
  }

  const PipelineOptions& options_;
  RecordSink* sink_;
  Diagnostics* diag_;
  Worker serial_;
  std::vector<std::unique_ptr<RecordSink>> sinks_;
  std::vector<std::unique_ptr<Worker>> workers_;
  PipelineStats stats_;
};

}  // namespace

PipelineStats RunPipeline(const std::vector<std::string>& inputs,
                          const PipelineOptions& options, RecordSink* sink,
                          Diagnostics* diagnostics) {
  Runner runner(options, sink, diagnostics);
  return runner.Run(inputs);
}

PipelineStats RunPipeline(std::vector<std::unique_ptr<Source>> sources,
                          const PipelineOptions& options, RecordSink* sink,
                          Diagnostics* diagnostics) {
  Runner runner(options, sink, diagnostics);
  return runner.Run(std::move(sources));
}

}  // namespace flowmon
