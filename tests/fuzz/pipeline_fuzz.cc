// The pipeline on arbitrary bytes: the same input read whole (as a mapped
// file, on one thread and on two), streamed in small blocks, and after a
// header line must give the same counts and records. Each line is also split
// by the SIMD tokenizer and the byte-by-byte reference, which must agree.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "flowmon/core/schema.h"
#include "flowmon/ingest/memory_source.h"
#include "flowmon/scan/tokenizer.h"
#include "fuzz_util.h"

namespace flowmon::fuzz {
namespace {

struct Run {
  PipelineStats stats;
  uint64_t records = 0, sum = 0;
};

Run RunOne(std::unique_ptr<Source> source, const PipelineOptions& options) {
  TouchingSink sink;
  Run r;
  r.stats = RunOn(std::move(source), options, &sink);
  r.records = sink.records;
  r.sum = sink.sum;
  return r;
}

bool SameCounts(const PipelineStats& a, const PipelineStats& b) {
  return a.lines == b.lines && a.records == b.records &&
         a.selected == b.selected && a.malformed == b.malformed &&
         a.headers == b.headers && a.blank == b.blank && a.bytes == b.bytes;
}

void CheckTokenizers(std::string_view data) {
  static Record simd, bytewise;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    const std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    size_t col_a = 0, col_b = 0;
    const LineError a =
        SplitFields(line, &simd, &col_a, data.data() + data.size());
    const LineError b = SplitFieldsBytewise(line, &bytewise, &col_b);
    if (a != b) std::abort();
    if (a != LineError::kOk) continue;
    if (simd.size != bytewise.size || simd.line != bytewise.line) std::abort();
    for (size_t i = 0; i < simd.size; ++i)
      if (simd.fields[i] != bytewise.fields[i]) std::abort();
  }
}

}  // namespace
}  // namespace flowmon::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace flowmon;
  using namespace flowmon::fuzz;
  const std::string data(reinterpret_cast<const char*>(bytes), size);
  CheckTokenizers(data);

  PipelineOptions options;
  options.check_values = size % 2 == 1;
  // Whole as a mapped file is read (gzip inflated whole); streams inflate
  // as they go.
  const Run whole = RunOne(OpenBytes("w", data, SourceOptions{}), options);
  // Streams hand lines out through a line buffer that grows and moves:
  // a block smaller than a line, one SIMD block, a page. Header lines after
  // the first and NUL bytes are judged alike in both.
  for (size_t block : {size_t{1}, size_t{64}, size_t{4096}}) {
    const Run stream = RunOne(NewMemorySource("s", data, block), options);
    if (!SameCounts(whole.stats, stream.stats) || whole.sum != stream.sum)
      std::abort();
  }
  PipelineOptions threaded = options;
  threaded.threads = 2;
  threaded.span_bytes = 256;  // several spans even for small inputs
  const Run split = RunOne(OpenBytes("t", data, SourceOptions{}), threaded);
  if (split.stats.records != whole.stats.records || split.sum != whole.sum) {
    std::fprintf(stderr, "records %llu/%llu sum %llx/%llx\n",
                 static_cast<unsigned long long>(whole.stats.records),
                 static_cast<unsigned long long>(split.stats.records),
                 static_cast<unsigned long long>(whole.sum),
                 static_cast<unsigned long long>(split.sum));
    std::abort();
  }

  // After a v2 header line, and after a custom one with fewer fields.
  RunOne(NewMemorySource("h",
                         "version account-id interface-id srcaddr dstaddr "
                         "srcport dstport protocol packets bytes start end "
                         "action log-status\n" +
                             data,
                         64),
         options);
  RunOne(NewWholeMemorySource("c", "srcaddr dstaddr action\n" + data), options);
  return 0;
}
