#include "flowmon/ingest/input_files.h"

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/time_util.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

TEST_CASE("inputs: none is stdin, directories are walked in order", "[input]") {
  CHECK(ExpandInputs({}).files == std::vector<std::string>{"-"});
  const ExpandedInputs tree = ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"});
  REQUIRE(tree.files.size() >= 2);
  CHECK(std::is_sorted(tree.files.begin(), tree.files.end()));
  CHECK(tree.errors.empty());
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

TEST_CASE("S3 layout folders give a file's delivery span", "[input]") {
  int64_t b = 0, e = 0;
  REQUIRE(PathTimeSpan("AWSLogs/1/vpcflowlogs/us-east-1/2019/07/14/x.log.gz",
                       &b, &e));
  CHECK(b == 1563062400);
  CHECK(e == 1563062400 + 86400);
  REQUIRE(
      PathTimeSpan("AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/"
                   "aws-region=r/year=2019/month=07/"
                   "day=14/hour=05/x.log.gz",
                   &b, &e));
  CHECK(b == 1563062400 + 5 * 3600);
  CHECK(e == b + 3600);
  CHECK_FALSE(PathTimeSpan("samples/v2.log", &b, &e));
  size_t pruned = 0;
  const ExpandedInputs in =
      ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"}, int64_t{1563148800},
                   std::nullopt, &pruned);
  CHECK(pruned == 1);
  CHECK(in.files.size() == 1);
  // A folder's records may start up to an hour before it: kept.
  const ExpandedInputs margin =
      ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"}, std::nullopt,
                   int64_t{1563148800 - 1800}, &pruned);
  CHECK(margin.files.size() == 2);
}

}  // namespace
}  // namespace flowmon
