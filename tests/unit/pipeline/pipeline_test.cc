#include "flowmon/pipeline/pipeline.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "catch.h"
#include "test_util.h"

namespace flowmon {
namespace {

using testing::CollectingDiagnostics;
using testing::CollectingSink;

const char* const kSeed =
    "2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 172.31.83.158 39611 "
    "22 6 1 40 1563108188 1563108227 REJECT OK\n"
    "2 086112738802 eni-0d5d75b41f9befe9e 182.68.238.8 172.31.83.158 42227 22 "
    "6 1 44 1563109030 1563109067 REJECT OK\n"
    "2 086112738802 eni-0d5d75b41f9befe9e 42.171.23.181 172.31.83.158 52417 "
    "22 6 24 4065 1563191069 1563191121 ACCEPT OK\n"
    "2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 172.31.83.158 39611 "
    "80 6 1 40 1563108188 1563108227 REJECT OK\n";

struct Run {
  std::vector<std::string> lines;
  std::vector<std::string> warnings, errors;
  PipelineStats stats;
};

Run RunOn(std::vector<std::unique_ptr<Source>> sources,
          std::string_view pattern_text, PipelineOptions options = {}) {
  Result<CompiledPattern> pattern = CompiledPattern::Compile(pattern_text);
  REQUIRE(pattern.ok());
  options.pattern = &*pattern;
  CollectingSink sink;
  CollectingDiagnostics diag;
  Run run;
  run.stats = RunPipeline(std::move(sources), options, &sink, &diag.diag);
  run.lines = sink.lines;
  run.warnings = diag.warnings;
  run.errors = diag.errors;
  return run;
}

// Same output, same diagnostics, same counts.
void CheckSameRun(const Run& a, const Run& b) {
  CHECK(a.lines == b.lines);
  CHECK(a.warnings == b.warnings);
  CHECK(a.stats.lines == b.stats.lines);
  CHECK(a.stats.records == b.stats.records);
  CHECK(a.stats.malformed == b.stats.malformed);
  CHECK(a.stats.blank == b.stats.blank);
}

Run RunText(const std::string& text, std::string_view pattern,
            size_t block = 1 << 16, PipelineOptions options = {}) {
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(NewStringSource("in.log", text, block));
  return RunOn(std::move(sources), pattern, options);
}

const char* const kSshReject =
    "[version, account, eni, source, destination, srcport, destport=\"22\", "
    "protocol=\"6\", packets, bytes, windowstart, windowend, "
    "action=\"REJECT\", flowlogstatus]";

TEST_CASE("the seed records: exactly the first two match", "[pipeline]") {
  const Run run = RunText(kSeed, kSshReject);
  REQUIRE(run.lines.size() == 2);
  CHECK(run.lines[0].find("61.177.172.128") != std::string::npos);
  CHECK(run.lines[1].find("182.68.238.8") != std::string::npos);
  CHECK(run.stats.lines == 4);
  CHECK(run.stats.selected == 2);
  CHECK(run.stats.rejected == 2);
  CHECK(run.warnings.empty());
}

const std::string kMixed = std::string(kSeed) +
                           "2 1 eni-1 - - - - - - - 1563108100 1563108160 - "
                           "NODATA\r\n"
                           "\n"
                           "2 too few fields\n"
                           "2 086112738802 eni-0d5d75b41f9befe9e 1.2.3.4 "
                           "172.31.83.158 1 22 6 1 40 1563108188 1563108227 "
                           "REJECT OK extra\n"
                           "2 0 eni-0 1.2.3.4 5.6.7.8 1 22 6 1 40 1 2 REJECT "
                           "OK\x01\n" +
                           kSeed +
                           "2 0 eni-0 9.9.9.9 5.6.7.8 1 22 6 1 40 1 2 "
                           "REJECT OK";

TEST_CASE("malformed lines are counted and reported with their line",
          "[pipeline]") {
  const Run run = RunText(kMixed, kSshReject);
  CHECK(run.lines.size() == 5);
  CHECK(run.stats.malformed == 3);
  CHECK(run.stats.blank == 1);
  CHECK(run.stats.lines == 14);
  CHECK(run.stats.lines == run.stats.selected + run.stats.rejected +
                               run.stats.malformed + run.stats.blank +
                               run.stats.headers);
  REQUIRE(run.warnings.size() == 4);
  CHECK(run.warnings[0] ==
        "in.log:7: expected 14 fields, got 4\n"
        "  2 too few fields\n"
        "                  ^");
  CHECK(run.warnings[1].starts_with("in.log:8: expected 14 fields, got 15\n"));
  CHECK(run.warnings[2].starts_with("in.log:9: binary data (byte 0x01)\n"));
  CHECK(run.warnings[3] ==
        "skipped 3 malformed lines in in.log (2 field-count, 1 binary)");
}

TEST_CASE("chunk boundaries do not change records or line numbers",
          "[pipeline]") {
  const Run reference = RunText(kMixed, "[..., action=REJECT, status]");
  for (size_t block : {1, 2, 7, 64, 65536}) {
    const Run run = RunText(kMixed, "[..., action=REJECT, status]", block);
    CHECK(run.lines == reference.lines);
    CHECK(run.warnings == reference.warnings);
    CHECK(run.stats.lines == reference.stats.lines);
  }
  const Run gz =
      RunText(testing::Gzip(kMixed), "[..., action=REJECT, status]", 7);
  CHECK(gz.lines == reference.lines);
  CHECK(gz.warnings == reference.warnings);
}

TEST_CASE("threads and the literal prefilter give the serial answer",
          "[pipeline]") {
  std::string big;
  for (int i = 0; i < 300; ++i) big += kMixed + "\n";
  const Run serial = RunText(big, kSshReject);
  for (unsigned threads : {1u, 2u, 3u}) {
    for (bool prefilter : {false, true}) {
      PipelineOptions options;
      options.threads = threads;
      options.prefilter = prefilter;
      options.span_bytes = 997;
      std::vector<std::unique_ptr<Source>> sources;
      sources.push_back(NewWholeStringSource("in.log", big));
      CheckSameRun(RunOn(std::move(sources), kSshReject, options), serial);
    }
  }
}

TEST_CASE("an S3 header line names the fields of its input", "[pipeline]") {
  const std::string text =
      "version srcaddr dstaddr dstport action\n"
      "2 1.1.1.1 2.2.2.2 22 REJECT\n"
      "2 1.1.1.1 2.2.2.2 443 ACCEPT\n"
      "2 too many fields here ok\n"
      "2 1 2 3\n";
  const Run run = RunText(text, "[v, src, dst, port=22, action]");
  CHECK(run.lines == std::vector<std::string>{"2 1.1.1.1 2.2.2.2 22 REJECT"});
  CHECK(run.stats.headers == 1);
  CHECK(run.stats.malformed == 2);
  REQUIRE(run.warnings.size() == 3);
  CHECK(run.warnings[0].starts_with("in.log:4: expected 5 fields, got 6"));
  CHECK(run.warnings[1].starts_with("in.log:5: expected 5 fields, got 4"));

  // Concatenated files: a later header of another format names the format
  // of the lines after it.
  const std::string two = text + "version action\n2 REJECT\n";
  const Run run2 = RunText(two, "[..., action=REJECT]");
  CHECK(run2.lines ==
        std::vector<std::string>{"2 1.1.1.1 2.2.2.2 22 REJECT", "2 REJECT"});
  CHECK(run2.stats.headers == 2);
  CHECK(run2.stats.malformed == 2);
}

TEST_CASE("raw format: any space-delimited text, no field count",
          "[pipeline]") {
  PipelineOptions options;
  options.schema = Schema::Raw();
  const Run run = RunText("ERROR WARN message\nERROR message\nWARN message\n",
                          "[w1=ERROR || w1=WARN, w2]", 7, options);
  CHECK(run.lines == std::vector<std::string>{"ERROR message", "WARN message"});
  CHECK(run.stats.malformed == 0);
}

TEST_CASE("since and until select on the record start", "[pipeline]") {
  PipelineOptions options;
  options.since = 1563108188;
  options.until = 1563109030;
  const Run run = RunText(kSeed, "[]", 64, options);
  CHECK(run.lines.size() == 2);  // the two records starting at 1563108188
  options.invert = true;
  const Run inverted =
      RunText(kSeed, "[..., action=REJECT, status]", 64, options);
  CHECK(inverted.lines.empty());  // ACCEPT one is outside the range
}

TEST_CASE("input errors: the records before the damage still count",
          "[pipeline]") {
  std::string big;
  for (int i = 0; i < 2000; ++i) big += kSeed;
  std::string gz = testing::Gzip(big);
  gz.resize(gz.size() * 2 / 3);
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(NewStringSource("cut.log.gz", gz, 4096));
  sources.push_back(NewStringSource("ok.log", kSeed, 4096));
  const Run run = RunOn(std::move(sources), kSshReject);
  CHECK(run.lines.size() > 2);
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].starts_with("cut.log.gz: truncated gzip data"));
}

