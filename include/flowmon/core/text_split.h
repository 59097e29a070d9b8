// Splitting text on a separator, for lists typed in flags and paths.
#pragma once

#include <string_view>
#include <vector>

namespace flowmon {

// The pieces of `text` between `sep`s, empty ones included ("a,,b" is
// "a", "", "b"; "" is one empty piece). The views point into `text`.
std::vector<std::string_view> SplitView(std::string_view text, char sep);

}  // namespace flowmon
