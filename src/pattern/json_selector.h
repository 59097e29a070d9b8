// The selector grammar of JSON patterns ($.a.b, $["key"], $.list[0], [*],
// .*) and the walk from a parsed event to the values a selector points at.
#pragma once

#include <simdjson.h>

#include <string_view>
#include <vector>

#include "flowmon/pattern/json_path.h"
#include "flowmon/pattern/pattern.h"

namespace flowmon {

// AWS's wildcard quotas ("You can only use up to one wildcard selector in
// a property selector, and up to three wildcard selectors in a filter
// pattern with compound expressions").
inline constexpr int kMaxWildcardsPerSelector = 1;
inline constexpr int kMaxWildcardSelectorsPerPattern = 3;

// [*] and .*
bool IsWildcard(const SelectorStep& step);

// Parses a selector starting at text[*pos] (after blanks), appending its
// steps to *path and leaving *pos after the last step: $.a, $.a-b_c,
// $['any key'], $.['a.b'], $.list[0], [*], .*, at most one wildcard. Fills
// *error with a 1-based column into `text` on failure.
bool ParseJsonSelector(std::string_view text, size_t* pos,
                       std::vector<SelectorStep>* path, PatternError* error);

// Calls f(element) on every value `path` selects under `e` from `step` on
// (several with wildcards, in document order) until f returns true.
// Returns whether f did. The elements live as long as `e`'s document.
template <typename F>
bool SelectJson(simdjson::dom::element e, const std::vector<SelectorStep>& path,
                size_t step, F& f) {
  if (step == path.size()) return f(e);
  const SelectorStep& s = path[step];
  switch (s.kind) {
    case SelectorStep::Kind::kKey: {
      simdjson::dom::object obj;
      if (e.get_object().get(obj) != simdjson::SUCCESS) return false;
      simdjson::dom::element child;
      if (obj.at_key(s.key).get(child) != simdjson::SUCCESS) return false;
      return SelectJson(child, path, step + 1, f);
    }
    case SelectorStep::Kind::kIndex: {
      simdjson::dom::array arr;
      if (e.get_array().get(arr) != simdjson::SUCCESS) return false;
      simdjson::dom::element child;
      if (arr.at(s.index).get(child) != simdjson::SUCCESS) return false;
      return SelectJson(child, path, step + 1, f);
    }
    case SelectorStep::Kind::kAnyElement: {
      simdjson::dom::array arr;
      if (e.get_array().get(arr) != simdjson::SUCCESS) return false;
      for (simdjson::dom::element child : arr) {
        if (SelectJson(child, path, step + 1, f)) return true;
      }
      return false;
    }
    case SelectorStep::Kind::kAnyMember: {
      simdjson::dom::object obj;
      if (e.get_object().get(obj) != simdjson::SUCCESS) return false;
      for (simdjson::dom::key_value_pair kv : obj) {
        if (SelectJson(kv.value, path, step + 1, f)) return true;
      }
      return false;
    }
  }
  return false;
}

}  // namespace flowmon