TEST_CASE("a sink can stop the scan", "[pipeline]") {
  Result<CompiledPattern> pattern = CompiledPattern::Compile("[]");
  PipelineOptions options;
  options.pattern = &*pattern;
  CollectingSink sink;
  sink.limit = 3;
  CollectingDiagnostics diag;
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(NewStringSource("a", std::string(kSeed) + kSeed, 64));
  const PipelineStats stats =
      RunPipeline(std::move(sources), options, &sink, &diag.diag);
  CHECK(sink.lines.size() == 3);
  CHECK(stats.stopped);
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

// Differential check of the fused prefilter scan against the plain path on
// random lines: fields of varied counts, quotes, control bytes, the
// literal's rare byte out of place, long lines across 64-byte blocks.
TEST_CASE("prefiltered scan agrees with the plain scan on random input",
          "[pipeline]") {
  std::mt19937 rng(7);
  const char* const words[] = {
      "2",      "REJECT",   "ACCEPT",  "OK",       "J",    "-",
      "eni-0a", "\"a b\"",  "[x y]",   "\t",       "\x01", "version",
      "action", "10.0.0.1", "JREJECT", "REJECTED", "\r"};
  for (int round = 0; round < 40; ++round) {
    std::string text;
    for (int line = 0; line < 200; ++line) {
      const int n = static_cast<int>(rng() % 18);
      for (int i = 0; i < n; ++i) {
        text += words[rng() % (sizeof words / sizeof *words)];
        text += (rng() % 5 == 0) ? "  " : " ";
      }
      if (rng() % 7 == 0) text += std::string(rng() % 150, 'x');
      text += '\n';
    }
    for (bool raw : {false, true}) {
      for (const char* pattern :
           {"[..., action=REJECT, status]", "[a, b=*JECT*, ...]",
            "[v, a, e, s, d, sp, dp, p, pk, b, st, en, action=REJECT, ls]"}) {
        PipelineOptions plain;
        plain.prefilter = false;
        if (raw) plain.schema = Schema::Raw();
        PipelineOptions fused = plain;
        fused.prefilter = true;
        CheckSameRun(RunText(text, pattern, 1 << 16, plain),
                     RunText(text, pattern, 1 << 16, fused));
      }
    }
  }
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

// Keeps, per pattern of a set, the lines of the records that match it
// (from RecordContext::matches), and the times of the rejected records.
class PerPatternSink : public RecordSink {
 public:
  explicit PerPatternSink(size_t n) : lines(n) {}
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> times;  // "timestamp start" per rejected record
  bool bad_context = false;        // no catch macros off the main thread
  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<PerPatternSink>(lines.size());
  }
  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    if (ctx.matches.size() != lines.size()) bad_context = true;
    bool any = false;
    for (size_t i = 0; i < ctx.matches.size() && i < lines.size(); ++i) {
      if (ctx.matches[i] != 0) {
        lines[i].emplace_back(rec.line);
        any = true;
      }
    }
    if (!any) bad_context = true;  // selected, but matches none
    return true;
  }
  void OnRejectedTime(int64_t timestamp_ms, std::string_view start,
                      const RecordContext& ctx) override {
    if (ctx.schema == nullptr) bad_context = true;
    times.push_back(std::to_string(timestamp_ms) + " " + std::string(start));
  }
  void Absorb(RecordSink& worker) override {
    auto& w = static_cast<PerPatternSink&>(worker);
    for (size_t i = 0; i < lines.size(); ++i) {
      lines[i].insert(lines[i].end(), w.lines[i].begin(), w.lines[i].end());
      w.lines[i].clear();
    }
    times.insert(times.end(), w.times.begin(), w.times.end());
    w.times.clear();
    bad_context = bad_context || w.bad_context;
  }
};

struct SetRun {
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> times;
  std::vector<std::string> warnings;
  PipelineStats stats;
};

