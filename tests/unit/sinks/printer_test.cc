#include "flowmon/sinks/printer.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/time_util.h"
#include "flowmon/ingest/input_files.h"
#include "test_util.h"

namespace flowmon {
namespace {

TEST_CASE("output formats by name", "[printer]") {
  CHECK(*ParseOutputFormat("tsv") == OutputFormat::kTsv);
  CHECK_FALSE(ParseOutputFormat("xml").ok());
}

// What a PrinterSink writes for `text` run through the pipeline.
std::string Print(std::string_view text, PrinterOptions options) {
  char* data = nullptr;
  size_t size = 0;
  std::FILE* out = open_memstream(&data, &size);
  REQUIRE(out != nullptr);
  {
    PrinterSink sink(options, out);
    testing::RunOnText(&sink, text);
    REQUIRE(sink.Finish().ok());
  }
  std::fclose(out);
  std::string written(data, size);
  std::free(data);
  return written;
}

TEST_CASE("a printer holds output per record, a count does not", "[printer]") {
  // Whole inputs are cut into small spans only for sinks whose workers
  // keep what they will print (PipelineOptions::span_bytes): a count's
  // spans may be large.
  PrinterOptions options;
  CHECK(PrinterSink(options, stdout).holds_output());
  options.format = OutputFormat::kJson;
  CHECK(PrinterSink(options, stdout).holds_output());
  options.count_only = true;
  CHECK_FALSE(PrinterSink(options, stdout).holds_output());
}

const char* const kCsiRecord =
    "2 1 e 1.1.1.1 2.2.2.2 40000 22 6 1 40 100 110 REJECT OK\xc2\x9b"
    "2J\n";

TEST_CASE("records reach a terminal without its controls", "[printer]") {
  PrinterOptions options;
  CHECK(Print(kCsiRecord, options) == kCsiRecord);
  options.escape_controls = true;
  CHECK(Print(kCsiRecord, options) ==
        "2 1 e 1.1.1.1 2.2.2.2 40000 22 6 1 40 100 110 REJECT "
        "OK\\xc2\\x9b2J\n");
}

TEST_CASE("integer fields are JSON numbers, leading zeros and all",
          "[printer]") {
  PrinterOptions options;
  options.format = OutputFormat::kNdjson;
  CHECK(Print("2 1 e 1.1.1.1 2.2.2.2 0022 0 6 1 40 100 110 REJECT OK\n",
              options) ==
        "{\"version\":2,\"account-id\":\"1\",\"interface-id\":\"e\","
        "\"srcaddr\":\"1.1.1.1\",\"dstaddr\":\"2.2.2.2\",\"srcport\":22,"
        "\"dstport\":0,\"protocol\":6,\"packets\":1,\"bytes\":40,"
        "\"start\":100,\"end\":110,\"action\":\"REJECT\",\"log-status\":"
        "\"OK\"}\n");
}

// filter --invert prints records the pattern does not fit: their fields
// are named by position, never read past the record's size (where the
// previous record's views, perhaps dangling, still sit).
TEST_CASE(
    "records a space-delimited pattern does not fit print their own fields",
    "[printer]") {
  auto pattern = CompiledPattern::Compile("[..., action=REJECT, status]");
  REQUIRE(pattern.ok());
  const Schema raw = Schema::Raw();
  RecordContext ctx;
  ctx.schema = &raw;
  Record rec;
  rec.fields[0] = "single";
  rec.fields[1] = "stale";
  rec.fields[2] = "STALE";
  rec.size = 1;
  rec.line = "single";
  for (OutputFormat format : {OutputFormat::kNdjson, OutputFormat::kCsv}) {
    PrinterOptions options;
    options.format = format;
    options.pattern = &*pattern;
    char* data = nullptr;
    size_t size = 0;
    std::FILE* out = open_memstream(&data, &size);
    REQUIRE(out != nullptr);
    {
      PrinterSink sink(options, out);
      sink.OnInput(raw, "");
      sink.OnRecord(rec, ctx);
      REQUIRE(sink.Finish().ok());
    }
    std::fclose(out);
    const std::string written(data, size);
    std::free(data);
    CHECK(written == (format == OutputFormat::kNdjson ? "{\"$1\":\"single\"}\n"
                                                      : "$1\nsingle\n"));
  }
}

}  // namespace
}  // namespace flowmon
