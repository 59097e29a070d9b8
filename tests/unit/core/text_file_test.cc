#include "flowmon/core/text_file.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "catch.h"

namespace flowmon {
namespace {

std::string TempDir() {
  char tmpl[] = "/tmp/flowmon-text-file-XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  return tmpl;
}

TEST_CASE("ReadTextFile: the bytes, or why not, naming the file",
          "[text_file]") {
  const std::string dir = TempDir();
  const std::string path = dir + "/c.json";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  std::fputs("{\"a\": 1}\n", f);
  std::fclose(f);
  Result<std::string> text = ReadTextFile(path);
  REQUIRE(text.ok());
  CHECK(*text == "{\"a\": 1}\n");

  // A missing file and a folder are input errors (exit 3) that say why,
  // never an empty config that fails to parse.
  Result<std::string> missing = ReadTextFile(dir + "/none.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().exit_code() == kExitInput);
  CHECK(missing.status().message() ==
        dir + "/none.json: cannot open: No such file or directory");
  Result<std::string> folder = ReadTextFile(dir);
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.status().exit_code() == kExitInput);
  CHECK(folder.status().message() == dir + ": is a directory");
  std::remove(path.c_str());
  ::rmdir(dir.c_str());
}

}  // namespace
}  // namespace flowmon