SetRun RunSet(const std::string& text,
              const std::vector<std::string>& pattern_texts,
              PipelineOptions options, bool whole) {
  std::vector<CompiledPattern> patterns;
  for (const std::string& t : pattern_texts) {
    Result<CompiledPattern> p = CompiledPattern::Compile(t);
    REQUIRE(p.ok());
    patterns.push_back(std::move(*p));
  }
  options.patterns.clear();
  for (const CompiledPattern& p : patterns) options.patterns.push_back(&p);
  options.deliver_rejected_times = true;
  PerPatternSink sink(patterns.size());
  CollectingDiagnostics diag;
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(whole ? NewWholeStringSource("in.log", text)
                          : NewStringSource("in.log", text, 1 << 16));
  SetRun run;
  run.stats = RunPipeline(std::move(sources), options, &sink, &diag.diag);
  CHECK_FALSE(sink.bad_context);
  run.lines = sink.lines;
  run.times = sink.times;
  run.warnings = diag.warnings;
  return run;
}

// Random lines: valid records of several actions and statuses, and lines
// with wrong field counts, quotes, brackets, control bytes, tabs, CRs and
// header words; each pattern's rare byte out of place too.
std::string RandomFlowText(std::mt19937* rng, int lines) {
  const char* const words[] = {
      "2",  "REJECT",  "ACCEPT", "OK",       "NODATA",  "J",  "N",
      "P",  "-",       "eni-0a", "\"a b\"",  "[x y]",   "\t", "\x01",
      "\r", "version", "action", "10.0.0.1", "JREJECT", "Q",  "Z"};
  const char* const actions[] = {"REJECT", "ACCEPT", "-", "REJECTED"};
  const char* const statuses[] = {"OK", "NODATA", "SKIPDATA", "OK\r"};
  std::string text;
  for (int line = 0; line < lines; ++line) {
    if ((*rng)() % 3 != 0) {
      // A record of the default format, now and then with a double space.
      text += "2 123 eni-" + std::to_string((*rng)() % 9) + " 1.2.3.4 " +
              ((*rng)() % 9 == 0 ? " " : "") + "5.6.7.8 " +
              std::to_string((*rng)() % 3) + " " +
              std::to_string((*rng)() % 2 ? 22 : 443) + " 6 1 40 " +
              std::to_string(1563108000 + (*rng)() % 600) + " 1563109000 " +
              actions[(*rng)() % 4] + " " + statuses[(*rng)() % 4] + "\n";
      continue;
    }
    const int n = static_cast<int>((*rng)() % 18);
    for (int i = 0; i < n; ++i) {
      text += words[(*rng)() % (sizeof words / sizeof *words)];
      text += ((*rng)() % 5 == 0) ? "  " : " ";
    }
    if ((*rng)() % 7 == 0) text += std::string((*rng)() % 150, 'x');
    text += '\n';
  }
  return text;
}

// A pattern set gives each pattern exactly what a run of that pattern
// alone gives without the prefilter; the prefilter for the set (any of the
// patterns' rare bytes) changes nothing, threads neither, and every line
// is still counted and validated.
TEST_CASE("a pattern set matches like each pattern alone, prefilter or not",
          "[pipeline]") {
  const std::vector<std::vector<std::string>> sets = {
      // Two rare bytes (J, N).
      {"[..., action=REJECT, status]", "NODATA"},
      // Three (J, N, P), one pattern with a wildcard value.
      {"[..., action=REJECT, status]", "NODATA",
       "[v, a, e, s, d, sp, dp=22, p, pk, b, st, en, action=ACCEPT, ls]",
       "[a, b=*JECT*, ...]"},
      // Eight, the most the scan looks for at once.
      {"REJECT", "NODATA", "ACCEPT", "OK", "\"eni-0a\"", "version", "Q", "Z"},
      // Nine: too many bytes, no prefilter.
      {"REJECT", "NODATA", "ACCEPT", "OK", "\"eni-0a\"", "version", "Q", "Z",
       "Y"},
      // A pattern without a required literal: no prefilter either.
      {"[..., action=REJECT, status]",
       "[..., dstport>100, p, k, b, s, e, "
       "action, status]"},
  };
  std::mt19937 rng(11);
  for (int round = 0; round < 12; ++round) {
    const std::string text = RandomFlowText(&rng, 300);
    for (bool raw : {false, true}) {
      for (const auto& set : sets) {
        PipelineOptions plain;
        plain.prefilter = false;
        if (raw) plain.schema = Schema::Raw();
        // Streams and whole inputs (threads) alike.
        for (bool whole : {false, true}) {
          const SetRun reference = RunSet(text, set, plain, whole);
          if (!whole) {
            // Each pattern alone, without the prefilter.
            for (size_t i = 0; i < set.size(); ++i) {
              const Run alone = RunText(text, set[i], 1 << 16, plain);
              CHECK(alone.lines == reference.lines[i]);
              CHECK(alone.stats.malformed == reference.stats.malformed);
            }
          }
          for (unsigned threads : {1u, 2u, 3u}) {
            if (!whole && threads > 1) continue;
            PipelineOptions fused = plain;
            fused.prefilter = true;
            fused.threads = threads;
            fused.span_bytes = 331;
            const SetRun run = RunSet(text, set, fused, whole);
            CHECK(run.lines == reference.lines);
            CHECK(run.times == reference.times);
            CHECK(run.warnings == reference.warnings);
            CHECK(run.stats.lines == reference.stats.lines);
            CHECK(run.stats.records == reference.stats.records);
            CHECK(run.stats.selected == reference.stats.selected);
            CHECK(run.stats.rejected == reference.stats.rejected);
            CHECK(run.stats.malformed == reference.stats.malformed);
            CHECK(run.stats.blank == reference.stats.blank);
            CHECK(run.stats.headers == reference.stats.headers);
          }
        }
      }
    }
  }
}

