// ValueTest and ParseCompareOp: the `op value` half of every comparison.
#include "flowmon/pattern/compare.h"

#include "catch.h"

namespace flowmon {
namespace {

ValueTest String(CompareOp op, std::string value) {
  ValueTest v;
  v.op = op;
  v.SetString(std::move(value));
  return v;
}

ValueTest Number(CompareOp op, double number) {
  ValueTest v;
  v.op = op;
  v.numeric = true;
  v.number = number;
  return v;
}

TEST_CASE("ParseCompareOp: the six operators only", "[pattern][compare]") {
  CompareOp op;
  CHECK((ParseCompareOp("<=", &op) && op == CompareOp::kLe));
  CHECK((ParseCompareOp("!=", &op) && op == CompareOp::kNe));
  CHECK((ParseCompareOp(">", &op) && op == CompareOp::kGt));
  CHECK_FALSE(ParseCompareOp("==", &op));
  CHECK_FALSE(ParseCompareOp("=!", &op));
  CHECK_FALSE(ParseCompareOp("", &op));
}

TEST_CASE("ValueTest: '*' anchors at the ends only", "[pattern][compare]") {
  const ValueTest prefix = String(CompareOp::kEq, "Ev*");
  CHECK(prefix.wildcard == Wildcard::kPrefix);
  CHECK(prefix.text == "Ev");
  CHECK(prefix.TestString("Event"));
  CHECK(String(CompareOp::kEq, "*ent").wildcard == Wildcard::kSuffix);
  CHECK(String(CompareOp::kEq, "*ven*").TestString("Event"));
  CHECK(String(CompareOp::kEq, "**").wildcard == Wildcard::kAny);
  // "Ev*ent will only match the actual string Ev*ent".
  const ValueTest middle = String(CompareOp::kEq, "Ev*ent");
  CHECK(middle.wildcard == Wildcard::kExact);
  CHECK_FALSE(middle.TestString("Event"));
  CHECK(middle.TestString("Ev*ent"));
  CHECK_FALSE(String(CompareOp::kNe, "Ev*").TestString("Event"));
  CHECK(String(CompareOp::kNe, "Ev*").TestString("Put"));
}

TEST_CASE("ValueTest: numeric operators", "[pattern][compare]") {
  CHECK(Number(CompareOp::kEq, 22).TestNumber(22.0));
  CHECK(Number(CompareOp::kNe, 22).TestNumber(23));
  CHECK(Number(CompareOp::kLt, 1534).TestNumber(1000));
  CHECK_FALSE(Number(CompareOp::kLt, 1534).TestNumber(1534));
  CHECK(Number(CompareOp::kLe, 1534).TestNumber(1534));
  CHECK(Number(CompareOp::kGt, -1.5e3).TestNumber(-1000));
  CHECK(Number(CompareOp::kGe, 5324).TestNumber(5324));
}

}  // namespace
}  // namespace flowmon
