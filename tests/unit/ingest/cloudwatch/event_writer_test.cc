#include "ingest/cloudwatch/event_writer.h"

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("EventWriter: one event a line, the first error", "[cloudwatch]") {
  EventWriter w("in");
  w.Add(1, "a\nb\r\nc");
  w.Add(-1, "");
  CHECK(w.text() == "a b  c\n\n");
  CHECK(w.timestamps()[0] == 1);
  CHECK(w.timestamps()[1] == -1);
  CHECK(w.error().ok());
  w.Error("first");
  w.Error("second");
  CHECK(w.error().code() == Status::Code::kCorrupt);
  CHECK(w.error().message() == "in: first");
}

}  // namespace
}  // namespace flowmon