// The times of rejected records: what the prefilter passes over without
// tokenizing is read from its start field, in each input's own format.
TEST_CASE("rejected times come from each input's start column", "[pipeline]") {
  const std::string a =
      "version srcaddr action start log-status\n"
      "2 1.1.1.1 ACCEPT 100 OK\n"
      "2 1.1.1.1 REJECT 110 OK\n"
      "2  1.1.1.1  ACCEPT   120   OK  \n";
  const std::string b =
      "start version action log-status\n"
      "200 2 ACCEPT OK\n"
      "210 2 REJECT OK\n";
  Result<CompiledPattern> p = CompiledPattern::Compile("REJECT");
  REQUIRE(p.ok());
  for (bool prefilter : {false, true}) {
    PipelineOptions options;
    options.patterns = {&*p};
    options.prefilter = prefilter;
    options.deliver_rejected_times = true;
    PerPatternSink sink(1);
    CollectingDiagnostics diag;
    std::vector<std::unique_ptr<Source>> sources;
    sources.push_back(NewWholeStringSource("a", a));
    sources.push_back(NewStringSource("b", b, 5));
    RunPipeline(std::move(sources), options, &sink, &diag.diag);
    CHECK(sink.times == std::vector<std::string>{"-1 100", "-1 120", "-1 200"});
    CHECK(sink.lines[0] == std::vector<std::string>{"2 1.1.1.1 REJECT 110 OK",
                                                    "210 2 REJECT OK"});
    CHECK(diag.warnings.empty());
    // since/until apply to the times too.
    options.since = 110;
    options.until = 201;
    PerPatternSink ranged(1);
    std::vector<std::unique_ptr<Source>> again;
    again.push_back(NewWholeStringSource("a", a));
    again.push_back(NewStringSource("b", b, 5));
    RunPipeline(std::move(again), options, &ranged, &diag.diag);
    CHECK(ranged.times == std::vector<std::string>{"-1 120", "-1 200"});
  }
}

// Keeps each record's srcaddr, read by name in the record's own format,
// with its event timestamp when it has one, and the headers it was told of.
class SrcaddrSink : public RecordSink {
 public:
  std::vector<std::string> seen;
  std::vector<std::string> headers;
  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<SrcaddrSink>();
  }
  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    const int i = ctx.schema->IndexOf("srcaddr");
    std::string s = i < 0 ? "?" : std::string(rec.fields[i]);
    if (rec.timestamp_ms >= 0) s += "@" + std::to_string(rec.timestamp_ms);
    seen.push_back(std::move(s));
    return true;
  }
  void Absorb(RecordSink& worker) override {
    auto& w = static_cast<SrcaddrSink&>(worker);
    seen.insert(seen.end(), w.seen.begin(), w.seen.end());
    w.seen.clear();
  }
  void OnInput(const Schema&, std::string_view header) override {
    headers.emplace_back(header);
  }
};

TEST_CASE("a later header line names the format of the lines after it",
          "[pipeline]") {
  // S3 objects concatenated (`zcat *.gz |`, `cat a.log b.log > all.log`):
  // each object's first line names its format. A later header naming the
  // format being read is skipped; one naming another is followed, in a
  // stream at every chunk size and in a mapped file on one thread and on
  // two (a header in a span ends it; the spans after it are read again),
  // with and without the prefilter. Before, the lines after it were read
  // in the first format and the header was a malformed line.
  const std::string text =
      "version srcaddr dstport action\n"
      "2 1.1.1.1 22 REJECT\n"
      "version srcaddr dstport action\n"
      "2 2.2.2.2 3389 REJECT\n"
      "version action srcaddr dstport\n"
      "2 REJECT 3.3.3.3 3389\n"
      "2 REJECT 4.4.4.4 443\n"
      "version srcaddr action\r\n"
      "2 5.5.5.5 REJECT\n"
      "2 6.6.6.6 ACCEPT\n";
  const std::vector<std::string> want = {"1.1.1.1", "2.2.2.2", "3.3.3.3",
                                         "4.4.4.4", "5.5.5.5"};
  const std::vector<std::string> want_headers = {
      "version srcaddr dstport action", "version action srcaddr dstport",
      "version srcaddr action"};
  Result<CompiledPattern> pattern = CompiledPattern::Compile("REJECT");
  REQUIRE(pattern.ok());
  auto check = [&](std::vector<std::unique_ptr<Source>> sources,
                   PipelineOptions options) {
    options.pattern = &*pattern;
    SrcaddrSink sink;
    CollectingDiagnostics diag;
    const PipelineStats stats =
        RunPipeline(std::move(sources), options, &sink, &diag.diag);
    CHECK(sink.seen == want);
    CHECK(sink.headers == want_headers);
    CHECK(diag.warnings.empty());
    CHECK(stats.lines == 10);
    CHECK(stats.headers == 4);
    CHECK(stats.selected == 5);
    CHECK(stats.rejected == 1);
    CHECK(stats.malformed == 0);
  };
  for (bool prefilter : {false, true}) {
    PipelineOptions options;
    options.prefilter = prefilter;
    for (size_t block : {3, 16, 32, 1 << 16}) {
      INFO("prefilter " << prefilter << ", block " << block);
      std::vector<std::unique_ptr<Source>> sources;
      sources.push_back(NewStringSource("in.log", text, block));
      check(std::move(sources), options);
    }
    for (unsigned threads : {1u, 2u, 3u}) {
      for (size_t span : {8, 16, 40, 1 << 16}) {
        INFO("prefilter " << prefilter << ", threads " << threads << ", span "
                          << span);
        PipelineOptions whole = options;
        whole.threads = threads;
        whole.span_bytes = span;
        std::vector<std::unique_ptr<Source>> sources;
        sources.push_back(NewWholeStringSource("in.log", text));
        check(std::move(sources), whole);
      }
    }
  }
  // A mapped file is scanned from copies of its spans (copied_blocks.h):
  // a header line in a copied block resumes from where it is in the span.
  namespace fs = std::filesystem;
  const fs::path path =
      fs::temp_directory_path() /
      ("flowmon-later-header-" + std::to_string(::getpid()) + ".log");
  std::ofstream(path, std::ios::binary) << text;
  for (bool prefilter : {false, true}) {
    for (unsigned threads : {1u, 2u, 3u}) {
      for (size_t span : {8, 40, 1 << 16}) {
        for (size_t copy : {8, 16, 24, 32, 40, 0}) {
          INFO("file, prefilter " << prefilter << ", threads " << threads
                                  << ", span " << span << ", copy " << copy);
          PipelineOptions options;
          options.prefilter = prefilter;
          options.threads = threads;
          options.span_bytes = span;
          options.copy_block_bytes = copy;
          Result<std::unique_ptr<Source>> source =
              OpenSource(path.string(), SourceOptions());
          REQUIRE(source.ok());
          CHECK((*source)->copies_out());
          std::vector<std::unique_ptr<Source>> sources;
          sources.push_back(std::move(*source));
          check(std::move(sources), options);
        }
      }
    }
  }
  fs::remove(path);
}

