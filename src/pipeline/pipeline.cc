// The pipeline's runner and worker. One file, over 600 lines, on purpose:
// the Worker's hot loop (fused scan, tokenizing, header lines, time range,
// match) and the Runner that feeds it spans and merges them in input order
// share one set of invariants about line numbers and span boundaries, and
// both are private to this file (anonymous namespace) so the compiler can
// inline across them. Splitting them is a next step once the Worker's state
// has its own header.
#include "flowmon/pipeline/pipeline.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <span>

#include "flowmon/core/number.h"
#include "flowmon/core/record_time.h"
#include "flowmon/pattern/format_fit.h"
#include "flowmon/pattern/pattern_set.h"
#include "flowmon/scan/tokenizer.h"
#include "pipeline/copied_blocks.h"
#include "pipeline/header_line.h"
#include "pipeline/needed_fields.h"
#include "pipeline/task_pool.h"
#include "scan/line_scan.h"
#include "scan/plain_field.h"
#include "scan/prefilter.h"

namespace flowmon {
namespace {

// A new RecordContext::schema_id: unique in the process.
uint64_t NewSchemaId() {
  static std::atomic<uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

// The bytes the prefilter looks for: the rarest byte of each pattern's
// required literal. Empty (no prefilter) when a pattern has no literal, so
// that any line could match it, or when there are too many to look for.
std::string PrefilterBytes(const std::vector<const CompiledPattern*>& set) {
  std::string bytes;
  for (const CompiledPattern* p : set) {
    const std::string& literal = p->required_literal();
    if (literal.empty()) return {};
    const char c = RarestByte(literal);
    if (bytes.find(c) == std::string::npos) bytes.push_back(c);
  }
  return bytes.size() <= kMaxRareBytes ? bytes : std::string();
}

// The message for a binary input: where its first NUL byte is (ripgrep's
// words), and what to do about it. `head`: its first bytes, if at hand.
std::string BinaryInputMessage(std::string_view name, uint64_t offset,
                               std::string_view head) {
  return fmt::format(
      "{}: skipped binary file (found \"\\0\" byte at offset {}); {}", name,
      offset,
      head.starts_with("PAR1")
          ? "it is Parquet: flowmon reads Parquet from files, not streams"
          : "--input-format text reads it as text");
}

// The patterns of a run that cannot mean what they say on the records of
// a format (pattern/format_fit.h): one warning per pattern and format, at
// the first input in that format. Main thread only.
class FormatFitWarnings {
 public:
  FormatFitWarnings(const PipelineOptions& options, Diagnostics* diag)
      : diag_(diag) {
    if (options.pattern != nullptr) {
      patterns_.push_back(options.pattern);
    } else {
      patterns_ = options.patterns;
    }
  }

  void BeginSource(std::string_view name) { source_ = std::string(name); }

  // `schema` is the format of records from here on, from `origin`.
  void Check(const Schema& schema, FormatOrigin origin) {
    if (schema.raw() || patterns_.empty()) return;
    for (const Schema& seen : seen_) {
      if (seen == schema) return;
    }
    seen_.push_back(schema);
    const std::string format =
        origin == FormatOrigin::kHeaderLine
            ? fmt::format("the header line of {}", source_)
        : origin == FormatOrigin::kOption
            ? std::string("the format of --format")
            : std::string("the default format (v2)");
    for (const CompiledPattern* p : patterns_) {
      const std::string warning =
          PatternFormatWarning(*p, schema, format, patterns_.size() > 1);
      if (!warning.empty()) diag_->Warning(warning);
    }
  }

 private:
  std::vector<const CompiledPattern*> patterns_;
  Diagnostics* diag_;
  std::string source_;
  std::vector<Schema> seen_;
};

// Scans spans of whole lines for one thread: tokenizes, validates,
// filters and hands selected records to its sink. No allocation per line.
// Aligned to its own cache lines: two workers' records and counts, written
// per line on two threads, must not share one (docs/benchmarks.md,
// "False sharing").
class alignas(kCacheLineBytes) Worker {
 public:
  Worker(const Worker&) = delete;  // matches_ points into itself
  Worker& operator=(const Worker&) = delete;
  Worker(const PipelineOptions& options, RecordSink* sink)
      : options_(options), sink_(sink) {
    bad.keep = options.max_report;
    if (options.pattern != nullptr) {
      patterns_.push_back(options.pattern);
    } else if (!options.patterns.empty()) {
      patterns_ = options.patterns;
      multi_ = true;
      set_ = PatternSet(patterns_);
      // Written per record: on cache lines no other thread writes (the
      // heap would put two workers' few bytes side by side).
      const size_t n = patterns_.size();
      matches_storage_.assign(n + 2 * kCacheLineBytes, 0);
      const uintptr_t at = reinterpret_cast<uintptr_t>(matches_storage_.data());
      matches_ =
          matches_storage_.data() + (kCacheLineBytes - at % kCacheLineBytes);
      ctx_.matches = std::span<const uint8_t>(matches_, n);
    }
    if (!patterns_.empty()) rare_ = PrefilterBytes(patterns_);
    // Term (and JSON) patterns look at the line alone: a line the scan
    // found counted and without special bytes is a record as it stands.
    line_patterns_ = !patterns_.empty() && !options.check_values;
    for (const CompiledPattern* p : patterns_) {
      if (p->kind() == CompiledPattern::Kind::kSpaceDelimited) {
        line_patterns_ = false;
      }
    }
    sink_wants_fields_ = sink->wants_fields();
    can_prefilter_ = options.prefilter && !options.invert && !rare_.empty();
    SetLive(false);
  }

  // Live inputs may need every record delivered (deliver_rejected_when_live).
  void SetLive(bool live) {
    deliver_rejected_ = options_.deliver_rejected ||
                        (live && options_.deliver_rejected_when_live);
    prefilter_ = can_prefilter_ && !deliver_rejected_;
  }

  // `schema` must stay valid while this worker scans with it; `id` is its
  // RecordContext::schema_id.
  void SetSchema(const Schema* schema, uint64_t id) {
    if (options_.check_values && id != ctx_.schema_id) {
      int_columns_.clear();
      for (size_t i = 0; !schema->raw() && i < schema->size(); ++i) {
        if (schema->column(i).type == FieldType::kInt) {
          int_columns_.push_back(i);
        }
      }
    }
    schema_ = schema;
    ctx_.schema = schema;
    ctx_.schema_id = id;
  }

  // Scans `span` (whole lines). Bad lines get line numbers counted from 1
  // at the first line this worker saw since its stats were last reset; the
  // runner adds the base. Returns false when the sink asked to stop or,
  // with new_format set, at a header line naming another format.
  // `timestamps`: one per line of the span (CloudWatch inputs) or null;
  // `first_line`: the span's first line number, or 0 when unknown.
  bool Scan(std::string_view span, const int64_t* timestamps = nullptr,
            uint64_t first_line = 0) {
    timestamps_ = timestamps;
    first_line_ = first_line;
    span_line_ = 0;
    span_begin_ = span.data();
    readable_end_ = span.data() + span.size();
    new_format.reset();
    return prefilter_ ? ScanPrefiltered(span) : ScanAll(span);
  }

  // A header line naming another format ended the last Scan: the format,
  // the header line (a view into the span, without a trailing '\r'), where
  // the span goes on after it and how many of the lines that Scan saw came
  // before that (the header line included).
  struct NewFormat {
    Schema schema;
    std::string_view header;
    size_t resume;
    uint64_t lines;
  };
  std::optional<NewFormat> new_format;

  // A line longer than kMaxLineBytes that a stream cut short.
  void TooLong(std::string_view start) {
    bad.Add(++stats.lines, start, LineError::kTooLong, kMaxLineBytes, 0, 0);
  }

  PipelineStats stats;
  BadLineLog bad;
  // What ScanCopied copies this worker's spans into (empty until then).
  std::vector<char> copy_buffer;

 private:
  // Tokenizes, validates and filters one line.
  bool Line(std::string_view line) {
    const uint64_t line_no = ++stats.lines;
    const uint64_t index = span_line_++;
    rec_.timestamp_ms = timestamps_ != nullptr ? timestamps_[index] : -1;
    ctx_.line_no = first_line_ != 0 ? first_line_ + index : 0;
    size_t column = 0;
    const LineError e = SplitFields(line, &rec_, &column, readable_end_);
    // A blank line of a text file is skipped; a CloudWatch event (it has a
    // timestamp) that is only white space is still an event: "" and " "
    // match it, as in CloudWatch.
    if (e == LineError::kBlank && timestamps_ == nullptr) {
      ++stats.blank;
      return true;
    }
    if (e != LineError::kOk && e != LineError::kBlank) {
      bad.Add(line_no, line, e, column, 0, 0);
      return true;
    }
    if (!schema_->raw()) {
      if (IsHeaderLine(rec_)) return LaterHeader(line_no, line);
      if (rec_.size != schema_->size()) {
        const size_t expected = schema_->size();
        column = rec_.size > expected
                     ? static_cast<size_t>(rec_.fields[expected].data() -
                                           rec_.line.data())
                     : rec_.line.size();
        bad.Add(line_no, line, LineError::kFieldCount, column, expected,
                rec_.size);
        return true;
      }
    }
    ++stats.records;
    const std::string_view start = StartField(rec_, schema_);
    if (!InTimeRange(rec_.timestamp_ms, start)) {
      ++stats.rejected;
      return true;
    }
    if (!Selected()) {
      ++stats.rejected;
      if (deliver_rejected_) {
        sink_->OnRejected(rec_, ctx_);
      } else if (options_.deliver_rejected_times) {
        sink_->OnRejectedTime(rec_.timestamp_ms, StartField(rec_, schema_),
                              ctx_);
      }
      return true;
    }
    // A selected record whose start no time can be (9.2e18, 1e300) is a bad
    // value, whatever the output: it would otherwise count nowhere, or
    // everywhere at once. Only selected records, as the prefilter never
    // reads the lines it passes over (docs/record-time.md).
    if (BadStart(start)) {
      --stats.records;
      bad.Add(line_no, line, LineError::kBadValue,
              static_cast<size_t>(start.data() - rec_.line.data()), 0, 0,
              "start");
      return true;
    }
    if (options_.check_values) {
      if (const size_t k = BadIntegerColumn(); k < rec_.size) {
        // Not a record after all: a line with a bad value is malformed.
        --stats.records;
        bad.Add(line_no, line, LineError::kBadValue,
                static_cast<size_t>(rec_.fields[k].data() - rec_.line.data()),
                0, 0, schema_->column(k).name);
        return true;
      }
    }
    ++stats.selected;
    return sink_->OnRecord(rec_, ctx_);
  }

  // A line the scan found plain but for a rare byte (line_scan.h), with
  // patterns that look at the line alone: matched without tokenizing. What
  // Line() would decide otherwise (a selected record whose start no time
  // can be, or for a sink that wants its fields) goes to Line().
  bool PlainLine(std::string_view line) {
    const uint64_t index = span_line_;
    rec_.line = line;
    rec_.size = 0;
    rec_.timestamp_ms = timestamps_ != nullptr ? timestamps_[index] : -1;
    // `start` is read only when something asks for it: a range, the
    // rejected records' times, or a selected record's bad-value check.
    const bool wants_time =
        options_.since || options_.until || options_.deliver_rejected_times;
    const std::string_view start =
        wants_time ? PlainStart(line) : std::string_view();
    ctx_.line_no = first_line_ != 0 ? first_line_ + index : 0;
    if (!InTimeRange(rec_.timestamp_ms, start)) {
      CountPlain(false);
      return true;
    }
    if (!Selected()) {
      CountPlain(false);
      if (options_.deliver_rejected_times) {
        sink_->OnRejectedTime(rec_.timestamp_ms, start, ctx_);
      }
      return true;
    }
    if (sink_wants_fields_ || BadStart(wants_time ? start : PlainStart(line))) {
      return Line(line);
    }
    CountPlain(true);
    return sink_->OnRecord(rec_, ctx_);
  }

  // The start field of a plain line (empty when the format has none).
  std::string_view PlainStart(std::string_view line) const {
    const int index = schema_->start_index();
    return index >= 0
               ? PlainField(line, static_cast<size_t>(index), schema_->size())
               : std::string_view();
  }

  // A start no time can be, on a record without an event timestamp (which
  // wins over start: core/record_time.h).
  bool BadStart(std::string_view start) const {
    return !start.empty() && rec_.timestamp_ms < 0 && StartOutOfRange(start);
  }

  void CountPlain(bool selected) { AddPlain(1, selected ? 1 : 0); }

  // `n` plain lines, records all, `selected` of them selected: the one
  // place plain lines are counted (passed over or matched alone).
  void AddPlain(uint64_t n, uint64_t selected) {
    span_line_ += n;
    stats.lines += n;
    stats.records += n;
    stats.selected += selected;
    stats.rejected += n - selected;
  }

  // The first integer column of rec_ that holds neither digits nor "-",
  // or rec_.size.
  size_t BadIntegerColumn() const {
    for (const size_t k : int_columns_) {
      const std::string_view v = rec_.fields[k];
      if (!IsMissing(v) && !IsDecimalDigits(v)) return k;
    }
    return rec_.size;
  }

  // Matches the pattern(s); with a set, fills matches_ for the context.
  bool Selected() {
    if (patterns_.empty()) return true;
    if (!multi_) return patterns_.front()->Matches(rec_) != options_.invert;
    return set_.Match(rec_, matches_) != options_.invert;
  }

  // The one record-time rule (core/record_time.h): an event timestamp wins.
  bool InTimeRange(int64_t event_timestamp_ms, std::string_view start) const {
    if (!options_.since && !options_.until) return true;
    const std::optional<int64_t> ms = RecordTimeMs(event_timestamp_ms, start);
    if (!ms) return false;
    if (options_.since && *ms < *options_.since * 1000) return false;
    if (options_.until && *ms >= *options_.until * 1000) return false;
    return true;
  }

  // A header line (rec_) after an input's first line: S3 objects
  // concatenated (`zcat *.gz |`, `cat a.log b.log >`), each object's first
  // line naming its format. One naming the format being read is skipped.
  // One naming another stops the scan (false): the lines after it are in
  // its format, which the runner sets for this worker and every span after
  // it (Runner::TakeFormat), in a mapped file and in a stream alike. One
  // whose format cannot be read is a malformed line.
  bool LaterHeader(uint64_t line_no, std::string_view line) {
    std::optional<Schema> named = HeaderLineSchema(rec_);
    if (!named) {
      bad.Add(line_no, line, LineError::kUnreadableHeader, 0, 0, 0);
      return true;
    }
    ++stats.headers;
    if (*named == *schema_) return true;
    const char* const after = line.data() + line.size();
    new_format.emplace(NewFormat{
        std::move(*named), rec_.line,
        static_cast<size_t>((after < readable_end_ ? after + 1 : after) -
                            span_begin_),
        span_line_});
    return false;
  }

  bool ScanAll(std::string_view span) {
    const char* p = span.data();
    const char* const end = p + span.size();
    while (p < end) {
      const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
      const char* line_end = nl ? static_cast<const char*>(nl) : end;
      if (!Line(std::string_view(p, static_cast<size_t>(line_end - p)))) {
        return false;
      }
      p = nl ? line_end + 1 : end;
    }
    return true;
  }

  // Only lines that may match are tokenized; the others are counted and
  // their field counts checked (line_scan.h).
  bool ScanPrefiltered(std::string_view span) {
    const char* const end = span.data() + span.size();
    next_plain_ = span.data();
    auto full = [](void* ctx, std::string_view line, uint64_t plain_before,
                   bool counted) {
      Worker* self = static_cast<Worker*>(ctx);
      self->PassOver(plain_before, line.data());
      const char* const after = line.data() + line.size();
      self->next_plain_ = after < self->readable_end_ ? after + 1 : after;
      if (counted && self->line_patterns_ && !self->deliver_rejected_ &&
          !LineHasSpecialByte(line, self->readable_end_)) {
        return self->PlainLine(line);
      }
      return self->Line(line);
    };
    uint64_t plain_tail = 0;
    if (!ScanForCandidates(span, schema_->raw() ? 0 : schema_->size(), rare_,
                           kMaxLineBytes, full, this, &plain_tail)) {
      return false;  // the sink asked to stop
    }
    PassOver(plain_tail, end);
    return true;
  }

  // The `n` lines from next_plain_ to `end`: valid records without any of
  // the patterns' literals, so they cannot match. Only counted, unless the
  // sink wants their times.
  void PassOver(uint64_t n, const char* end) {
    if (n == 0) return;
    if (options_.deliver_rejected_times) DeliverTimes(n, end);
    AddPlain(n, 0);
  }

  void DeliverTimes(uint64_t n, const char* end) {
    const char* p = next_plain_;
    for (uint64_t i = 0; i < n && p < end; ++i) {
      const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
      const char* const line_end = nl ? static_cast<const char*>(nl) : end;
      const std::string_view line(p, static_cast<size_t>(line_end - p));
      const std::string_view start = PlainStart(line);
      const uint64_t at = span_line_ + i;
      const int64_t timestamp_ms =
          timestamps_ != nullptr ? timestamps_[at] : -1;
      if (InTimeRange(timestamp_ms, start)) {
        ctx_.line_no = first_line_ != 0 ? first_line_ + at : 0;
        sink_->OnRejectedTime(timestamp_ms, start, ctx_);
      }
      p = nl ? line_end + 1 : end;
    }
  }

  const PipelineOptions& options_;
  RecordSink* sink_;
  std::vector<const CompiledPattern*> patterns_;
  bool multi_ = false;  // a pattern set: fill matches_
  PatternSet set_;      // patterns_, when multi_
  // Per pattern of the set: matches_[0, patterns_.size()), inside
  // matches_storage_ and starting on a cache line of it.
  std::vector<uint8_t> matches_storage_;
  uint8_t* matches_ = nullptr;
  std::string rare_;  // the prefilter's bytes
  bool can_prefilter_ = false;
  bool line_patterns_ = false;  // no pattern needs fields (PlainLine)
  bool sink_wants_fields_ = true;
  bool prefilter_ = false;
  bool deliver_rejected_ = false;
  const Schema* schema_ = nullptr;
  std::vector<size_t> int_columns_;  // of schema_, with check_values
  RecordContext ctx_;
  const char* span_begin_ = nullptr;     // of the span being scanned
  const char* readable_end_ = nullptr;   // end of the span being scanned
  const char* next_plain_ = nullptr;     // where passed-over lines begin
  const int64_t* timestamps_ = nullptr;  // per line of the span, or null
  uint64_t first_line_ = 0;              // of the span, 0 when unknown
  uint64_t span_line_ = 0;               // lines of the span seen so far
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

// Whether `input` may open on a thread of its own ahead of its turn: a
// regular .gz file small enough to be inflated whole with a few others in
// memory at once. Not streams (opening a FIFO waits for its writer) nor
// remote inputs.
bool OpensAhead(const std::string& input) {
  constexpr off_t kMaxAheadBytes = 8 << 20;
  struct stat st;
  return input.ends_with(".gz") && ::stat(input.c_str(), &st) == 0 &&
         S_ISREG(st.st_mode) && st.st_size <= kMaxAheadBytes;
}

// The format of an input from its first line: the header line's when it
// is one, else `option` (--format or the default).
struct FirstLine {
  Schema schema = Schema::DefaultV2();
  FormatOrigin origin = FormatOrigin::kDefault;
  std::string_view header;  // the header line without a '\r', or empty
  size_t consumed = 0;      // bytes of `data` the header line takes
};
FirstLine ReadFirstLine(std::string_view data, const Schema& option,
                        Record* scratch) {
  FirstLine first;
  first.schema = option;
  if (!option.raw()) {
    const size_t nl = data.find('\n');
    size_t column = 0;
    std::optional<Schema> h;
    if (SplitFields(data.substr(0, nl), scratch, &column,
                    data.data() + data.size()) == LineError::kOk) {
      h = HeaderLineSchema(*scratch);
    }
    if (h) {
      first.schema = std::move(*h);
      first.header = scratch->line;  // without a trailing '\r'
      first.consumed = nl == std::string_view::npos ? data.size() : nl + 1;
    }
  }
  first.origin = !first.header.empty()           ? FormatOrigin::kHeaderLine
                 : option == Schema::DefaultV2() ? FormatOrigin::kDefault
                                                 : FormatOrigin::kOption;
  return first;
}

// A small input opened ahead of its turn (OpensAhead) and, when the sink
// allows it (RecordSink::scans_ahead), scanned on the same thread: its
// one chunk on a worker and sink of its own, which the runner absorbs in
// input order as if it had scanned them itself.
struct AheadInput {
  Result<std::unique_ptr<Source>> source = Status::Ok();
  // Made on the main thread; null when the input is not scanned ahead.
  std::unique_ptr<RecordSink> sink;
  std::unique_ptr<Worker> worker;
  // The chunk and status Next() gave, when it was called (`fetched`);
  // once scanned, the first line's format (it points into the chunk) and
  // whether the scan went to the chunk's end (else a later header line or
  // the sink stopped it).
  bool fetched = false;
  bool scanned = false;
  bool went_on = true;
  Chunk chunk;
  Status status;
  Record first_record;
  FirstLine first;
};

// On the thread that opened `ahead`: scans its whole chunk when it is a
// plain chunk of text the runner would scan from its first byte to its
// end on one worker (not binary, no event timestamps).
void ScanAhead(const PipelineOptions& options, AheadInput* ahead) {
  if (!ahead->source.ok() || ahead->worker == nullptr) return;
  Source& source = **ahead->source;
  if (!source.whole()) return;
  ahead->status = source.Next(&ahead->chunk);
  ahead->fetched = true;
  const std::string_view data = ahead->chunk.data;
  if (!ahead->status.ok() || ahead->chunk.too_long || data.empty() ||
      ahead->chunk.timestamps != nullptr) {
    return;
  }
  if (options.source.input_format != InputFormat::kText &&
      data.substr(0, kBinaryProbeBytes).find('\0') != std::string_view::npos) {
    return;
  }
  ahead->first = ReadFirstLine(data, options.schema, &ahead->first_record);
  Worker& w = *ahead->worker;
  w.SetSchema(&ahead->first.schema, NewSchemaId());
  ahead->went_on = w.Scan(data.substr(ahead->first.consumed), nullptr,
                          ahead->first.consumed != 0 ? 2 : 1);
  ahead->scanned = true;
}

class Runner {
 public:
  Runner(const PipelineOptions& options, RecordSink* sink, Diagnostics* diag)
      : options_(options),
        sink_(sink),
        diag_(diag),
        fit_(options, diag),
        serial_(options, sink) {}

  PipelineStats Run(const std::vector<std::string>& inputs) {
    progress_.inputs_total = inputs.size();
    // Remote inputs may fetch only the records the range can select.
    SourceOptions source = options_.source;
    source.remote.since = options_.since;
    source.remote.until = options_.until;
    // Column-wise inputs (Parquet) decode only what the run observes.
    source.fields = NeededFields(options_, *sink_);
    source.threads = options_.threads;
    // Opening a small .gz inflates it whole (one thread's work, several
    // times the scan's): the next ones open on threads of their own while
    // this one is scanned, as many as there are workers, so a tree of S3
    // objects inflates on every core. Inputs still run in order.
    // A sink that allows it has them scanned there too (ScanAhead), as two
    // processes would: 1.9x one thread on 2 cores, where inflating ahead
    // and scanning on the main thread made 1.6-1.8x (docs/benchmarks.md).
    std::deque<std::future<std::unique_ptr<AheadInput>>> opening;
    size_t next = 0;  // of the inputs, the next to start opening
    auto open_ahead = [&](size_t i) {
      while (next < inputs.size() && next <= i + options_.threads - 1 &&
             options_.threads > 1 && OpensAhead(inputs[next])) {
        auto ahead = std::make_unique<AheadInput>();
        if (sink_->scans_ahead()) {
          ahead->sink = sink_->NewWorker();
          ahead->worker = std::make_unique<Worker>(options_, ahead->sink.get());
        }
        opening.push_back(
            open_pool_.Submit([this, &input = inputs[next], source,
                               ahead = std::move(ahead)]() mutable {
              ahead->source = OpenSource(input, source);
              ScanAhead(options_, ahead.get());
              return std::move(ahead);
            }));
        ++next;
      }
    };
    open_ahead(0);  // the first too: no core waits while it inflates
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (stats_.stopped || InputStopRequested()) break;
      const std::string& input = inputs[i];
      std::unique_ptr<AheadInput> ahead;
      if (i < next) {
        ahead = opening.front().get();
        opening.pop_front();
      } else {
        next = i + 1;
        ahead = std::make_unique<AheadInput>();
        ahead->source = OpenSource(input, source);
      }
      open_ahead(i + 1);
      if (!ahead->source.ok()) {
        diag_->BeginSource(input);
        diag_->InputError(ahead->source.status());
        diag_->EndSource();
        ++progress_.inputs_done;
        continue;
      }
      RunSource(**ahead->source, ahead->fetched ? ahead.get() : nullptr);
    }
    return stats_;
  }

  PipelineStats Run(std::vector<std::unique_ptr<Source>> sources) {
    progress_.inputs_total = sources.size();
    for (auto& source : sources) {
      if (stats_.stopped || InputStopRequested()) break;
      RunSource(*source);
    }
    return stats_;
  }

 private:
  // `ahead`: the input's first chunk as ScanAhead fetched (and maybe
  // scanned) it, or null.
  void RunSource(Source& source, AheadInput* ahead = nullptr) {
    diag_->BeginSource(source.name());
    fit_.BeginSource(source.name());
    InputFormats formats;
    bool first = true;
    bool take_ahead = ahead != nullptr;  // its chunk, not Next()'s, is first
    uint64_t line_no = 1;                // of the next line to scan
    // Bytes of plain text looked at for a NUL byte so far; forced text
    // (--input-format text) is never binary.
    uint64_t probed = options_.source.input_format == InputFormat::kText
                          ? kBinaryProbeBytes
                          : 0;
    // A stop request (SIGINT) ends the run between chunks, as streams end
    // at their next read: sinks still finish their output.
    while (!stats_.stopped && !InputStopRequested()) {
      Chunk chunk;
      const Status s = take_ahead ? ahead->status : source.Next(&chunk);
      if (take_ahead) chunk = ahead->chunk;
      take_ahead = false;
      if (!s.ok()) {
        diag_->InputError(s);
        break;
      }
      // A first line over the line limit is looked at too: a stream of
      // NUL bytes (/dev/zero) has no newline to end it.
      if (probed < kBinaryProbeBytes && chunk.timestamps == nullptr) {
        const std::string_view probe =
            chunk.data.substr(0, kBinaryProbeBytes - probed);
        const size_t nul = probe.find('\0');
        if (nul != std::string_view::npos) {
          diag_->InputError(Status::Corrupt(
              BinaryInputMessage(source.name(), probed + nul,
                                 first ? chunk.data : std::string_view())));
          break;
        }
        probed += probe.size();
      }
      if (chunk.too_long) {
        serial_.TooLong(chunk.data);
        Collect(serial_, &line_no);
        continue;
      }
      if (chunk.data.empty()) break;
      stats_.bytes += chunk.data.size();
      std::string_view data = chunk.data;
      const int64_t* timestamps = chunk.timestamps;
      if (first) {
        first = false;
        const bool scanned = ahead != nullptr && ahead->scanned;
        FirstLine line =
            scanned ? ahead->first
                    : ReadFirstLine(data, options_.schema, &header_record_);
        if (line.consumed != 0) {
          data.remove_prefix(line.consumed);
          if (timestamps != nullptr) ++timestamps;
          ++stats_.lines;
          ++stats_.headers;
          ++line_no;
        }
        TakeFormat(std::move(line.schema), line.origin, line.header, &formats);
        if (scanned) {
          // Absorbed as the serial worker's scan would be: a sink that asked
          // to stop ends the run (scans_ahead sinks never do).
          std::optional<Worker::NewFormat> later =
              std::move(ahead->worker->new_format);
          Collect(*ahead->worker, &line_no);
          sink_->Absorb(*ahead->sink);
          if (!ahead->went_on && !later) stats_.stopped = true;
          if (later) {
            TakeFormat(std::move(later->schema), FormatOrigin::kHeaderLine,
                       later->header, &formats);
            serial_.SetLive(false);
            if (!ScanSerial(data.substr(later->resume), nullptr, &formats,
                            &line_no)) {
              stats_.stopped = true;
            }
          }
          Report(source.bytes_consumed());
          continue;
        }
      }
      const CopiedInput input{
          source.copies_out() && timestamps == nullptr ? &source : nullptr,
          data, static_cast<size_t>(data.data() - chunk.data.data())};
      if (source.whole() && options_.threads > 1 &&
          data.size() > SpanBytes(data.size())) {
        if (!ScanParallel(input, source.size_hint(), &formats, &line_no)) {
          stats_.stopped = true;
        }
      } else if (input.source != nullptr) {
        serial_.SetLive(false);
        bool cut = false;  // the source reports it at its end of input
        if (!ScanSerialCopied(input, 0, data.size(), &formats, &line_no,
                              &cut)) {
          stats_.stopped = true;
        }
        Report(source.bytes_consumed());
      } else {
        serial_.SetLive(source.live());
        if (!ScanSerial(data, timestamps, &formats, &line_no)) {
          stats_.stopped = true;
        }
        if (source.live()) {
          // A pipe hears at once when none of its lines fits the format.
          diag_->Settle();
          sink_->OnLiveChunkEnd();
        }
        Report(source.bytes_consumed());
      }
    }
    diag_->EndSource();
    ++progress_.inputs_done;
    finished_bytes_ += std::max(source.size_hint(), source.bytes_consumed());
    Report(0);
  }

  // The formats of the input being read, in the order its header lines
  // named them: workers, sinks and RecordContext point to them until the
  // input ends.
  struct InputFormats {
    std::deque<Schema> schemas;
    uint64_t id = 0;  // the RecordContext::schema_id of schemas.back()
  };

  // From here on, the input's records are in `schema` (from its first
  // line, --format or the default; or a later header line, `header` then).
  void TakeFormat(Schema schema, FormatOrigin origin, std::string_view header,
                  InputFormats* formats) {
    formats->schemas.push_back(std::move(schema));
    formats->id = NewSchemaId();
    const Schema& taken = formats->schemas.back();
    diag_->SetFormat(origin, taken.size());
    fit_.Check(taken, origin);
    serial_.SetSchema(&taken, formats->id);
    sink_->OnInput(taken, header);
  }

  // Scans `data` on the serial worker, taking the format of each header
  // line that names another one (Worker::LaterHeader) and going on after
  // it. False when the sink asked to stop.
  bool ScanSerial(std::string_view data, const int64_t* timestamps,
                  InputFormats* formats, uint64_t* line_no) {
    for (;;) {
      const bool go_on = serial_.Scan(data, timestamps, *line_no);
      std::optional<Worker::NewFormat> next = std::move(serial_.new_format);
      Collect(serial_, line_no);
      if (go_on) return true;
      if (!next) return false;
      TakeFormat(std::move(next->schema), FormatOrigin::kHeaderLine,
                 next->header, formats);
      data.remove_prefix(next->resume);
      if (timestamps != nullptr) timestamps += next->lines;
    }
  }

  // ScanSerial over input.data[begin, end), from copies when it can.
  // *cut: the file ends sooner now (ScanCopied).
  bool ScanSerialCopied(const CopiedInput& input, size_t begin, size_t end,
                        InputFormats* formats, uint64_t* line_no, bool* cut) {
    UseCopyBuffer(&serial_, input);
    return ScanCopied(input, begin, end, &serial_.copy_buffer, cut,
                      [&](std::string_view block, size_t) {
                        return ScanSerial(block, nullptr, formats, line_no);
                      });
  }

  // Gives `worker` its copy buffer when `input` is copied.
  void UseCopyBuffer(Worker* worker, const CopiedInput& input) const {
    // Small enough that a block and the scan's working set stay in a
    // core's L2; measured in docs/benchmarks.md ("Copied blocks").
    constexpr size_t kCopyBlockBytes = 256 << 10;
    if (input.source != nullptr && worker->copy_buffer.empty()) {
      worker->copy_buffer.resize(options_.copy_block_bytes != 0
                                     ? options_.copy_block_bytes
                                     : kCopyBlockBytes);
    }
  }

  // Runs scan(0) here and scan(1..n-1) on the pool; returns once every one
  // has ended, and then rethrows the first exception one threw: the tasks
  // use the caller's frame.
  void RunRound(size_t n, const std::function<void(size_t)>& scan) {
    std::vector<std::future<void>> scanned;
    std::exception_ptr failed;
    try {
      for (size_t i = 1; i < n; ++i) {
        scanned.push_back(scan_pool_.Submit([&scan, i] { scan(i); }));
      }
      scan(0);
    } catch (...) {
      failed = std::current_exception();
    }
    for (std::future<void>& f : scanned) {
      try {
        f.get();
      } catch (...) {
        if (!failed) failed = std::current_exception();
      }
    }
    if (failed) std::rethrow_exception(failed);
  }

  // `current` is how far into the current input the scan is, when known.
  void Report(uint64_t current) {
    if (!options_.progress) return;
    progress_.bytes_done = finished_bytes_ + current;
    progress_.lines = stats_.lines;
    options_.progress(progress_);
  }

  // Moves a worker's counts and bad lines into the run; *line_no is the
  // number of the worker's first line and advances past its lines.
  void Collect(Worker& worker, uint64_t* line_no) {
    for (BadLine& bad : worker.bad.kept) bad.line_no += *line_no - 1;
    stats_.malformed += BadCount(worker.bad);
    diag_->Merge(worker.bad, worker.stats.records);
    worker.bad.Clear();
    *line_no += worker.stats.lines;
    Add(&stats_, worker.stats);
    worker.stats = PipelineStats();
  }

  // The span of a whole input of `input_bytes` (PipelineOptions::span_bytes).
  size_t SpanBytes(size_t input_bytes) const {
    if (options_.span_bytes != 0) return options_.span_bytes;
    constexpr size_t kSmallSpan = 8 << 20;
    if (sink_->holds_output()) return kSmallSpan;
    return std::max(kSmallSpan, input_bytes / (size_t{options_.threads} * 4));
  }

  // Splits a whole input into spans on line boundaries and scans them on
  // `threads` workers a round at a time; results merge in input order.
  // `input_bytes` is the input's size before gzip was undone (0: unknown),
  // for progress.
  // A header line naming another format ends its worker's span; the spans
  // after it in the round, read in the format before it, are dropped (their
  // workers and sinks made anew; each stopped at its own first header, so
  // little is lost). The span after it is read on the serial worker, and
  // so is each next one while they switch formats too: an input of many
  // small objects (`cat *.log`) does not start a round of threads per
  // object. False when the sink asked to stop.
  bool ScanParallel(const CopiedInput& input, uint64_t input_bytes,
                    InputFormats* formats, uint64_t* line_no) {
    const std::string_view data = input.data;
    const unsigned threads = options_.threads;
    while (workers_.size() < threads) {
      sinks_.push_back(sink_->NewWorker());
      workers_.push_back(
          std::make_unique<Worker>(options_, sinks_.back().get()));
    }
    struct Span {
      size_t begin, end;
    };
    const size_t span_bytes = SpanBytes(data.size());
    // The end of the span from `begin`: span_bytes on, then the line's end.
    auto span_end = [&](size_t begin) {
      const size_t end = std::min(begin + span_bytes, data.size());
      if (end == data.size()) return end;
      const void* nl = std::memchr(data.data() + end, '\n', data.size() - end);
      return nl ? static_cast<size_t>(static_cast<const char*>(nl) -
                                      data.data()) +
                      1
                : data.size();
    };
    auto report = [&](size_t offset) {
      // The same share of the input's bytes as of `data` (gzip inflated).
      const double share =
          static_cast<double>(offset) / static_cast<double>(data.size());
      Report(input_bytes == 0 ? offset
                              : static_cast<uint64_t>(
                                    share * static_cast<double>(input_bytes)));
    };
    std::vector<Span> round;
    std::vector<char> cuts;  // per span of the round: the file ended in it
    size_t offset = 0;
    bool serial = false;  // the last span switched formats
    while (offset < data.size() && !InputStopRequested()) {
      if (serial) {
        const size_t end = span_end(offset);
        const uint64_t id = formats->id;
        serial_.SetLive(false);
        bool cut = false;
        if (!ScanSerialCopied(input, offset, end, formats, line_no, &cut)) {
          return false;
        }
        if (cut) return true;  // the file ends here now
        serial = formats->id != id;
        offset = end;
        report(offset);
        continue;
      }
      round.clear();
      while (round.size() < threads && offset < data.size()) {
        const size_t end = span_end(offset);
        round.push_back({offset, end});
        offset = end;
      }
      const Schema* const schema = &formats->schemas.back();
      const uint64_t schema_id = formats->id;
      cuts.assign(round.size(), 0);
      auto scan = [&](size_t i) {
        Worker& w = *workers_[i];
        w.SetSchema(schema, schema_id);
        UseCopyBuffer(&w, input);
        const size_t begin = round[i].begin;
        bool cut = false;
        ScanCopied(input, begin, round[i].end, &w.copy_buffer, &cut,
                   [&](std::string_view block, size_t at) {
                     if (w.Scan(block)) return true;
                     // NewFormat::resume from the span's start.
                     if (w.new_format) w.new_format->resume += at - begin;
                     return false;
                   });
        cuts[i] = cut;
      };
      RunRound(round.size(), scan);
      // The spans after span i are dropped: their workers and sinks made
      // anew.
      auto drop_after = [&](size_t i) {
        for (size_t j = i + 1; j < round.size(); ++j) {
          sinks_[j] = sink_->NewWorker();
          workers_[j] = std::make_unique<Worker>(options_, sinks_[j].get());
        }
      };
      for (size_t i = 0; i < round.size(); ++i) {
        std::optional<Worker::NewFormat> next =
            std::move(workers_[i]->new_format);
        Collect(*workers_[i], line_no);
        sink_->Absorb(*sinks_[i]);
        if (!next && cuts[i]) {
          // The file ends in this span now: what came after it, copied
          // before the cut or not, is not the file as it ends.
          drop_after(i);
          return true;
        }
        if (!next) continue;
        TakeFormat(std::move(next->schema), FormatOrigin::kHeaderLine,
                   next->header, formats);
        offset = round[i].begin + next->resume;
        drop_after(i);
        serial = true;
        break;
      }
      report(offset);
    }
    return true;
  }

  const PipelineOptions& options_;
  RecordSink* sink_;
  Diagnostics* diag_;
  FormatFitWarnings fit_;
  Worker serial_;
  Record header_record_;  // an input's first line, tokenized
  std::vector<std::unique_ptr<RecordSink>> sinks_;
  std::vector<std::unique_ptr<Worker>> workers_;
  PipelineStats stats_;
  PipelineProgress progress_;
  uint64_t finished_bytes_ = 0;
  // Last, so that they stop before what their tasks use goes away.
  TaskPool open_pool_{options_.threads};  // inputs opened ahead
  TaskPool scan_pool_{std::max(options_.threads, 1u) - 1};  // spans but one
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
