#include "flowmon/alarm/monitor_set.h"

#include <fmt/format.h>

#include <random>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "flowmon/scan/tokenizer.h"
#include "test_util.h"

namespace flowmon {
namespace {

// Minutes of SSH and RDP rejects, accepts, NODATA rows and malformed lines.
// No pattern below holds a byte of "ACCEPT" that is rare: the prefilter
// passes over the accepts, and the monitors with a default value must
// still count them.
std::string Traffic(unsigned seed, int records) {
  std::mt19937 rng(seed);
  std::string text;
  int64_t t = 1563108000;
  for (int i = 0; i < records; ++i) {
    t += static_cast<int64_t>(rng() % 9);
    const unsigned k = rng() % 10;
    if (k == 0) {
      text +=
          fmt::format("2 1 eni-1 - - - - - - - {} {} - NODATA\n", t, t + 60);
    } else if (k == 1) {
      text += "2 too few fields\n";
    } else {
      const bool reject = k < 5;
      text += fmt::format(
          "2 1 eni-1 1.1.1.{} 10.0.0.1 {} {} 6 1 {} {} {} {} OK\n", rng() % 4,
          1024 + rng() % 5000, reject ? (rng() % 2 ? 22 : 3389) : 443,
          40 + rng() % 2000, t, t + 5, reject ? "REJECT" : "ACCEPT");
    }
  }
  return text;
}

std::vector<MonitorSpec> Specs() {
  std::vector<MonitorSpec> specs;
  auto add = [&](const char* pattern, double threshold,
                 std::optional<double> default_value, const char* value,
                 TreatMissingData treat) {
    MonitorSpec s;
    s.origin = fmt::format("monitor {}", specs.size());
    s.pattern = pattern;
    s.metric.value = value;
    s.metric.default_value = default_value;
    s.alarm.threshold = threshold;
    s.alarm.treat_missing = treat;
    specs.push_back(std::move(s));
  };
  add("[..., dstport=22, protocol=6, packets, bytes, start, end, "
      "action=REJECT, status]",
      3, 0.0, "1", TreatMissingData::kMissing);
  add("[v, a, e, s, d, sp, dp, p, pk, bytes, st, en, action=REJECT, ls]", 2000,
      std::nullopt, "$bytes", TreatMissingData::kNotBreaching);
  add("NODATA", 1, 0.0, "1", TreatMissingData::kBreaching);
  add("[..., dstport=3389, p, pk, b, st, en, action=REJECT, ls]", 2,
      std::nullopt, "1", TreatMissingData::kMissing);
  return specs;
}

struct Outcome {
  std::vector<std::string> transitions;  // per monitor, then in order
  std::vector<std::string> datapoints;
};

// Runs the monitors over `text`: behind the pattern set (prefilter on), or
// behind a pipeline that selects every record (the set matches itself).
Outcome Check(const std::string& text, bool pattern_set, unsigned threads) {
  std::vector<std::string> live;
  Result<std::unique_ptr<MonitorSet>> set =
      MonitorSet::Create(Specs(), 600, [&](size_t i, const AlarmTransition& t) {
        live.push_back(fmt::format("{} {} {}", i, t.time, t.reason));
      });
  REQUIRE(set.ok());
  PipelineOptions options;
  if (pattern_set) (*set)->ConfigurePipeline(&options);
  options.threads = threads;
  options.span_bytes = 500;
  testing::RunOnText(set->get(), text, options);
  (*set)->Finish();
  Outcome out;
  for (size_t i = 0; i < (*set)->size(); ++i) {
    for (const AlarmTransition& t : (*set)->transitions(i)) {
      out.transitions.push_back(fmt::format("{} {} {} -> {}: {}", i, t.time,
                                            AlarmStateName(t.from),
                                            AlarmStateName(t.to), t.reason));
    }
    for (const auto& [start, v] : (*set)->alarm(i).datapoints()) {
      out.datapoints.push_back(fmt::format("{} {} {}", i, start, v));
    }
  }
  CHECK(live.size() == out.transitions.size());
  return out;
}

TEST_CASE(
    "monitor set: the prefiltered pattern set gives every monitor "
    "what matching each record against each pattern gives",
    "[alarm]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    const std::string text = Traffic(seed, 3000);
    const Outcome reference = Check(text, /*pattern_set=*/false, 1);
    REQUIRE(reference.transitions.size() > 10);
    for (unsigned threads : {1u, 2u}) {
      const Outcome run = Check(text, /*pattern_set=*/true, threads);
      CHECK(run.transitions == reference.transitions);
      CHECK(run.datapoints == reference.datapoints);
    }
  }
}

TEST_CASE("monitor set: the pipeline set-up", "[alarm]") {
  Result<std::unique_ptr<MonitorSet>> set =
      MonitorSet::Create(Specs(), 600, nullptr);
  REQUIRE(set.ok());
  PipelineOptions options;
  (*set)->ConfigurePipeline(&options);
  CHECK(options.patterns.size() == 4);
  CHECK(options.pattern == nullptr);
  CHECK(options.deliver_rejected_times);  // two monitors have default values
  CHECK(options.deliver_rejected_when_live);
  CHECK_FALSE(options.deliver_rejected);
  CHECK_FALSE((*set)->all_json());

  std::vector<MonitorSpec> bad = Specs();
  bad[1].pattern = "[a,";
  Result<std::unique_ptr<MonitorSet>> error =
      MonitorSet::Create(bad, 600, nullptr);
  REQUIRE_FALSE(error.ok());
  CHECK(error.status().message().starts_with("monitor 1: "));
  bad = Specs();
  bad[2].metric.value = "$nope";
  error = MonitorSet::Create(bad, 600, nullptr);
  REQUIRE_FALSE(error.ok());
  CHECK(error.status().message().starts_with("monitor 2: "));
}

// A monitor's stream clock moves with every record the set sees, the ones
// only other monitors match included: on a stream, its minute closes (and
// its alarm fires) when the chunk ends, not only at the end of the input.
TEST_CASE(
    "monitor set: on a stream, records other monitors match close a "
    "monitor's minutes",
    "[alarm]") {
  std::vector<MonitorSpec> specs(2);
  for (size_t i = 0; i < specs.size(); ++i) {
    specs[i].origin = fmt::format("monitor {}", i);
    specs[i].pattern = fmt::format(
        "[..., dstport={}, protocol, packets, bytes, start, end, action, "
        "status]",
        i == 0 ? 22 : 3389);
    specs[i].metric.value = "1";
    specs[i].alarm.threshold = 1;
  }
  std::vector<std::string> fired;
  Result<std::unique_ptr<MonitorSet>> set =
      MonitorSet::Create(specs, 60, [&](size_t i, const AlarmTransition& t) {
        fired.push_back(fmt::format("{} {}", i, AlarmStateName(t.to)));
      });
  REQUIRE(set.ok());
  const Schema schema = Schema::DefaultV2();
  RecordContext ctx;
  ctx.schema = &schema;
  auto feed = [&](const std::string& line, std::vector<uint8_t> matches) {
    Record rec;
    size_t column = 0;
    REQUIRE(SplitFields(line, &rec, &column) == LineError::kOk);
    ctx.matches = std::span<const uint8_t>(matches);
    (*set)->OnRecord(rec, ctx);
  };
  feed(
      "2 1 eni-1 1.1.1.1 10.0.0.1 5000 22 6 1 40 1563108000 1563108005 "
      "REJECT OK",
      {1, 0});
  feed(
      "2 1 eni-1 1.1.1.1 10.0.0.1 5000 3389 6 1 40 1563108300 1563108305 "
      "REJECT OK",
      {0, 1});
  (*set)->OnLiveChunkEnd();
  CHECK(fired == std::vector<std::string>{"0 ALARM", "0 INSUFFICIENT_DATA"});
}

}  // namespace
}  // namespace flowmon
