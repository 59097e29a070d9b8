// JsonPath: a selector such as $.latency or $.requests[0].bytes that reads
// one value out of a JSON event, for metric values and dimensions.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/pattern/pattern.h"

namespace flowmon {

// One step of a selector: .key, ["key"], [N], [*] or .*
struct SelectorStep {
  enum class Kind : unsigned char { kKey, kIndex, kAnyElement, kAnyMember };
  Kind kind = Kind::kKey;
  std::string key;
  size_t index = 0;
};

// Immutable once parsed; owns its steps and keeps nothing of the text.
class JsonPath {
 public:
  // Parses `text` (the whole text must be a selector without wildcards).
  // Fills *error (1-based column into `text`) on failure.
  static std::shared_ptr<const JsonPath> Parse(std::string_view text,
                                               PatternError* error);
  // The number the selector points at in `event`, if the event is JSON and
  // the value is a JSON number. Thread-safe.
  bool SelectNumber(std::string_view event, double* out) const;
  // The selected value as text (strings unquoted, anything else as its JSON
  // text), for dimensions. *out is a copy. Thread-safe.
  bool SelectText(std::string_view event, std::string* out) const;

 private:
  std::vector<SelectorStep> path_;
};

}  // namespace flowmon
