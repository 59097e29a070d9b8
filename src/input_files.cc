#include "flowmon/input_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

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

}  // namespace flowmon
