// ParseJsonSelector and SelectJson: the selector grammar and its walk.
#include "pattern/json_selector.h"

#include <string>
#include <vector>

#include "catch.h"
#include "pattern/json_event.h"

namespace flowmon {
namespace {

using Kind = SelectorStep::Kind;

std::vector<SelectorStep> Steps(std::string_view text, size_t* end) {
  std::vector<SelectorStep> path;
  PatternError error;
  size_t pos = 0;
  const bool ok = ParseJsonSelector(text, &pos, &path, &error);
  INFO(error.message);
  REQUIRE(ok);
  *end = pos;
  return path;
}

std::vector<std::string> Selected(std::string_view selector,
                                  std::string_view event) {
  size_t end;
  const std::vector<SelectorStep> path = Steps(selector, &end);
  simdjson::dom::element root;
  REQUIRE(ParseJsonEvent(event, &root));
  std::vector<std::string> out;
  auto all = [&out](simdjson::dom::element e) {
    out.push_back(simdjson::to_string(e));
    return false;  // keep going
  };
  CHECK_FALSE(SelectJson(root, path, 0, all));
  return out;
}

TEST_CASE("selector: steps and where parsing stops", "[pattern][json]") {
  size_t end = 0;
  const auto path = Steps("  $.objectList[1].id = 2", &end);
  REQUIRE(path.size() == 3);
  CHECK((path[0].kind == Kind::kKey && path[0].key == "objectList"));
  CHECK((path[1].kind == Kind::kIndex && path[1].index == 1));
  CHECK((path[2].kind == Kind::kKey && path[2].key == "id"));
  CHECK(end == 20);  // at the space before '='

  const auto quoted = Steps(R"($["a b"]['c'][*])", &end);
  REQUIRE(quoted.size() == 3);
  CHECK(quoted[0].key == "a b");
  CHECK(quoted[1].key == "c");
  CHECK(quoted[2].kind == Kind::kAnyElement);
  const auto member = Steps("$.a.*", &end);
  REQUIRE(member.size() == 2);
  CHECK(member[1].kind == Kind::kAnyMember);
  CHECK(Steps("$", &end).empty());
}

TEST_CASE("selector: bracket notation after '.'", "[pattern][json]") {
  // The user guide's $.['cluster.name'], for a key with a period.
  size_t end = 0;
  const auto dotted = Steps("$.['cluster.name'].x", &end);
  REQUIRE(dotted.size() == 2);
  CHECK((dotted[0].kind == Kind::kKey && dotted[0].key == "cluster.name"));
  CHECK(dotted[1].key == "x");
  const auto spaced = Steps(R"($.["key with space"][0])", &end);
  REQUIRE(spaced.size() == 2);
  CHECK(spaced[0].key == "key with space");
  CHECK(spaced[1].index == 0);
}

// "COLUMN: MESSAGE" of the error parsing a selector at text[pos].
std::string SelectorError(std::string_view text, size_t pos = 0) {
  std::vector<SelectorStep> path;
  PatternError error;
  REQUIRE_FALSE(ParseJsonSelector(text, &pos, &path, &error));
  return std::to_string(error.column) + ": " + error.message;
}

TEST_CASE("selector: errors name the column", "[pattern][json]") {
  CHECK(SelectorError("{ a = 1 }", 2) ==
        "3: expected a selector starting with '$'");
  CHECK(SelectorError("$.a[x]") ==
        "5: expected an array index, '*' or a quoted key");
}

TEST_CASE("selector: one wildcard per property selector", "[pattern][json]") {
  CHECK(SelectorError("$.a[*].*") ==
        "7: a property selector may use only one wildcard ([*] or .*)");
  CHECK(SelectorError("$.*[*]").starts_with("4: a property selector"));
}

TEST_CASE("selector: wildcards select every value in order",
          "[pattern][json]") {
  const char* const e = R"({"a": [{"id": 1}, {"id": 2}, {"x": 3}], "b": 4})";
  CHECK(Selected("$.a[*].id", e) == std::vector<std::string>{"1", "2"});
  CHECK(Selected("$.*", e).size() == 2);
  CHECK(Selected("$.a[1].id", e) == std::vector<std::string>{"2"});
  CHECK(Selected("$.b.id", e).empty());
  CHECK(Selected("$.b[0]", e).empty());
}

TEST_CASE("event: only JSON objects and arrays parse", "[pattern][json]") {
  simdjson::dom::element root;
  CHECK(ParseJsonEvent(R"( {"a": 1})", &root));
  CHECK(ParseJsonEvent("[1, 2]", &root));
  CHECK_FALSE(ParseJsonEvent("42", &root));
  CHECK_FALSE(ParseJsonEvent("\"text\"", &root));
  CHECK_FALSE(ParseJsonEvent("", &root));
  CHECK_FALSE(ParseJsonEvent(R"({"a": 1)", &root));
}

}  // namespace
}  // namespace flowmon
