// A config file as a tree of values, the same whether the file was JSON or
// YAML, so that one reader per dialect serves both.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flowmon/core/status.h"

namespace flowmon::check {

struct ConfigValue {
  enum class Kind { kNull, kBool, kNumber, kString, kList, kMap };

  // Defined out of line: clang with libstdc++ otherwise instantiates
  // std::pair<std::string, ConfigValue> (map's element) while checking
  // whether ConfigValue is default-constructible, before the pair can be
  // complete, and rejects the recursive type.
  ConfigValue();
  ~ConfigValue();
  ConfigValue(const ConfigValue&);
  ConfigValue(ConfigValue&&) noexcept;
  ConfigValue& operator=(const ConfigValue&);
  ConfigValue& operator=(ConfigValue&&) noexcept;

  Kind kind = Kind::kNull;
  bool boolean = false;  // kBool
  double number = 0;     // kNumber (JSON; YAML scalars are all strings)
  std::string string;    // kString
  std::vector<ConfigValue> list;                         // kList
  std::vector<std::pair<std::string, ConfigValue>> map;  // kMap, file order
  // The 1-based line the value starts on; 0 when not known (JSON).
  int line = 0;
  // YAML: the short-form intrinsic function the value was written with
  // ("!Ref"); the value itself is then its long form, {"Ref": ...}.
  std::string tag;

  bool is_map() const { return kind == Kind::kMap; }
  bool is_list() const { return kind == Kind::kList; }
  bool is_null() const { return kind == Kind::kNull; }
  // The member `key` of a map; nullptr when absent or not a map.
  const ConfigValue* Find(std::string_view key) const;
  ConfigValue* Find(std::string_view key);
  // A CloudFormation intrinsic function or reference, {"Ref": ...},
  // {"Fn::Sub": ...}, {"Condition": ...}: its name as written ("!Sub" for
  // YAML's short form, "Fn::Sub" for the long one); empty for other values.
  std::string_view Intrinsic() const;
  // The first intrinsic function in the value or anything inside it.
  std::string_view FirstIntrinsic() const;
};

// The parsed file, or "<path>: invalid JSON: ..." /
// "<path>:<line>:<column>: invalid YAML: ...".
Result<ConfigValue> ParseJsonConfig(std::string_view path,
                                    const std::string& text);
Result<ConfigValue> ParseYamlConfig(std::string_view path,
                                    const std::string& text);
// True when `text` looks like JSON (its first character other than white
// space is '{' or '['); anything else is read as YAML.
bool LooksLikeJson(std::string_view text);

}  // namespace flowmon::check