TEST_CASE("a later header line in CloudWatch events keeps their timestamps",
          "[pipeline]") {
  // The events after a header line keep their own timestamps.
  const std::string events =
      R"({"events":[)"
      R"({"timestamp":1000,"message":"version srcaddr action"},)"
      R"({"timestamp":2000,"message":"2 1.1.1.1 REJECT"},)"
      R"({"timestamp":3000,"message":"version action srcaddr"},)"
      R"({"timestamp":4000,"message":"2 REJECT 2.2.2.2"},)"
      R"({"timestamp":5000,"message":"2 REJECT 3.3.3.3"}]})";
  Result<CompiledPattern> pattern = CompiledPattern::Compile("REJECT");
  REQUIRE(pattern.ok());
  PipelineOptions options;
  options.pattern = &*pattern;
  Result<std::unique_ptr<Source>> source =
      ReadAsEvents(NewStringSource("in", events, 4096), InputFormat::kAuto);
  REQUIRE(source.ok());
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(std::move(*source));
  SrcaddrSink sink;
  CollectingDiagnostics diag;
  const PipelineStats stats =
      RunPipeline(std::move(sources), options, &sink, &diag.diag);
  CHECK(sink.seen == std::vector<std::string>{"1.1.1.1@2000", "2.2.2.2@4000",
                                              "3.3.3.3@5000"});
  CHECK(stats.headers == 2);
  CHECK(diag.warnings.empty());
}

// Runs `pattern` over one stream per (name, text), in 64-byte blocks.
Run RunOnStreams(const std::vector<std::pair<std::string, std::string>>& inputs,
                 std::string_view pattern) {
  std::vector<std::unique_ptr<Source>> sources;
  for (const auto& [name, text] : inputs) {
    sources.push_back(NewStringSource(name, text, 64));
  }
  return RunOn(std::move(sources), pattern);
}

// Lines of a v8 custom format (24 fields) without their header line.
std::string CustomLines(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    text +=
        "8 vpc-1 subnet-1 i-1 eni-1 123456789012 IPv4 203.0.113.10 10.0.1.25 "
        "40000 22 203.0.113.10 10.0.1.25 6 40 1 1563120017 1563120047 REJECT "
        "2 OK ingress - -\n";
  }
  return text;
}

TEST_CASE("an input none of whose lines fits is one input error",
          "[pipeline]") {
  for (size_t block : {64, 1 << 16}) {
    const Run run = RunText(CustomLines(12), "[]", block);
    CHECK(run.lines.empty());
    CHECK(run.warnings.empty());  // no report per line, no summary
    REQUIRE(run.errors.size() == 1);
    CHECK(run.errors[0] ==
          "in.log: no line has the 14 fields of the default format (v2): its "
          "12 lines have 24 fields\n"
          "  1: 8 vpc-1 subnet-1 i-1 eni-1 123456789012 IPv4 203.0.113.10 "
          "10.0.1.25 4000...\n"
          "  name its 24 fields in order with --format '${version} "
          "${account-id} ...' (flowmon fields lists them), or read it as "
          "plain text with --format raw");
    // Every line is still counted once.
    CHECK(run.stats.lines == 12);
    CHECK(run.stats.malformed == 12);
    CHECK(run.stats.records == 0);
  }
}

TEST_CASE("one line that fits makes the others bad lines", "[pipeline]") {
  const std::string text = CustomLines(2) + kSeed;
  const Run run = RunText(text, "[]", 64);
  CHECK(run.errors.empty());
  REQUIRE(run.warnings.size() == 3);
  CHECK(run.warnings[0].starts_with("in.log:1: expected 14 fields, got 24"));
  CHECK(run.warnings[1].starts_with("in.log:2: expected 14 fields, got 24"));
  CHECK(run.warnings[2] ==
        "skipped 2 malformed lines in in.log (2 field-count)");
  CHECK(run.lines.size() == 4);
}

TEST_CASE("the format an input is read in is named in its error",
          "[pipeline]") {
  PipelineOptions options;
  Result<Schema> three = Schema::FromFormat("${version} ${srcaddr} ${dstaddr}");
  REQUIRE(three.ok());
  options.schema = *three;
  const Run by_option = RunText(kSeed, "[]", 1 << 16, options);
  REQUIRE(by_option.errors.size() == 1);
  CHECK(by_option.errors[0].starts_with(
      "in.log: no line has the 3 fields of --format: its 4 lines have 14 "
      "fields\n"));
  CHECK(by_option.errors[0].ends_with(
      "\n  its lines have as many fields as the default format (v2): leave "
      "out --format, or read it as plain text with --format raw"));
  const Run by_header =
      RunText("version srcaddr\n2 1.1.1.1 22\n2 1.1.1.1 22 6\n", "[]");
  REQUIRE(by_header.errors.size() == 1);
  CHECK(by_header.errors[0] ==
        "in.log: no line has the 2 fields of its header line: its 2 lines "
        "have 3 to 4 fields\n"
        "  2: 2 1.1.1.1 22\n"
        "  read it as plain text with --format raw");
  // Lines judged against a header's format, then another header: the
  // message names neither format's field count as the one they missed.
  const Run two_headers = RunText(
      "version srcaddr dstport action\n2 a b\n2 c d\nversion srcaddr "
      "action\n",
      "[]");
  REQUIRE(two_headers.errors.size() == 1);
  CHECK(two_headers.errors[0] ==
        "in.log: no line has the fields its header lines name: its 2 lines "
        "have 3 fields\n"
        "  2: 2 a b\n"
        "  read it as plain text with --format raw");
  // One field is a field.
  const Run one = RunText("a\nb\n", "[]");
  REQUIRE(one.errors.size() == 1);
  CHECK(one.errors[0] ==
        "in.log: no line has the 14 fields of the default format (v2): its 2 "
        "lines have 1 field\n"
        "  1: a\n"
        "  name its 1 field in order with --format '${version} "
        "${account-id} ...' (flowmon fields lists them), or read it as plain "
        "text with --format raw");
  // Raw text has no field count to miss.
  options.schema = Schema::Raw();
  CHECK(RunText(CustomLines(3), "[]", 1 << 16, options).errors.empty());
}

TEST_CASE("other inputs of a run still count after one fits no line",
          "[pipeline]") {
  const Run run = RunOnStreams({{"custom.log", CustomLines(3)},
                                {"seed.log", kSeed},
                                {"bad.log", "2 x\n" + std::string(kSeed)}},
                               "[]");
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].starts_with("custom.log: no line has"));
  // The error did not use up --max-report: bad.log's line is reported.
  REQUIRE(run.warnings.size() == 2);
  CHECK(run.warnings[0].starts_with("bad.log:1: expected 14 fields, got 2"));
  CHECK(run.lines.size() == 8);
  CHECK(run.stats.lines == 3 + 4 + 5);
  CHECK(run.stats.malformed == 4);
}

