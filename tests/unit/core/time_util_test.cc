#include "flowmon/core/time_util.h"

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/ingest/input_files.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

TEST_CASE("time arguments", "[time]") {
  CHECK(*ParseTimeArg("1563108188") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08Z") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T14:43:08+02:00") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14T12:43:08.750Z") == 1563108188);
  CHECK(*ParseTimeArg("2019-07-14") == 1563062400);
  CHECK(*ParseTimeArg("1970-01-01T00:00Z") == 0);
  CHECK_FALSE(ParseTimeArg("2019-02-30").ok());
  CHECK_FALSE(ParseTimeArg("yesterday").ok());
  CHECK_FALSE(ParseTimeArg("2019-07-14T25:00:00Z").ok());
  CHECK(FormatIso8601(1563108188) == "2019-07-14T12:43:08Z");
}

}  // namespace
}  // namespace flowmon
