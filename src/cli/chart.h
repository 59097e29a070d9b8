// Terminal bars for datapoint tables.
#pragma once

#include <optional>
#include <string>

namespace flowmon {

// A bar `width` cells wide for `value` on a 0..scale axis, with '|' where
// `marker` (a threshold) falls. Values at or below 0 draw no bar.
std::string Bar(double value, double scale, int width,
                std::optional<double> marker);

// A number as tables show it: "1", "2.5", "1.25e+07".
std::string Number(double v);

}  // namespace flowmon
