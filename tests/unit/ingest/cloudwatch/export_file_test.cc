#include "ingest/cloudwatch/export_file.h"

#include <string>

#include "catch.h"
#include "guarded_bytes.h"
#include "ingest/ingest_test_util.h"

namespace flowmon {
namespace {

TEST_CASE("export files", "[cloudwatch]") {
  const testing::ReadEvents exported = testing::ReadAsEventsFrom(
      "2019-07-14T12:43:08.000Z 2 a b\n2019-07-14T12:43:09.123Z c d\n");
  CHECK(exported.messages == testing::Strings{"2 a b", "c d"});
  CHECK(exported.timestamps == testing::Times{1563108188000, 1563108189123});
  const testing::ReadEvents gz = testing::ReadAsEventsFrom(
      testing::ReadSample("cloudwatch/export-000000.gz"));
  CHECK(gz.messages.size() == 4);
}

TEST_CASE("export timestamps: a line that starts with a space",
          "[cloudwatch]") {
  // Its shape passes the dash and colon checks, so the first space is at 0:
  // nothing before the line may be read (the byte before is unmapped).
  const testing::GuardedBytes line(" 019-07-14T12:43:08.000Z x",
                                   testing::GuardedBytes::Edge::kBefore);
  CHECK(ExportTimestampLength(line.view()) == 0);
  EventWriter w("f");
  ReadExportFile(line.view(), &w);
  CHECK(w.text() == " 019-07-14T12:43:08.000Z x\n");
}

TEST_CASE("export timestamps", "[cloudwatch]") {
  CHECK(ExportTimestampLength("2019-07-14T12:43:08.000Z x") == 24);
  CHECK(ExportTimestampLength("2019-07-14T12:43:08Z x") == 20);
  CHECK(ExportTimestampLength("2019-07-14T12:43:08.000 x") == 0);
  CHECK(ExportTimestampLength("2019-07-14 12:43:08.000Z x") == 0);
  CHECK(ExportTimestampLength("2019-07-14T12:43:08.000Z") == 0);
  EventWriter w("f");
  ReadExportFile("2019-07-14T12:43:08.000Z a\r\n\nplain line\n", &w);
  CHECK(w.text() == "a\nplain line\n");
  CHECK(w.timestamps()[1] == -1);
}

}  // namespace
}  // namespace flowmon
