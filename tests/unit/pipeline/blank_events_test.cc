// CloudWatch events that are only white space are events (the patterns ""
// and " " match every event, as in CloudWatch); blank lines of text files
// are skipped.
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "test_util.h"

namespace flowmon {
namespace {

const char* const kEvents = R"({"events":[
  {"timestamp":1563108188000,"message":"2 086112738802 eni-1 10.0.0.1 10.0.0.2 39611 22 6 1 40 1563108188 1563108227 REJECT OK"},
  {"timestamp":1563108189000,"message":" "},
  {"timestamp":1563108190000,"message":""},
  {"timestamp":1563108191000,"message":"\t"}]})";

struct Counted {
  std::vector<std::string> lines;
  PipelineStats stats;
  uint64_t malformed = 0;
};

Counted Run(const std::string& input, const char* pattern_text, Schema schema) {
  Result<CompiledPattern> pattern = CompiledPattern::Compile(pattern_text);
  REQUIRE(pattern.ok());
  Result<std::unique_ptr<Source>> source =
      ReadAsEvents(NewMemorySource("in", input, 4096), InputFormat::kAuto);
  REQUIRE(source.ok());
  std::vector<std::unique_ptr<Source>> sources;
  sources.push_back(std::move(*source));
  PipelineOptions options;
  options.schema = std::move(schema);
  options.pattern = &*pattern;
  testing::CollectingSink sink;
  testing::CollectingDiagnostics diag;
  Counted out;
  out.stats = RunPipeline(std::move(sources), options, &sink, &diag.diag);
  out.lines = sink.lines;
  out.malformed = diag.diag.malformed();
  const PipelineStats& s = out.stats;
  CHECK(s.lines == s.records + s.malformed + s.headers + s.blank);
  CHECK(s.records == s.selected + s.rejected);
  return out;
}

TEST_CASE("blank CloudWatch events are events", "[pipeline]") {
  for (const char* all : {"", " ", "[]"}) {
    const Counted raw = Run(kEvents, all, Schema::Raw());
    CHECK(raw.lines.size() == 4);
    CHECK(raw.stats.blank == 0);
    CHECK(raw.stats.selected == 4);
  }
  const Counted reject = Run(kEvents, "REJECT", Schema::Raw());
  CHECK(reject.stats.selected == 1);
  CHECK(reject.stats.rejected == 3);
  // With a flow-log format, an empty event is not a record: it is reported
  // like any other event with the wrong number of fields.
  const Counted v2 = Run(kEvents, "", Schema::DefaultV2());
  CHECK(v2.stats.selected == 1);
  CHECK(v2.stats.malformed == 3);
  CHECK(v2.malformed == 3);
}

TEST_CASE("blank lines of text inputs are skipped", "[pipeline]") {
  const Counted text = Run("a b\n\n   \nc\n", "", Schema::Raw());
  CHECK(text.lines == std::vector<std::string>{"a b", "c"});
  CHECK(text.stats.blank == 2);
}

}  // namespace
}  // namespace flowmon
