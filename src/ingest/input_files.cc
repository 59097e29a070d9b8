#include "flowmon/ingest/input_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "flowmon/core/time_util.h"

namespace flowmon {

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  ExpandedInputs out;
  if (paths.empty()) {
    out.files.push_back("-");
    return out;
  }
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      // Files, FIFOs and missing paths alike: OpenSource reports problems.
      out.files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(
        path, fs::directory_options::follow_directory_symlink, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_regular_file(type_ec)) found.push_back(it->path().string());
    }
    if (ec) {
      out.errors.push_back(Status::IoError(
          fmt::format("{}: cannot read directory: {}", path, ec.message())));
    }
    std::sort(found.begin(), found.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

namespace {

// Parses "2019", "07", "14" style path parts; false when not all digits.
bool Digits(std::string_view s, size_t n, int* out) {
  if (s.size() != n) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool PathTimeSpan(std::string_view path, int64_t* begin, int64_t* end) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(pos, slash - pos);
    const size_t eq = part.find('=');
    if (eq != std::string_view::npos) part.remove_prefix(eq + 1);  // year=2019
    parts.push_back(part);
    pos = slash + 1;
  }
  // The last directories (not the file name) that read YYYY/MM/DD[/HH].
  for (size_t i = 0; i + 3 < parts.size(); ++i) {
    int y, m, d, h = -1;
    if (!Digits(parts[i], 4, &y) || !Digits(parts[i + 1], 2, &m) ||
        !Digits(parts[i + 2], 2, &d)) {
      continue;
    }
    if (i + 4 < parts.size() && !Digits(parts[i + 3], 2, &h)) h = -1;
    const std::string day = fmt::format("{:04}-{:02}-{:02}", y, m, d);
    Result<int64_t> t = ParseTimeArg(day);
    if (!t.ok()) return false;
    *begin = *t + (h >= 0 ? h * 3600 : 0);
    *end = *begin + (h >= 0 ? 3600 : 86400);
    return true;
  }
  return false;
}

ExpandedInputs ExpandInputs(const std::vector<std::string>& paths,
                            std::optional<int64_t> since,
                            std::optional<int64_t> until, size_t* pruned) {
  ExpandedInputs all = ExpandInputs(paths);
  if (!since && !until) return all;
  ExpandedInputs out;
  out.errors = std::move(all.errors);
  size_t skipped = 0;
  for (std::string& f : all.files) {
    int64_t begin, end;
    if (f != "-" && PathTimeSpan(f, &begin, &end) &&
        ((until && begin - kDeliveryMarginSeconds >= *until) ||
         (since && end <= *since))) {
      ++skipped;
      continue;
    }
    out.files.push_back(std::move(f));
  }
  if (pruned != nullptr) *pruned = skipped;
  return out;
}

}  // namespace flowmon
