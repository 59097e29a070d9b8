// `flowmon check` configs on arbitrary bytes: describe-metric-filters and
// describe-alarms output, CloudFormation templates (JSON and YAML),
// `terraform show -json` output and flowmon's format. The bytes are parsed
// as JSON and as YAML, then loaded as a config file (which detects the
// dialect), and every monitor's pattern is compiled as check compiles it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "check/config_value.h"
#include "flowmon/check/check_config.h"
#include "flowmon/pattern/pattern.h"
#include "fuzz_util.h"

namespace flowmon::fuzz {
namespace {

// One scratch file per process; LoadCheckConfig reads files only.
const std::string& ScratchPath() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") +
           "/flowmon-check-fuzz-" + std::to_string(getpid()) + ".cfg";
  }();
  return path;
}

bool WriteScratch(std::string_view data) {
  FILE* f = std::fopen(ScratchPath().c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace
}  // namespace flowmon::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace flowmon;
  using namespace flowmon::fuzz;
  const std::string data(reinterpret_cast<const char*>(bytes), size);
  (void)check::ParseJsonConfig("f.json", data);
  (void)check::ParseYamlConfig("f.yaml", data);

  if (!WriteScratch(data)) std::abort();
  CheckConfig config;
  const Status s = LoadCheckConfig({ScratchPath()}, &config);
  if (s.ok()) {
    for (const Monitor& m : config.monitors)
      (void)CompiledPattern::Compile(m.pattern);
  }
  return 0;
}
