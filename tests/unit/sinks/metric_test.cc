#include "flowmon/sinks/metric.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "test_util.h"

namespace flowmon {
namespace {

TEST_CASE("statistics", "[metric]") {
  Aggregate a;
  for (double v : {5.0, 1.0, 3.0, 2.0, 4.0}) a.Add(v, true);
  auto stat = [&](const char* name) {
    return *a.Compute(*Statistic::Parse(name));
  };
  CHECK(stat("SampleCount") == 5);
  CHECK(stat("Sum") == 15);
  CHECK(stat("Average") == 3);
  CHECK(stat("Minimum") == 1);
  CHECK(stat("Maximum") == 5);
  CHECK(stat("p50") == 3);
  CHECK(stat("p100") == 5);
  CHECK(stat("p0") == 1);
  CHECK(stat("p99.9") == 5);
  CHECK(stat("p20") == 1);
  CHECK(stat("p21") == 2);
  CHECK(stat("sum") == 15);  // any case
  // p99.9 of 1..1000 is the 999th value: 99.9 / 100 * 1000 is a hair above
  // 999 in floating point, and its ceiling used to give the maximum.
  Aggregate thousand;
  for (int v = 1000; v >= 1; --v) thousand.Add(v, true);
  CHECK(*thousand.Compute(*Statistic::Parse("p99.9")) == 999);
  CHECK(*thousand.Compute(*Statistic::Parse("p99.95")) == 1000);
  CHECK_FALSE(Statistic::Parse("p100.1").ok());
  CHECK_FALSE(Statistic::Parse("Median").ok());
  CHECK_FALSE(Aggregate().Compute(*Statistic::Parse("Sum")).has_value());
  Aggregate b;
  b.AddRepeated(0, 3, false);
  CHECK(b.count == 3);
  CHECK(b.sum == 0);
  a.Merge(b);
  CHECK(a.count == 8);
  CHECK(a.min == 0);
}

struct Minute {
  int64_t minute;
  std::string dims;
  double count, sum;
};

// How rejected records reach the aggregator: whole (every line tokenized)
// or only their times (the prefilter passes over lines without the
// pattern's literal).
enum class Delivery { kRecords, kTimes };

std::vector<Minute> Run(const std::string& text,
                        const std::string& pattern_text, MetricSpec spec,
                        bool keep = false,
                        Delivery delivery = Delivery::kRecords,
                        unsigned threads = 1) {
  Result<CompiledPattern> pattern = CompiledPattern::Compile(pattern_text);
  REQUIRE(pattern.ok());
  std::vector<Minute> out;
  auto agg = MetricAggregator::Create(
      spec, *pattern, keep, 600, [&](const ClosedMinute& m) {
        out.push_back({m.minute, m.dimensions, m.samples.count, m.samples.sum});
      });
  REQUIRE(agg.ok());
  PipelineOptions options;
  options.pattern = &*pattern;
  if (delivery == Delivery::kRecords) {
    options.deliver_rejected = (*agg)->wants_rejected();
  } else {
    options.deliver_rejected_times = (*agg)->wants_rejected();
  }
  options.threads = threads;
  options.span_bytes = 256;
  testing::RunOnText(agg->get(), text, options);
  (*agg)->Finish();
  return out;
}

// Two records a minute; the AWS example of default values.
const char* const kTwoPerMinute =
    "2 1 e 1.1.1.1 2.2.2.2 1 22 6 1 40 1563108000 1563108010 REJECT OK\n"
    "2 1 e 1.1.1.1 2.2.2.2 1 22 6 1 60 1563108030 1563108040 REJECT OK\n"
    "2 1 e 1.1.1.1 2.2.2.2 1 443 6 1 40 1563108060 1563108070 ACCEPT OK\n"
    "2 1 e 1.1.1.1 2.2.2.2 1 443 6 1 40 1563108090 1563108100 ACCEPT OK\n"
    "2 1 e 1.1.1.1 2.2.2.2 1 22 6 1 40 1563108240 1563108250 REJECT OK\n";

TEST_CASE("late records count one each, from a worker too", "[metric]") {
  // A record whose minute was handed out already (a live input) is late;
  // a worker's late minute counts its records, not itself.
  Result<CompiledPattern> pattern =
      CompiledPattern::Compile("[..., action=REJECT, status]");
  REQUIRE(pattern.ok());
  auto agg =
      MetricAggregator::Create(MetricSpec{"1", std::nullopt, {}}, *pattern,
                               false, 0, [](const ClosedMinute&) {});
  REQUIRE(agg.ok());
  MetricAggregator& main = **agg;
  const Record rec;
  main.OnRecordAt(rec, int64_t{1563108000} * 1000);
  main.AdvanceClock(1563108300);
  main.OnLiveChunkEnd();  // the minute of 1563108000 is handed out
  main.OnRecordAt(rec, int64_t{1563108010} * 1000);
  CHECK(main.counters().late == 1);
  std::unique_ptr<RecordSink> worker = main.NewWorker();
  auto& w = static_cast<MetricAggregator&>(*worker);
  for (int i = 0; i < 3; ++i) w.OnRecordAt(rec, int64_t{1563108020} * 1000);
  main.Absorb(w);
  CHECK(main.counters().late == 4);
}

TEST_CASE("default value: minutes with events but no match", "[metric]") {
  MetricSpec spec;
  spec.default_value = 0;
  const auto m = Run(kTwoPerMinute, "[..., action=REJECT, status]", spec);
  // "If matches are found in both log records in the first minute, the
  // metric value for that minute is 2. If there are no matches in the log
  // records published in the second minute, the Default Value of 0 is used
  // for both log records and the metric value for that minute is 0."
  // Minutes 3 and 4 have no log events at all: no datapoint.
  REQUIRE(m.size() == 3);
  CHECK((m[0].minute == 1563108000 && m[0].sum == 2 && m[0].count == 2));
  CHECK((m[1].minute == 1563108060 && m[1].sum == 0 && m[1].count == 2));
  CHECK((m[2].minute == 1563108240 && m[2].sum == 1));
  const auto none =
      Run(kTwoPerMinute, "[..., action=REJECT, status]", MetricSpec{});
  CHECK(none.size() == 2);  // without a default value: no data for minute 2
}

TEST_CASE("default value: lines the prefilter passes over still count",
          "[metric]") {
  // Minutes of REJECTs, of ACCEPTs only, malformed lines, a line whose
  // start is not a number and a double space before the start field.
  std::string text;
  for (int i = 0; i < 400; ++i) {
    const int64_t t = 1563108000 + i * 17;
    const bool reject = (i / 7) % 3 == 0;
    text +=
        fmt::format("2 1 e 1.1.1.{} 2.2.2.2 1 {} 6 1 {} {}{} {} {} OK\n", i % 5,
                    reject ? 22 : 443, 40 + i, i % 11 == 0 ? " " : "",
                    i % 13 == 0 ? std::string("-") : std::to_string(t), t + 10,
                    reject ? "REJECT" : "ACCEPT");
    if (i % 50 == 0) text += "2 too few fields\n";
  }
  MetricSpec spec;
  spec.default_value = 0;
  for (const char* pattern :
       {"[..., action=REJECT, status]", "REJECT",
        "[v, a, e, s, d, sp, dp=22, p, pk, b, st, en, action=REJECT, ls]"}) {
    const auto whole = Run(text, pattern, spec, false, Delivery::kRecords);
    REQUIRE(whole.size() > 20);
    for (unsigned threads : {1u, 2u}) {
      const auto times =
          Run(text, pattern, spec, false, Delivery::kTimes, threads);
      REQUIRE(times.size() == whole.size());
      for (size_t i = 0; i < whole.size(); ++i) {
        CHECK(times[i].minute == whole[i].minute);
        CHECK(times[i].count == whole[i].count);
        CHECK(times[i].sum == whole[i].sum);
      }
    }
  }
}

TEST_CASE("metric values: a field, non-numeric values skipped", "[metric]") {
  MetricSpec spec;
  spec.value = "$bytes";
  const auto m = Run(
      kTwoPerMinute +
          std::string("2 1 e - - - - - - - 1563108250 1563108300 - NODATA\n"),
      "[v, a, e, s, d, sp, dp, p, pk, bytes, start, end, action, status]",
      spec);
  REQUIRE(m.size() == 3);
  CHECK(m[0].sum == 100);
  CHECK(m[2].count == 1);  // the NODATA record's '-' published nothing
}

TEST_CASE("dimensions: one series per value", "[metric]") {
  MetricSpec spec;
  spec.dimensions = {"Port=$dstport", "Action=$action"};
  const auto m = Run(
      kTwoPerMinute,
      "[v, a, e, s, d, sp, dstport, p, pk, bytes, start, end, action, status]",
      spec);
  REQUIRE(m.size() == 3);
  CHECK(m[0].dims == "Port=22,Action=REJECT");
  CHECK(m[1].dims == "Port=443,Action=ACCEPT");
  CHECK(m[1].sum == 2);
}

TEST_CASE("dimensions: values holding ',' and '=' stay their own series",
          "[metric]") {
  MetricSpec spec;
  spec.dimensions = {"A=$account", "B=$eni"};
  // Joined without escaping, both records' keys would be "A=x,B=y,B=z".
  const auto m = Run(
      "2 x,B=y z 1.1.1.1 2.2.2.2 1 22 6 1 40 1563108000 1563108010 REJECT OK\n"
      "2 x y,B=z 1.1.1.1 2.2.2.2 1 22 6 1 40 1563108030 1563108040 REJECT OK\n",
      "[v, account, eni, s, d, sp, dp, p, pk, bytes, start, end, action, "
      "status]",
      spec);
  REQUIRE(m.size() == 2);
  CHECK(m[0].dims != m[1].dims);
  CHECK(m[0].count == 1);
  CHECK(m[1].count == 1);
}

TEST_CASE("metric spec errors", "[metric]") {
  Result<CompiledPattern> p = CompiledPattern::Compile("[a, b]");
  auto make = [&](MetricSpec spec) {
    return MetricAggregator::Create(spec, *p, false, 0,
                                    [](const ClosedMinute&) {});
  };
  MetricSpec dims_and_default;
  dims_and_default.dimensions = {"A=$a"};
  dims_and_default.default_value = 0;
  CHECK_FALSE(make(dims_and_default).ok());
  CHECK_FALSE(make(MetricSpec{"$c", std::nullopt, {}}).ok());
  CHECK(make(MetricSpec{"$.latency", std::nullopt, {}}).ok());
  MetricSpec bad_dimension;
  bad_dimension.dimensions = {"nameonly"};
  CHECK_FALSE(make(bad_dimension).ok());
}

TEST_CASE("JSON metric values from CloudWatch events keep their timestamps",
          "[metric]") {
  MetricSpec spec;
  spec.value = "$.latency";
  const std::string events =
      R"({"events":[{"timestamp":1563108000000,"message":"{\"latency\":120}"},)"
      R"({"timestamp":1563108030500,"message":"{\"latency\":80}"},)"
      R"({"timestamp":1563108075000,"message":"{\"latency\":\"slow\"}"}]})";
  Result<CompiledPattern> pattern =
      CompiledPattern::Compile("{ $.latency = * }");
  std::vector<Minute> out;
  auto agg = MetricAggregator::Create(
      spec, *pattern, false, 0, [&](const ClosedMinute& m) {
        out.push_back({m.minute, m.dimensions, m.samples.count, m.samples.sum});
      });
  PipelineOptions options;
  options.pattern = &*pattern;
  options.schema = Schema::Raw();
  testing::CollectingDiagnostics diag;
  std::vector<std::unique_ptr<Source>> sources;
  Result<std::unique_ptr<Source>> converted =
      ReadAsEvents(NewStringSource("in", events, 4096), InputFormat::kAuto);
  sources.push_back(std::move(converted.value()));
  RunPipeline(std::move(sources), options, agg->get(), &diag.diag);
  (*agg)->Finish();
  REQUIRE(out.size() == 1);
  CHECK(out[0].minute == 1563108000);
  CHECK(out[0].sum == 200);
  CHECK((*agg)->counters().non_numeric == 1);
}

}  // namespace
}  // namespace flowmon
