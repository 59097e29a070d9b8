// LoadCheckConfig on config text, for the error-path tests of each dialect.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/check/check_config.h"

namespace flowmon::testing {

struct ConfigText {
  std::string name;  // the file name messages start with
  std::string json;  // or YAML
};

struct LoadedConfig {
  Status::Code code = Status::Code::kOk;
  std::string error;  // empty when the configs loaded
  std::vector<std::string> warnings;
  CheckConfig config;
};

// Writes the files to a scratch directory (removed again), loads them, and
// reports messages and the monitors' origins with the directory taken off:
// "a.json: MetricAlarms[0]: ...".
inline LoadedConfig LoadConfigText(const std::vector<ConfigText>& files,
                                   const CheckSelection& selection = {}) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("flowmon-check-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<std::string> paths;
  for (const ConfigText& f : files) {
    paths.push_back((dir / f.name).string());
    std::ofstream(paths.back(), std::ios::binary) << f.json;
  }
  LoadedConfig out;
  const Status s = LoadCheckConfig(paths, &out.config, selection);
  fs::remove_all(dir);
  const std::string prefix = dir.string() + "/";
  auto relative = [&](std::string m) {
    for (size_t at; (at = m.find(prefix)) != std::string::npos;)
      m.erase(at, prefix.size());
    return m;
  };
  out.code = s.code();
  out.error = relative(s.message());
  for (const std::string& w : out.config.warnings)
    out.warnings.push_back(relative(w));
  for (Monitor& m : out.config.monitors) m.origin = relative(m.origin);
  for (SkippedAlarm& a : out.config.skipped) a.origin = relative(a.origin);
  return out;
}

// The error of loading one file named `name`; empty when it loads.
inline std::string ConfigError(const std::string& json,
                               const std::string& name = "c.json") {
  return LoadConfigText({{name, json}}).error;
}

// The one monitor the files define, loaded without a warning.
inline Monitor OnlyMonitor(const std::vector<ConfigText>& files) {
  const LoadedConfig c = LoadConfigText(files);
  CHECK(c.error == "");
  CHECK(c.warnings.empty());
  REQUIRE(c.config.monitors.size() == 1);
  return c.config.monitors[0];
}

// `text` with its first `from` replaced by `to`; without one, text that is
// not JSON, so that a mistyped `from` fails its test.
inline std::string With(std::string text, const std::string& from,
                        const std::string& to) {
  const size_t at = text.find(from);
  if (at == std::string::npos) return "With: no '" + from + "'";
  return text.replace(at, from.size(), to);
}

}  // namespace flowmon::testing