TEST_CASE("an input with a NUL byte near its start is skipped as binary",
          "[pipeline]") {
  const std::string binary = std::string("PAR1\x15\x04\0\0", 8) + kSeed;
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(NewWholeStringSource("a.parquet", binary));
  sources.push_back(NewStringSource("b.log", binary.substr(4), 3));
  sources.push_back(NewStringSource("seed.log", kSeed, 64));
  const Run run = RunOn(std::move(sources), "[]");
  CHECK(run.errors ==
        std::vector<std::string>{
            "a.parquet: skipped binary file (found \"\\0\" byte at offset "
            "6); it is Parquet: flowmon reads Parquet from files, not "
            "streams",
            "b.log: skipped binary file (found \"\\0\" byte at offset 2); "
            "--input-format text reads it as text"});
  CHECK(run.warnings.empty());
  CHECK(run.lines.size() == 4);
  CHECK(run.stats.lines == 4);
}

TEST_CASE("a NUL byte past a stream's first block: as in a mapped file",
          "[pipeline]") {
  // A stream used to look for NUL bytes in its first chunk only, which a
  // small read makes short: its first records were read before the NUL.
  std::string text;
  while (text.size() < 1000) text += kSeed;
  text += std::string("2 x \0 y\n", 8) + kSeed;
  std::vector<std::unique_ptr<Source>> whole;
  whole.push_back(NewWholeStringSource("in.log", text));
  const Run file = RunOn(std::move(whole), "[]");
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].starts_with("in.log: skipped binary file"));
  CHECK(file.lines.empty());
  for (size_t block : {1, 64, 4096}) {
    INFO("block " << block);
    const Run stream = RunText(text, "[]", block);
    CHECK(stream.errors == file.errors);
    CHECK(stream.lines.empty());
  }
}

TEST_CASE(
    "a first line over the line limit is still looked at for NUL "
    "bytes, in a stream as in a file",
    "[pipeline]") {
  // `head -c 2M /dev/zero | flowmon filter '[]'` said "line longer than
  // 1048576 bytes" and exited 1 (nothing matched) where the same bytes as
  // a file are a binary input (exit 3); `flowmon filter '[]' /dev/zero`
  // never ended.
  const std::string zeros(2 << 20, '\0');
  std::vector<std::unique_ptr<Source>> whole;
  whole.push_back(NewWholeStringSource("in.bin", zeros));
  const Run file = RunOn(std::move(whole), "[]");
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].starts_with("in.bin: skipped binary file"));
  for (size_t block : {4096, 1 << 16, 1 << 20}) {
    INFO("block " << block);
    std::vector<std::unique_ptr<Source>> streamed;
    streamed.push_back(NewStringSource("in.bin", zeros, block));
    const Run stream = RunOn(std::move(streamed), "[]");
    CHECK(stream.errors == file.errors);
    CHECK(stream.warnings.empty());
    CHECK(stream.stats.malformed == 0);
  }
}

TEST_CASE("a NUL byte far into an input is one bad line", "[pipeline]") {
  std::string text;
  size_t records = 0;
  for (; text.size() < (64 << 10); records += 4) text += kSeed;
  text += std::string("2 x \0 y\n", 8);
  const Run run = RunText(text, "[]", 4096);
  CHECK(run.errors.empty());
  CHECK(run.lines.size() == records);
  CHECK(run.stats.malformed == 1);
  // Forced text is never binary.
  PipelineOptions options;
  options.source.input_format = InputFormat::kText;
  const Run forced =
      RunText(std::string("2 x \0 y\n", 8) + kSeed, "[]", 4096, options);
  CHECK(forced.errors.empty());
  CHECK(forced.lines.size() == 4);
  CHECK(forced.stats.malformed == 1);
}

TEST_CASE("typed output: a selected record with a bad integer is malformed",
          "[pipeline]") {
  const std::string text =
      "2 1 e 1.1.1.1 2.2.2.2 abc 22 6 1 40 100 110 REJECT OK\n"
      "2 1 e 1.1.1.1 2.2.2.2 40000 22 6 1 40 100 110 REJECT OK\n"
      "2 1 e - - - - - - - 100 110 - NODATA\n"
      "2 1 e 1.1.1.1 2.2.2.2 x 22 6 1 40 100 110 ACCEPT OK\n";
  for (unsigned threads : {1u, 3u}) {
    PipelineOptions options;
    options.check_values = true;
    options.threads = threads;
    options.span_bytes = 60;
    std::vector<std::unique_ptr<Source>> sources;
    sources.push_back(threads > 1 ? NewWholeStringSource("in.log", text)
                                  : NewStringSource("in.log", text, 64));
    const Run run =
        RunOn(std::move(sources), "[..., action=REJECT, status]", options);
    CHECK(run.lines == std::vector<std::string>{
                           "2 1 e 1.1.1.1 2.2.2.2 40000 22 6 1 40 100 110 "
                           "REJECT OK"});
    REQUIRE(run.warnings.size() == 2);
    CHECK(run.warnings[0] ==
          "in.log:1: bad value for srcport: not an integer or -\n"
          "  2 1 e 1.1.1.1 2.2.2.2 abc 22 6 1 40 100 110 REJECT OK\n"
          "                        ^");
    CHECK(run.warnings[1] ==
          "skipped 1 malformed line in in.log (1 bad-value)");
    // The record the pattern does not select is not looked at.
    CHECK(run.stats.lines == 4);
    CHECK(run.stats.records == 3);
    CHECK(run.stats.selected == 1);
    CHECK(run.stats.rejected == 2);
    CHECK(run.stats.malformed == 1);
  }
  // Without the check the record is selected as it is.
  CHECK(RunText(text, "[..., action=REJECT, status]").lines.size() == 2);
}

