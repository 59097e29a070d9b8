#include "scan/prefilter.h"

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("the rarest byte avoids what every flow-log line holds",
          "[prefilter]") {
  CHECK(RarestByte("REJECT") == 'J');
  // K and O are in "OK" on nearly every line, P in every ACCEPT.
  const char skip = RarestByte("SKIPDATA");
  CHECK(skip != 'K');
  CHECK(skip != 'P');
  CHECK(skip != 'A');
  CHECK(RarestByte("NODATA") != 'O');
  CHECK(RarestByte("443") == '4');
  CHECK(RarestByte("eni-0abc") == 'b');
  CHECK(RarestByte("x=Q") == 'Q');
}

}  // namespace
}  // namespace flowmon
