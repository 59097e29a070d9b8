#include "flowmon/core/dimension_key.h"

namespace flowmon {
namespace {

void AppendEscaped(std::string* key, std::string_view text) {
  for (char c : text) {
    if (c == '\\' || c == ',' || c == '=') key->push_back('\\');
    key->push_back(c);
  }
}

}  // namespace

void AppendDimension(std::string* key, std::string_view name,
                     std::string_view value) {
  if (!key->empty()) key->push_back(',');
  AppendEscaped(key, name);
  key->push_back('=');
  AppendEscaped(key, value);
}

bool ParseDimensionKey(std::string_view key, DimensionPairs* pairs) {
  pairs->clear();
  if (key.empty()) return true;
  std::string* part = &pairs->emplace_back().first;
  bool in_value = false;
  for (size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    if (c == '\\') {
      if (++i == key.size()) return false;
      part->push_back(key[i]);
    } else if (c == '=') {
      if (in_value) return false;
      in_value = true;
      part = &pairs->back().second;
    } else if (c == ',') {
      if (!in_value) return false;
      in_value = false;
      part = &pairs->emplace_back().first;
    } else {
      part->push_back(c);
    }
  }
  return in_value;
}

}  // namespace flowmon