TEST_CASE("a pattern warning comes once per format", "[pipeline]") {
  const std::string custom =
      "version srcaddr action start log-status\n"
      "2 1.1.1.1 REJECT 100 OK\n";
  const Run run =
      RunOnStreams({{"a.log", custom}, {"b.log", custom}, {"c.log", kSeed}},
                   "[..., action=REJECT, status]");
  REQUIRE(run.warnings.size() == 1);
  CHECK(run.warnings[0] ==
        "the pattern binds fields by position: in the header line of a.log, "
        "`action` binds field 4 (start), not action (field 3)\n"
        "  for the fields its names say: [..., action=REJECT, start, "
        "status]");
  CHECK(run.lines.size() == 3);  // matching stays positional
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

// Lines the literal prefilter passes over must count as the full path
// counts them: a header line after a leading space is a header, with or
// without the pattern's literal on it.
TEST_CASE("the prefilter counts a header line after a space as a header",
          "[pipeline]") {
  const std::string text =
      std::string(kSeed) +
      " version account-id interface-id srcaddr dstaddr srcport dstport "
      "protocol packets bytes start end action log-status\n" +
      kSeed;
  for (const char* pattern : {"[..., action=REJECT, status]", "REJECT"}) {
    PipelineOptions plain;
    plain.prefilter = false;
    PipelineOptions fused;
    fused.prefilter = true;
    INFO("pattern " << pattern);
    const Run a = RunText(text, pattern, 1 << 16, plain);
    const Run b = RunText(text, pattern, 1 << 16, fused);
    CheckSameRun(a, b);
    CHECK(a.stats.headers == 1);
    CHECK(b.stats.headers == 1);
  }
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

// Counts records, and wants no fields: the pipeline may then take a line
// with a rare byte as a record without tokenizing it.
class LineCountSink : public RecordSink {
 public:
  explicit LineCountSink(bool fields) : fields_(fields) {}
  uint64_t n = 0;
  std::vector<std::string> times;
  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<LineCountSink>(fields_);
  }
  bool wants_fields() const override { return fields_; }
  bool OnRecord(const Record&, const RecordContext&) override {
    ++n;
    return true;
  }
  void OnRejectedTime(int64_t, std::string_view start,
                      const RecordContext&) override {
    times.emplace_back(start);
  }
  void Absorb(RecordSink& worker) override {
    auto& w = static_cast<LineCountSink&>(worker);
    n += w.n;
    times.insert(times.end(), w.times.begin(), w.times.end());
    w.n = 0;
    w.times.clear();
  }

 private:
  bool fields_;
};

// Term patterns match the line alone: the prefiltered scan takes the
// lines with a rare byte that are otherwise plain as records without
// tokenizing them, and must count exactly what the full path counts.
// The rule of docs/record-time.md: the line's class must not depend on
// which path (literal prefilter, plain line, tokenized) read it.
TEST_CASE("a start no time can be is a bad value only in a selected record",
          "[pipeline]") {
  const std::string text =
      "2 123456789010 eni-1 172.31.16.139 172.31.16.21 20641 22 6 20 4249 "
      "14182555555555 14182555555556 ACCEPT OK\n"
      "2 123456789010 eni-1 172.31.16.139 172.31.16.21 20641 22 6 20 4249 "
      "1418530010 1418530070 ACCEPT OK\n";
  struct Case {
    const char* pattern;
    uint64_t selected, malformed;
  };
  for (const Case& c :
       {Case{"REJECT", 0, 0}, Case{"?REJECT ?DROP", 0, 0},
        Case{"[..., action=REJECT, status]", 0, 0}, Case{"ACCEPT", 1, 1},
        Case{"?ACCEPT ?DROP", 1, 1}, Case{"", 1, 1}}) {
    for (bool prefilter : {false, true}) {
      for (bool range : {false, true}) {
        PipelineOptions options;
        options.prefilter = prefilter;
        if (range) options.since = 1418530000;  // the bad start: no time
        const Run run = RunText(text, c.pattern, 1 << 16, options);
        INFO("pattern " << c.pattern << " prefilter " << prefilter << " range "
                        << range);
        CHECK(run.stats.lines == 2);
        CHECK(run.stats.selected == c.selected);
        CHECK(run.stats.malformed == (range ? 0 : c.malformed));
        CHECK(run.stats.records + run.stats.malformed == 2);
      }
    }
  }
}

TEST_CASE("term patterns count lines without tokenizing as the full path",
          "[pipeline]") {
  std::mt19937 rng(23);
  const char* const words[] = {"2",        "REJECT",     "ACCEPT",  "OK",
                               "J",        "-",          "eni-0a",  "\"a b\"",
                               "[x y]",    "\t",         "version", "\r",
                               "10.0.0.1", "1563108188", "REJECTED"};
  for (int round = 0; round < 60; ++round) {
    std::string text;
    for (int line = 0; line < 150; ++line) {
      // Mostly 14 fields, start among them.
      const int n = rng() % 4 == 0 ? static_cast<int>(rng() % 18) : 14;
      if (rng() % 9 == 0) text += ' ';
      for (int i = 0; i < n; ++i) {
        // Now and then a start no time can be: a bad value only where
        // the record is selected, on either path.
        const char* const bad_starts[] = {"14182555555555", "-5", "1e300"};
        text +=
            i == 10 && rng() % 2 == 0
                ? (rng() % 6 == 0 ? std::string(bad_starts[rng() % 3])
                                  : std::to_string(1563108000 + rng() % 400))
                : words[rng() % std::size(words)];
        text += (rng() % 5 == 0) ? "  " : " ";
      }
      text += '\n';
    }
    for (const char* pattern :
         {"REJECT", "\"REJECT\"", "REJECT -OK", "?J ?Q"}) {
      for (bool wants_fields : {false, true}) {
        for (bool times : {false, true}) {
          for (bool range : {false, true}) {
            std::vector<uint64_t> counts;
            std::vector<std::vector<std::string>> rejected_times;
            std::vector<PipelineStats> stats;
            for (bool prefilter : {false, true}) {
              Result<CompiledPattern> p = CompiledPattern::Compile(pattern);
              REQUIRE(p.ok());
              PipelineOptions options;
              options.pattern = &*p;
              options.prefilter = prefilter;
              options.deliver_rejected_times = times;
              if (range) {
                options.since = 1563108100;
                options.until = 1563108300;
              }
              LineCountSink sink(wants_fields);
              CollectingDiagnostics diag;
              std::vector<std::unique_ptr<Source>> sources;
              sources.push_back(NewStringSource("in.log", text, 1 << 16));
              stats.push_back(
                  RunPipeline(std::move(sources), options, &sink, &diag.diag));
              counts.push_back(sink.n);
              rejected_times.push_back(sink.times);
            }
            INFO("pattern " << pattern << " fields " << wants_fields
                            << " times " << times << " range " << range);
            CHECK(counts[0] == counts[1]);
            CHECK(rejected_times[0] == rejected_times[1]);
            CHECK(stats[0].lines == stats[1].lines);
            CHECK(stats[0].records == stats[1].records);
            CHECK(stats[0].selected == stats[1].selected);
            CHECK(stats[0].rejected == stats[1].rejected);
            CHECK(stats[0].malformed == stats[1].malformed);
            CHECK(stats[0].headers == stats[1].headers);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

// `inputs` through the pipeline on `threads`, the pattern REJECT.
Run RunFiles(const std::vector<std::string>& inputs, unsigned threads,
             CollectingSink* sink) {
  Result<CompiledPattern> pattern = CompiledPattern::Compile("REJECT");
  REQUIRE(pattern.ok());
  PipelineOptions options;
  options.pattern = &*pattern;
  options.threads = threads;
  CollectingDiagnostics diag;
  Run r;
  r.stats = RunPipeline(inputs, options, sink, &diag.diag);
  r.lines = sink->lines;
  r.warnings = diag.warnings;
  r.errors = diag.errors;
  return r;
}

// Small .gz files open ahead of their turn on threads of their own: the
// records still come in input order, with the same counts and the same
// input errors in the same place as opening them one by one.
TEST_CASE("inputs opened ahead run in input order", "[pipeline]") {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "flowmon-ahead-XXXXXX");
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  const fs::path dir = tmpl;
  std::vector<std::string> inputs;
  for (int i = 0; i < 9; ++i) {
    std::string text;
    for (int k = 0; k <= i; ++k) {
      text += "2 1 eni-" + std::to_string(i) + " 1.1.1.1 2.2.2.2 1 22 6 1 40 " +
              std::to_string(1563108188 + k) + " 1563108227 REJECT OK\n";
    }
    const fs::path path =
        dir / ("part-" + std::to_string(i) + (i == 4 ? ".log" : ".log.gz"));
    std::ofstream(path, std::ios::binary)
        << (i == 4 ? text : testing::Gzip(text));
    inputs.push_back(path.string());
    if (i == 6) inputs.push_back((dir / "missing.log.gz").string());
  }
  auto run = [&](unsigned threads) {
    CollectingSink sink;
    return RunFiles(inputs, threads, &sink);
  };
  const Run one = run(1);
  CHECK(one.lines.size() == 45);
  REQUIRE(one.errors.size() == 1);
  for (const unsigned threads : {2u, 3u, 8u}) {
    const Run many = run(threads);
    CheckSameRun(one, many);
    CHECK(one.errors == many.errors);
  }
  fs::remove_all(dir);
}

// A CollectingSink whose workers may scan inputs opened ahead; counts the
// records its workers got (on the threads that scanned ahead).
class AheadSink : public testing::CollectingSink {
 public:
  std::unique_ptr<RecordSink> NewWorker() const override {
    auto w = std::make_unique<AheadSink>();
    w->in_workers = in_workers;
    w->worker = true;
    return w;
  }
  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    if (worker) ++*in_workers;
    return CollectingSink::OnRecord(rec, ctx);
  }
  bool scans_ahead() const override { return true; }
  std::shared_ptr<std::atomic<int>> in_workers =
      std::make_shared<std::atomic<int>>(0);
  bool worker = false;
};

// Small .gz files opened ahead are scanned on the thread that opened them
// when the sink allows it (RecordSink::scans_ahead): the same records in
// the same order, the same counts, warnings and errors (bad lines with
// their line numbers, a later header line, a binary object, a damaged
// one, a missing one) as one thread scanning each in turn.
TEST_CASE("inputs scanned ahead give what one thread gives", "[pipeline]") {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "flowmon-scan-ahead-XXXXXX");
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  const fs::path dir = tmpl;
  const std::string header =
      "version account-id interface-id srcaddr dstaddr srcport dstport "
      "protocol packets bytes start end action log-status\n";
  std::vector<std::string> inputs;
  for (int i = 0; i < 12; ++i) {
    std::string text = i % 3 == 0 ? header : std::string();
    for (int k = 0; k <= i; ++k) {
      text += "2 1 eni-" + std::to_string(i) + " 1.1.1.1 2.2.2." +
              std::to_string(k) + " 1 22 6 1 40 " +
              std::to_string(1563108188 + k) + " 1563108227 REJECT OK\n";
      // Bad lines after a header line (i = 0, 6) and without one.
      if (k == i / 2 && i % 2 == 0) text += "2 1 too few fields REJECT\n";
    }
    if (i == 7) {
      // A later header line names another format for the rest, which has
      // a bad line of its own.
      text +=
          "srcaddr action\n9.9.9.9 REJECT\n7.7.7.7 REJECT extra\n"
          "8.8.8.8 ACCEPT\n";
    }
    if (i == 9) text = "2 1 eni REJECT\n" + std::string(3, '\0') + "\n";
    std::string bytes = testing::Gzip(text);
    if (i == 10) bytes.resize(bytes.size() - 12);  // cut: streamed
    const fs::path path = dir / ("part-" + std::to_string(i) + ".log.gz");
    std::ofstream(path, std::ios::binary) << bytes;
    inputs.push_back(path.string());
    if (i == 5) inputs.push_back((dir / "missing.log.gz").string());
  }
  std::vector<std::string> headers_of_one;
  auto run = [&](unsigned threads) {
    AheadSink sink;
    const Run r = RunFiles(inputs, threads, &sink);
    // When inputs open ahead, every record came through a worker but those
    // of the cut .gz (streamed: at most its 11) and the one after part-7's
    // later header (read on the main thread); none on one thread.
    if (threads == 1) {
      CHECK(*sink.in_workers == 0);
    } else {
      CHECK(*sink.in_workers + 12 >= static_cast<int>(sink.lines.size()));
    }
    if (threads == 1) {
      headers_of_one = sink.headers;
    } else {
      CHECK(sink.headers == headers_of_one);
    }
    return r;
  };
  const Run one = run(1);
  CHECK(one.stats.malformed >= 6);
  CHECK(one.errors.size() == 3);       // missing, binary, cut
  CHECK(headers_of_one.size() == 12);  // 11 inputs read, one later header
  for (const unsigned threads : {2u, 3u, 8u}) {
    INFO("threads " << threads);
    const Run many = run(threads);
    CheckSameRun(one, many);
    CHECK(one.errors == many.errors);
    CHECK(one.stats.headers == many.stats.headers);
    CHECK(one.stats.selected == many.stats.selected);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace flowmon
