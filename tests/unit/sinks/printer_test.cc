#include "flowmon/sinks/printer.h"

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/time_util.h"
#include "flowmon/ingest/input_files.h"

namespace flowmon {
namespace {

TEST_CASE("output formats by name", "[printer]") {
  CHECK(*ParseOutputFormat("tsv") == OutputFormat::kTsv);
  CHECK_FALSE(ParseOutputFormat("xml").ok());
}

}  // namespace
}  // namespace flowmon
