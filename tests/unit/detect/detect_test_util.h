// Helpers of the detect tests: records from the generator, run through a
// DetectSink.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/detect/detect_sink.h"
#include "flowmon/gen/output.h"
#include "flowmon/gen/traffic.h"
#include "test_util.h"

namespace flowmon::testing {

struct GenRun {
  std::vector<std::string> scenarios;
  int64_t duration = 6 * 3600;
  uint64_t seed = 1;
  double volume = 60;
  std::string format;  // --format; empty: v2
  bool header = false;
};

// A run of the default day with these scenarios.
inline GenRun With(std::vector<std::string> scenarios) {
  GenRun run;
  run.scenarios = std::move(scenarios);
  return run;
}

// The generator's records as text lines.
inline std::string GenText(const GenRun& run) {
  gen::GenConfig config;
  config.seed = run.seed;
  config.duration = run.duration;
  config.volume = run.volume;
  for (const std::string& s : run.scenarios) {
    config.scenarios.push_back(*gen::ParseScenario(s));
  }
  Result<gen::TrafficGenerator> g = gen::TrafficGenerator::Create(config);
  REQUIRE(g.ok());
  const Schema schema = *Schema::FromFormatOption(run.format);
  gen::RecordFormatter formatter(schema, g->hosts(), g->config());
  std::string text = run.header ? formatter.HeaderLine() + "\n" : "";
  g->Run([&](std::span<const gen::GenRecord> records) {
    for (const gen::GenRecord& r : records) {
      formatter.Append(r, &text);
      text.push_back('\n');
    }
    return true;
  });
  return text;
}

struct DetectRun {
  std::vector<Finding> findings;
  std::vector<std::string> notes;
  DetectCounters counters;
};

// Runs `text` through a DetectSink: a stream on one thread, or a whole
// buffer split across `threads`.
inline DetectRun Detect(const std::string& text,
                        const DetectConfig& config = {}, unsigned threads = 1,
                        std::string_view format = "") {
  Result<std::unique_ptr<DetectSink>> sink =
      DetectSink::Create(config, [](const Finding&) {});
  REQUIRE(sink.ok());
  PipelineOptions options;
  options.threads = threads;
  options.schema = *Schema::FromFormatOption(format);
  if (threads > 1) options.span_bytes = 1 << 16;
  RunOnText(sink->get(), text, options);
  REQUIRE((*sink)->Finish().ok());
  return {(*sink)->findings(), (*sink)->notes(), (*sink)->counters()};
}

// The same over files (S3 trees, CloudWatch JSON: what OpenSource reads).
inline DetectRun DetectFiles(const std::vector<std::string>& paths,
                             const DetectConfig& config = {}) {
  Result<std::unique_ptr<DetectSink>> sink =
      DetectSink::Create(config, [](const Finding&) {});
  REQUIRE(sink.ok());
  CollectingDiagnostics diag;
  RunPipeline(paths, PipelineOptions(), sink->get(), &diag.diag);
  REQUIRE((*sink)->Finish().ok());
  return {(*sink)->findings(), (*sink)->notes(), (*sink)->counters()};
}

// The types of the findings, in order.
inline std::vector<std::string> Types(const DetectRun& run) {
  std::vector<std::string> out;
  for (const Finding& f : run.findings) out.push_back(f.type);
  return out;
}

}  // namespace flowmon::testing
