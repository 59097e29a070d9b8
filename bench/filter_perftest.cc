// filter_perftest: throughput of the filter hot path on generated v2 flow
// logs, stage by stage, single-threaded, in memory (no I/O).
//
//   cmake -S . -B build/perf -DFLOWMON_BUILD_PERF=ON && cmake --build
//   build/perf build/perf/bench/filter_perftest [MEGABYTES]
//
// It prints MB/s for: the byte-loop tokenizer, the SIMD tokenizer, the plain
// pipeline (every line tokenized) and the prefiltered pipeline (fused scan),
// so a change to any of them shows up as a number; then the fused scan alone
// in each build the CPU runs (baseline, AVX2, AVX-512). Peers:
// ../shared/bench/peers.sh.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "flowmon/pipeline/pipeline.h"
#include "flowmon/scan/tokenizer.h"
#include "scan/line_scan.h"

namespace {

using Clock = std::chrono::steady_clock;

// Same mix as ../shared/bench/gen_flowlogs.py: ~23% REJECT, NODATA rows.
std::string Generate(size_t bytes) {
  std::mt19937_64 rng(7);
  std::string out;
  out.reserve(bytes + 256);
  long t = 1700000000;
  char line[256];
  while (out.size() < bytes) {
    if (rng() % 2000 == 0) ++t;
    const unsigned k = static_cast<unsigned>(rng() % 1000);
    int n;
    if (k < 4) {
      n = std::snprintf(line, sizeof line,
                        "2 123456789010 eni-0123456789abcdef0 - - - - - - - "
                        "%ld %ld - NODATA\n",
                        t, t + 60);
    } else if (k < 230) {
      n = std::snprintf(line, sizeof line,
                        "2 123456789010 eni-0123456789abcdef0 185.%u.%u.%u "
                        "10.0.%u.%u %u %u 6 1 40 %ld %ld REJECT OK\n",
                        unsigned(rng() % 256), unsigned(rng() % 256),
                        unsigned(rng() % 255), unsigned(rng() % 16),
                        unsigned(rng() % 250), unsigned(1024 + rng() % 60000),
                        rng() % 3 == 0 ? 22u : 3389u, t, t + 30);
    } else {
      const unsigned packets = static_cast<unsigned>(1 + rng() % 5000);
      n = std::snprintf(line, sizeof line,
                        "2 123456789010 eni-0123456789abcdef0 10.0.%u.%u "
                        "52.%u.%u.%u 443 %u 6 %u %u %ld %ld ACCEPT OK\n",
                        unsigned(rng() % 16), unsigned(rng() % 250),
                        unsigned(rng() % 256), unsigned(rng() % 256),
                        unsigned(rng() % 255), unsigned(1024 + rng() % 60000),
                        packets, packets * 700, t, t + 30);
    }
    out.append(line, static_cast<size_t>(n));
  }
  return out;
}

class CountingSink : public flowmon::RecordSink {
 public:
  uint64_t n = 0;
  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<CountingSink>();
  }
  bool OnRecord(const flowmon::Record&,
                const flowmon::RecordContext&) override {
    ++n;
    return true;
  }
  void Absorb(RecordSink& w) override {
    n += static_cast<CountingSink&>(w).n;
    static_cast<CountingSink&>(w).n = 0;
  }
};

template <typename F>
void Time(const char* name, const std::string& data, F&& f) {
  double best = 1e9;
  uint64_t result = 0;
  for (int run = 0; run < 5; ++run) {
    const auto t0 = Clock::now();
    result = f();
    best = std::min(best,
                    std::chrono::duration<double>(Clock::now() - t0).count());
  }
  std::printf("%-34s %8.0f MB/s  (%.3f s, result %llu)\n", name,
              static_cast<double>(data.size()) / best / 1e6, best,
              static_cast<unsigned long long>(result));
}

template <typename Split>
uint64_t TokenizeAll(const std::string& data, Split split) {
  flowmon::Record rec;
  size_t column;
  uint64_t fields = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    split(std::string_view(data).substr(pos, nl - pos), &rec, &column);
    fields += rec.size;
    pos = nl + 1;
  }
  return fields;
}

// The data as one whole chunk, like a mapped file, without copying it.
class ViewSource : public flowmon::Source {
 public:
  explicit ViewSource(std::string_view data) : Source("bench"), data_(data) {}
  flowmon::Status Next(flowmon::Chunk* chunk) override {
    chunk->data = done_ ? std::string_view() : data_;
    done_ = true;
    return flowmon::Status::Ok();
  }
  bool whole() const override { return true; }
  uint64_t bytes_consumed() const override { return done_ ? data_.size() : 0; }

 private:
  std::string_view data_;
  bool done_ = false;
};

uint64_t RunPipeline(const std::string& data, bool prefilter) {
  auto pattern = flowmon::CompiledPattern::Compile(
      "[version, account, eni, source, destination, srcport, destport=\"22\", "
      "protocol=\"6\", packets, bytes, windowstart, windowend, "
      "action=\"REJECT\", flowlogstatus]");
  flowmon::PipelineOptions options;
  options.pattern = &*pattern;
  options.prefilter = prefilter;
  options.threads = 1;
  CountingSink sink;
  flowmon::Diagnostics diag(10, [](bool, std::string_view) {});
  std::vector<std::unique_ptr<flowmon::Source>> sources;
  sources.push_back(std::make_unique<ViewSource>(data));
  flowmon::RunPipeline(std::move(sources), options, &sink, &diag);
  return sink.n;
}

// The fused scan alone over `data` in one build: lines handed on.
uint64_t ScanWith(flowmon::ScanIsa isa, const std::string& data) {
  uint64_t full_lines = 0;
  auto full = [](void* ctx, std::string_view, uint64_t, bool) {
    ++*static_cast<uint64_t*>(ctx);
    return true;
  };
  uint64_t tail = 0;
  flowmon::ScanForCandidatesWith(isa, data, 14, "R", 1 << 20, full, &full_lines,
                                 &tail);
  return full_lines;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 256;
  const std::string data = Generate(mb << 20);
  std::printf("%zu MiB of generated v2 records, one thread\n", mb);
  Time("tokenize: byte loop", data, [&] {
    return TokenizeAll(data,
                       [](std::string_view l, flowmon::Record* r, size_t* c) {
                         return flowmon::SplitFieldsBytewise(l, r, c);
                       });
  });
  Time("tokenize: SIMD", data, [&] {
    return TokenizeAll(data,
                       [](std::string_view l, flowmon::Record* r, size_t* c) {
                         return flowmon::SplitFields(l, r, c);
                       });
  });
  Time("filter: tokenize every line", data,
       [&] { return RunPipeline(data, false); });
  Time("filter: fused prefilter scan", data,
       [&] { return RunPipeline(data, true); });
  const struct {
    flowmon::ScanIsa isa;
    const char* name;
  } isas[] = {{flowmon::ScanIsa::kBaseline, "fused scan: baseline"},
              {flowmon::ScanIsa::kAvx2, "fused scan: AVX2"},
              {flowmon::ScanIsa::kAvx512, "fused scan: AVX-512"}};
  for (const auto& v : isas) {
    if (!flowmon::ScanIsaAvailable(v.isa)) continue;
    Time(v.name, data, [&] { return ScanWith(v.isa, data); });
  }
  return 0;
}
