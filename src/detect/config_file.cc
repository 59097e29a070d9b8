// LoadDetectConfig: a JSON file of settings, nested by detector or with
// "detector.setting" keys, each value in the form --set takes (a JSON
// array is a comma-separated list).
#include <fmt/format.h>
#include <simdjson.h>

#include "flowmon/core/text_file.h"
#include "flowmon/detect/detect_config.h"

namespace flowmon {
namespace {

// The value as --set would take it; false for null and objects.
bool ValueText(simdjson::dom::element e, std::string* out) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      if (e.get_string().get(s) != simdjson::SUCCESS) return false;
      out->assign(s);
      return true;
    }
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE: {
      double d;
      if (e.get_double().get(d) != simdjson::SUCCESS) return false;
      *out = fmt::format("{}", d);
      return true;
    }
    case simdjson::dom::element_type::BOOL: {
      bool b;
      if (e.get_bool().get(b) != simdjson::SUCCESS) return false;
      *out = b ? "true" : "false";
      return true;
    }
    case simdjson::dom::element_type::ARRAY: {
      out->clear();
      simdjson::dom::array list;
      if (e.get_array().get(list) != simdjson::SUCCESS) return false;
      for (simdjson::dom::element item : list) {
        std::string text;
        if (!ValueText(item, &text) ||
            item.type() == simdjson::dom::element_type::ARRAY) {
          return false;
        }
        if (!out->empty()) out->push_back(',');
        *out += text;
      }
      return true;
    }
    case simdjson::dom::element_type::OBJECT:
    case simdjson::dom::element_type::NULL_VALUE:
      break;
  }
  return false;
}

bool IsDetector(std::string_view name) {
  for (const std::string_view d : DetectorNames()) {
    if (d == name) return true;
  }
  return false;
}

// Paths in a config file are relative to it.
std::string Relative(const std::string& config_path, std::string_view file) {
  if (file.empty() || file.front() == '/') return std::string(file);
  const size_t slash = config_path.find_last_of('/');
  if (slash == std::string::npos) return std::string(file);
  return config_path.substr(0, slash + 1) + std::string(file);
}

}  // namespace

Status LoadDetectConfig(const std::string& path, DetectConfig* config) {
  Result<std::string> read = ReadTextFile(path);
  if (!read.ok()) return read.status();
  const std::string& text = *read;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto e = parser.parse(text).get(root); e) {
    return Status::InvalidArgument(
        fmt::format("{}: invalid JSON: {}", path, simdjson::error_message(e)));
  }
  simdjson::dom::object top;
  if (root.get_object().get(top) != simdjson::SUCCESS) {
    return Status::InvalidArgument(
        fmt::format("{}: expected a JSON object of settings", path));
  }
  auto apply = [&](const std::string& name, simdjson::dom::element value) {
    std::string setting;
    if (!ValueText(value, &setting)) {
      return Status::InvalidArgument(fmt::format(
          "{}: {}: expected a string, number, boolean or list", path, name));
    }
    if (Status s = ApplySetting(config, name, setting); !s.ok()) {
      return Status::InvalidArgument(fmt::format("{}: {}", path, s.message()));
    }
    if (name == "aws-ranges")
      config->aws_ranges = Relative(path, config->aws_ranges);
    if (name == "blocklist.files") {
      for (std::string& f : config->blocklist.files) f = Relative(path, f);
    }
    return Status::Ok();
  };
  for (auto [key, value] : top) {
    const std::string name(key);
    simdjson::dom::object nested;
    if (IsDetector(name) &&
        value.get_object().get(nested) == simdjson::SUCCESS) {
      for (auto [inner, v] : nested) {
        if (Status s = apply(name + "." + std::string(inner), v); !s.ok()) {
          return s;
        }
      }
      continue;
    }
    if (Status s = apply(name, value); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace flowmon
