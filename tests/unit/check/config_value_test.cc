// Config files as value trees: JSON and YAML alike, YAML's short-form
// intrinsic functions in their long form, and the lines messages name.
#include "check/config_value.h"

#include <fmt/format.h>

#include <string>

#include "catch.h"

namespace flowmon::check {
namespace {

ConfigValue Yaml(const std::string& text) {
  Result<ConfigValue> v = ParseYamlConfig("t.yaml", text);
  REQUIRE(v.ok());
  return *v;
}

TEST_CASE("config values: JSON or YAML by the first character", "[check]") {
  CHECK(LooksLikeJson("{}"));
  CHECK(LooksLikeJson(" \n\t[1]"));
  CHECK(LooksLikeJson("\xEF\xBB\xBF{}"));
  CHECK_FALSE(LooksLikeJson("# a comment\n{}"));
  CHECK_FALSE(LooksLikeJson("Resources: {}"));
  CHECK_FALSE(LooksLikeJson(""));
}

TEST_CASE("config values: JSON", "[check]") {
  Result<ConfigValue> v = ParseJsonConfig(
      "c.json", R"({"s":"x","n":60,"big":18446744073709551615,"f":1.5,)"
                R"("b":true,"z":null,"l":[1,"2"],"m":{"Ref":"T"}})");
  REQUIRE(v.ok());
  CHECK(v->Find("s")->string == "x");
  CHECK(v->Find("n")->number == 60);
  CHECK(v->Find("big")->kind == ConfigValue::Kind::kNumber);
  CHECK(v->Find("f")->number == 1.5);
  CHECK(v->Find("b")->boolean);
  CHECK(v->Find("z")->is_null());
  CHECK(v->Find("l")->list.size() == 2);
  CHECK(v->Find("m")->Intrinsic() == "Ref");
  CHECK(v->Find("s")->line == 0);  // JSON: lines are not known
  CHECK(v->Find("nope") == nullptr);
  CHECK(ParseJsonConfig("b.json", "{")
            .status()
            .message()
            .starts_with("b.json: invalid JSON: "));
}

TEST_CASE("config values: YAML scalars, lines, short-form tags", "[check]") {
  const ConfigValue v = Yaml(
      "# comment\n"
      "Period: 60\n"
      "Name: \"60\"\n"
      "Empty:\n"
      "Actions:\n"
      "  - !Ref Topic\n"
      "  - Fn::GetAtt: [Topic, Arn]\n"
      "Threshold: !Ref Limit\n"
      "Join: !Join [\"-\", [!Ref \"AWS::StackName\", x]]\n"
      "Cond: !Condition IsProd\n"
      "Str: !!str 5\n");
  CHECK(v.Find("Period")->kind == ConfigValue::Kind::kString);
  CHECK(v.Find("Period")->string == "60");
  CHECK(v.Find("Period")->line == 2);
  CHECK(v.Find("Name")->string == "60");
  CHECK(v.Find("Empty")->is_null());
  CHECK(v.Find("Empty")->line == 4);
  const ConfigValue& actions = *v.Find("Actions");
  CHECK(actions.line == 5);  // the key's line, not the list's
  REQUIRE(actions.list.size() == 2);
  CHECK(actions.list[0].Intrinsic() == "!Ref");
  CHECK(actions.list[0].Find("Ref")->string == "Topic");
  CHECK(actions.list[0].line == 6);
  CHECK(actions.list[1].Intrinsic() == "Fn::GetAtt");
  CHECK(actions.FirstIntrinsic() == "!Ref");
  CHECK(v.Find("Threshold")->Intrinsic() == "!Ref");
  CHECK(v.Find("Join")->Intrinsic() == "!Join");
  CHECK(v.Find("Join")->Find("Fn::Join")->list.size() == 2);
  CHECK(v.Find("Cond")->Find("Condition")->string == "IsProd");
  CHECK(v.Find("Str")->Intrinsic().empty());  // YAML's own tag
  CHECK(v.Find("Str")->string == "5");
  CHECK(v.FirstIntrinsic() == "!Ref");
}

TEST_CASE("config values: YAML errors name the line and column", "[check]") {
  CHECK(ParseYamlConfig("t.yaml", "a: [1, 2\n").status().message() ==
        "t.yaml:2:1: invalid YAML: end of sequence flow not found");
  CHECK(ParseYamlConfig("t.yaml", "a: 1\n  b: 2\n").status().message() ==
        "t.yaml:2:4: invalid YAML: illegal map value");
  CHECK(ParseYamlConfig("t.yaml", "? [a]\n: 1\n").status().message() ==
        "t.yaml:1:3: invalid YAML: a key must be a string");
}

TEST_CASE("config values: nesting and alias expansion are bounded", "[check]") {
  const auto nested_json = [](size_t n) {
    return std::string(n, '[') + std::string(n, ']');
  };
  CHECK(ParseJsonConfig("c.json", nested_json(100)).ok());
  Result<ConfigValue> deep = ParseJsonConfig("c.json", nested_json(100000));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.status().message() ==
        "c.json: invalid JSON: nested deeper than 100 levels");

  // The same text is YAML's flow style.
  const auto& nested_yaml = nested_json;
  CHECK(ParseYamlConfig("t.yaml", nested_yaml(100)).ok());
  Result<ConfigValue> deep_yaml = ParseYamlConfig("t.yaml", nested_yaml(150));
  REQUIRE_FALSE(deep_yaml.ok());
  CHECK(deep_yaml.status().message() ==
        "t.yaml:1:101: invalid YAML: nested deeper than 100 levels");
  // yaml-cpp's own limit comes first far deeper: still an error.
  CHECK_FALSE(ParseYamlConfig("t.yaml", nested_yaml(100000)).ok());

  // A billion laughs: nine levels of ten aliases each.
  std::string laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    laughs += fmt::format("a{0}: &a{0} [", i);
    for (int j = 0; j < 10; ++j)
      laughs += fmt::format("{}*a{}", j ? ", " : "", i - 1);
    laughs += "]\n";
  }
  Result<ConfigValue> bomb = ParseYamlConfig("t.yaml", laughs);
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.status().message().find(
            "invalid YAML: its aliases (*name) expand to more values than the "
            "file has bytes") != std::string::npos);
  // A few aliases, as templates use them, are fine.
  Result<ConfigValue> few =
      ParseYamlConfig("t.yaml", "a: &t {k: v}\nb: *t\nc: *t\n");
  REQUIRE(few.ok());
  CHECK(few->Find("c")->Find("k")->string == "v");
}

}  // namespace
}  // namespace flowmon::check
