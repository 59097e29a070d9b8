#include "chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace flowmon {

std::string Paint(std::string_view text, std::string_view sgr, bool on) {
  if (!on || text.empty()) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
}

std::string PaintState(std::string_view state, bool on) {
  if (state == "ALARM") return Paint(state, "1;31", on);
  if (state == "OK") return Paint(state, "32", on);
  if (state == "INSUFFICIENT_DATA") return Paint(state, "33", on);
  return std::string(state);
}

std::string PaintSeverity(std::string_view label, int width, bool on) {
  const std::string padded = fmt::format("{:<{}}", label, width);
  if (label == "High") return Paint(padded, "1;31", on);
  if (label == "Medium") return Paint(padded, "33", on);
  return padded;
}

int BarCells(double value, double scale, int width) {
  if (!(scale > 0)) scale = 1;
  double share = value / scale;
  if (!(share > 0)) share = 0;  // NaN too: no cell, never a cast of NaN
  return static_cast<int>(std::round(std::min(share, 1.0) * width));
}

std::string Bar(double value, double scale, int width,
                std::optional<double> marker, bool color) {
  const int filled = BarCells(value, scale, width);
  const int mark =
      marker ? std::min(BarCells(*marker, scale, width), width - 1) : -1;
  std::string out;
  for (int i = 0; i < width; ++i) {
    if (i == mark) {
      out += "|";
    } else {
      out += i < filled ? "\u2588" : " ";
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (color) {
    // Each run of full cells painted; the marker and spaces stay plain.
    const std::string_view cell = "\u2588";
    std::string painted;
    size_t i = 0;
    while (i < out.size()) {
      size_t j = i;
      while (out.compare(j, cell.size(), cell) == 0) j += cell.size();
      if (j > i) {
        painted += Paint(std::string_view(out).substr(i, j - i), "36", true);
        i = j;
      } else {
        painted += out[i++];
      }
    }
    return painted;
  }
  return out;
}

std::string Number(double v) { return fmt::format("{}", v); }

}  // namespace flowmon
