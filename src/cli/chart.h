// Terminal bars for datapoint tables, and the colours of terminal output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace flowmon {

// `text` in an SGR colour ("31" red) when `on` (--color, NO_COLOR and a
// terminal decide: main.cc), else as it is.
std::string Paint(std::string_view text, std::string_view sgr, bool on);
// An alarm state as a terminal shows it: ALARM red, OK green,
// INSUFFICIENT_DATA yellow.
std::string PaintState(std::string_view state, bool on);
// A finding's severity label (High red, Medium yellow, Low plain), padded
// to `width` before the colour so columns stay aligned.
std::string PaintSeverity(std::string_view label, int width, bool on);

// A bar `width` cells wide for `value` on a 0..scale axis, with '|' where
// `marker` (a threshold) falls. Values at or below 0 draw no bar.
// With `color`, the filled cells are cyan.
std::string Bar(double value, double scale, int width,
                std::optional<double> marker, bool color = false);
// How many of Bar's `width` cells `value` fills, 0 to `width` (0 for NaN):
// a table of many rows draws each of the width + 1 bars once and picks one
// per row.
int BarCells(double value, double scale, int width);

// A number as tables show it: "1", "2.5", "1.25e+07".
std::string Number(double v);

}  // namespace flowmon
