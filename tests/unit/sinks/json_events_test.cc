// JSON events in json/ndjson output come out as the events' own JSON,
// minified, not split into $1, $2 ...
#include <cstdio>
#include <string>

#include "catch.h"
#include "flowmon/sinks/printer.h"
#include "test_util.h"

namespace flowmon {
namespace {

const char* const kEvents =
    "{\"level\": \"ERROR\", \"msg\": \"disk full\", \"n\": [1, 2],\t\"o\": "
    "{\"k\": \"a b\"}}\n"
    "{\"level\": \"INFO\", \"msg\": \"ok\"}\n"
    "not json ERROR\n"
    "[1, \"ERROR\"]\n"
    "{\"broken\": ERROR\n";

std::string Print(OutputFormat format, const char* pattern_text,
                  unsigned threads = 1) {
  Result<CompiledPattern> pattern = CompiledPattern::Compile(pattern_text);
  REQUIRE(pattern.ok());
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  PrinterOptions printer;
  printer.format = format;
  printer.pattern = &*pattern;
  PrinterSink sink(printer, f);
  PipelineOptions options;
  options.schema = Schema::Raw();
  options.pattern = &*pattern;
  options.threads = threads;
  options.span_bytes = 16;
  testing::RunOnText(&sink, kEvents, options);
  REQUIRE(sink.Finish().ok());
  std::string out(static_cast<size_t>(std::ftell(f)), '\0');
  std::rewind(f);
  REQUIRE(std::fread(out.data(), 1, out.size(), f) == out.size());
  std::fclose(f);
  return out;
}

TEST_CASE("json output: a JSON event is written as itself", "[printer]") {
  const std::string error =
      R"({"level":"ERROR","msg":"disk full","n":[1,2],"o":{"k":"a b"}})";
  CHECK(Print(OutputFormat::kJson, R"({ $.level = "ERROR" })") ==
        "[\n" + error + "\n]\n");
  CHECK(Print(OutputFormat::kNdjson, R"({ $.level = "ERROR" })") ==
        error + "\n");
  // Whatever the pattern: JSON objects and arrays as themselves, other
  // events (and broken JSON) split into fields.
  CHECK(Print(OutputFormat::kNdjson, "ERROR") ==
        error + "\n" +
            R"({"$1":"not","$2":"json","$3":"ERROR"})"
            "\n"
            R"([1,"ERROR"])"
            "\n"
            R"({"$1":"{\"broken\":","$2":"ERROR"})"
            "\n");
  // Spans scanned on several threads give the same output.
  CHECK(Print(OutputFormat::kNdjson, "ERROR", 4) ==
        Print(OutputFormat::kNdjson, "ERROR"));
}

}  // namespace
}  // namespace flowmon
