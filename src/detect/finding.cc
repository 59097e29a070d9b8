#include "flowmon/detect/finding.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "flowmon/core/number.h"

namespace flowmon {

std::string_view SeverityLabel(double severity) {
  if (severity >= 7) return "High";
  if (severity >= 4) return "Medium";
  return "Low";
}

Result<double> ParseSeverity(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower == "low") return 1.0;
  if (lower == "medium") return 4.0;
  if (lower == "high") return 7.0;
  double v;
  if (ParseNumber(text, &v) && v >= 1 && v <= 8.9) return v;
  return Status::InvalidArgument(fmt::format(
      "'{}' is not a severity (low, medium, high, or 1 to 8.9)", text));
}

FindingFigure& Finding::Figure(std::string_view name) {
  for (FindingFigure& f : figures) {
    if (f.name == name) return f;
  }
  figures.push_back({std::string(name)});
  return figures.back();
}

double Finding::FigureValue(std::string_view name) const {
  for (const FindingFigure& f : figures) {
    if (f.name == name) return f.value;
  }
  return 0;
}

std::string FigureText(double v) {
  if (v == static_cast<double>(static_cast<int64_t>(v)) && v > -9e15 &&
      v < 9e15) {
    return fmt::format("{}", static_cast<int64_t>(v));
  }
  return fmt::format("{:.6g}", v);
}

}  // namespace flowmon
