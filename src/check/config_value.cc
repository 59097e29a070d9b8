// ConfigValue trees from JSON (simdjson) and YAML (yaml-cpp) text.
#include "check/config_value.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <yaml-cpp/yaml.h>

namespace flowmon::check {

ConfigValue::ConfigValue() = default;
ConfigValue::~ConfigValue() = default;
ConfigValue::ConfigValue(const ConfigValue&) = default;
ConfigValue::ConfigValue(ConfigValue&&) noexcept = default;
ConfigValue& ConfigValue::operator=(const ConfigValue&) = default;
ConfigValue& ConfigValue::operator=(ConfigValue&&) noexcept = default;
namespace {

// Deeper than any flow-log configuration (CloudFormation templates nest
// about ten levels): the conversions below recurse once per level, and so do
// ConfigValue's destructor and its searches.
constexpr size_t kMaxConfigDepth = 100;

ConfigValue FromJson(simdjson::dom::element e) {
  ConfigValue v;
  simdjson::dom::array array;
  simdjson::dom::object object;
  std::string_view string;
  if (e.get_array().get(array) == simdjson::SUCCESS) {
    v.kind = ConfigValue::Kind::kList;
    for (simdjson::dom::element item : array) v.list.push_back(FromJson(item));
  } else if (e.get_object().get(object) == simdjson::SUCCESS) {
    v.kind = ConfigValue::Kind::kMap;
    for (auto kv : object)
      v.map.emplace_back(std::string(kv.key), FromJson(kv.value));
  } else if (e.get_string().get(string) == simdjson::SUCCESS) {
    v.kind = ConfigValue::Kind::kString;
    v.string = std::string(string);
  } else if (e.get_double().get(v.number) == simdjson::SUCCESS) {
    v.kind = ConfigValue::Kind::kNumber;
  } else if (e.get_bool().get(v.boolean) == simdjson::SUCCESS) {
    v.kind = ConfigValue::Kind::kBool;
  }
  return v;
}

// The long form of a CloudFormation short-form tag: !Ref -> Ref,
// !Condition -> Condition, !Sub -> Fn::Sub.
std::string LongForm(std::string_view tag) {
  const std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string(name);
  return fmt::format("Fn::{}", name);
}

// A tag CloudFormation gives meaning to: a local one ("!Sub"), not YAML's
// own ("!" on quoted scalars, "?" on plain ones, "tag:yaml.org,2002:...").
bool IsShortFormTag(std::string_view tag) {
  return tag.size() > 1 && tag[0] == '!' && tag[1] != '!';
}

Status YamlError(std::string_view path, const YAML::Mark& mark,
                 std::string_view what) {
  return Status::InvalidArgument(fmt::format("{}:{}:{}: invalid YAML: {}", path,
                                             mark.line + 1, mark.column + 1,
                                             what));
}

// What FromYaml may still make: YAML aliases (*a) repeat a whole tree, so a
// few lines of them can stand for billions of values.
struct YamlBudget {
  size_t values_left;
};

Status FromYaml(std::string_view path, const YAML::Node& node, ConfigValue* v,
                size_t depth, YamlBudget* budget) {
  v->line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
  if (depth > kMaxConfigDepth) {
    return YamlError(
        path, node.Mark(),
        fmt::format("nested deeper than {} levels", kMaxConfigDepth));
  }
  if (budget->values_left == 0) {
    return YamlError(path, node.Mark(),
                     "its aliases (*name) expand to more values than the "
                     "file has bytes");
  }
  --budget->values_left;
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      v->kind = ConfigValue::Kind::kList;
      for (const YAML::Node& item : node) {
        v->list.emplace_back();
        if (Status s = FromYaml(path, item, &v->list.back(), depth + 1, budget);
            !s.ok())
          return s;
      }
      break;
    case YAML::NodeType::Map:
      v->kind = ConfigValue::Kind::kMap;
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar())
          return YamlError(path, it->first.Mark(), "a key must be a string");
        v->map.emplace_back(it->first.Scalar(), ConfigValue());
        if (Status s = FromYaml(path, it->second, &v->map.back().second,
                                depth + 1, budget);
            !s.ok())
          return s;
        // Messages about a member name its key's line: where a block map or
        // list that is the value starts is the line after.
        v->map.back().second.line = it->first.Mark().line + 1;
      }
      break;
    case YAML::NodeType::Scalar:
      v->kind = ConfigValue::Kind::kString;
      v->string = node.Scalar();
      break;
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  if (IsShortFormTag(node.Tag())) {
    ConfigValue argument = std::move(*v);
    *v = ConfigValue();
    v->kind = ConfigValue::Kind::kMap;
    v->line = argument.line;
    v->tag = node.Tag();
    v->map.emplace_back(LongForm(node.Tag()), std::move(argument));
  }
  return Status::Ok();
}

}  // namespace

const ConfigValue* ConfigValue::Find(std::string_view key) const {
  for (const auto& [k, v] : map)
    if (k == key) return &v;
  return nullptr;
}

ConfigValue* ConfigValue::Find(std::string_view key) {
  for (auto& [k, v] : map)
    if (k == key) return &v;
  return nullptr;
}

std::string_view ConfigValue::Intrinsic() const {
  if (map.size() != 1) return {};
  const std::string_view key = map[0].first;
  if (key != "Ref" && key != "Condition" && !key.starts_with("Fn::")) return {};
  return tag.empty() ? key : std::string_view(tag);
}

std::string_view ConfigValue::FirstIntrinsic() const {
  if (std::string_view name = Intrinsic(); !name.empty()) return name;
  for (const ConfigValue& item : list)
    if (std::string_view name = item.FirstIntrinsic(); !name.empty())
      return name;
  for (const auto& [key, value] : map)
    if (std::string_view name = value.FirstIntrinsic(); !name.empty())
      return name;
  return {};
}

bool LooksLikeJson(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM
  const size_t at = text.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && (text[at] == '{' || text[at] == '[');
}

Result<ConfigValue> ParseJsonConfig(std::string_view path,
                                    const std::string& text) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto e = parser.allocate(text.size(), kMaxConfigDepth);
      e != simdjson::SUCCESS) {
    return Status::InvalidArgument(
        fmt::format("{}: {}", path, simdjson::error_message(e)));
  }
  if (auto e = parser.parse(text).get(root); e == simdjson::DEPTH_ERROR) {
    return Status::InvalidArgument(
        fmt::format("{}: invalid JSON: nested deeper than {} levels", path,
                    kMaxConfigDepth));
  } else if (e != simdjson::SUCCESS) {
    return Status::InvalidArgument(
        fmt::format("{}: invalid JSON: {}", path, simdjson::error_message(e)));
  }
  return FromJson(root);
}

Result<ConfigValue> ParseYamlConfig(std::string_view path,
                                    const std::string& text) {
  ConfigValue v;
  try {
    const YAML::Node root = YAML::Load(text);
    // A value takes at least a byte of text unless an alias repeats it.
    YamlBudget budget{text.size() + 1};
    if (Status s = FromYaml(path, root, &v, 1, &budget); !s.ok()) return s;
  } catch (const YAML::Exception& e) {
    return YamlError(path, e.mark, e.msg);
  }
  return v;
}

}  // namespace flowmon::check
