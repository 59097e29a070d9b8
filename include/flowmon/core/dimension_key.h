// A metric's dimensions as one text key, "Name=value,Other=value" in the
// filter's dimension order: the series key of the metric sink, what
// `check` joins an alarm on, and what `metric` prints and parses back.
// Values are log text, so a value holding ',' or '=' must not read as
// another pair: '\', ',' and '=' inside a name or value are escaped with
// '\' ("Name=a\,b" is one pair).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowmon {

// Appends the pair `name`=`value` to *key, after a ',' when *key is not
// empty.
void AppendDimension(std::string* key, std::string_view name,
                     std::string_view value);

using DimensionPairs = std::vector<std::pair<std::string, std::string>>;

// The pairs of a key AppendDimension built, unescaped, in order. False
// (and *pairs partly filled) when `key` is not such a key: a pair without
// an unescaped '=' or with two, or a '\' at its end.
bool ParseDimensionKey(std::string_view key, DimensionPairs* pairs);

}  // namespace flowmon
