#include "chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace flowmon {

std::string Bar(double value, double scale, int width,
                std::optional<double> marker) {
  if (!(scale > 0)) scale = 1;
  auto cells = [&](double v) {
    const double c = std::round(std::clamp(v / scale, 0.0, 1.0) * width);
    return static_cast<int>(c);
  };
  const int filled = cells(value);
  const int mark = marker ? std::min(cells(*marker), width - 1) : -1;
  std::string out;
  for (int i = 0; i < width; ++i) {
    if (i == mark) {
      out += "|";
    } else {
      out += i < filled ? "\u2588" : " ";
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Number(double v) { return fmt::format("{}", v); }

}  // namespace flowmon
