#include "flowmon/ingest/input_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/time_util.h"
#include "flowmon/sinks/printer.h"

namespace flowmon {
namespace {

TEST_CASE("inputs: none is stdin, directories are walked in order", "[input]") {
  CHECK(ExpandInputs({}).files == std::vector<std::string>{"-"});
  const ExpandedInputs tree = ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"});
  REQUIRE(tree.files.size() >= 2);
  CHECK(std::is_sorted(tree.files.begin(), tree.files.end()));
  CHECK(tree.errors.empty());
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

TEST_CASE("S3 layout folders give a file's delivery span", "[input]") {
  int64_t b = 0, e = 0;
  REQUIRE(PathTimeSpan("AWSLogs/1/vpcflowlogs/us-east-1/2019/07/14/x.log.gz",
                       &b, &e));
  CHECK(b == 1563062400);
  CHECK(e == 1563062400 + 86400);
  REQUIRE(
      PathTimeSpan("AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/"
                   "aws-region=r/year=2019/month=07/"
                   "day=14/hour=05/x.log.gz",
                   &b, &e));
  CHECK(b == 1563062400 + 5 * 3600);
  CHECK(e == b + 3600);
  CHECK_FALSE(PathTimeSpan("samples/v2.log", &b, &e));
  size_t pruned = 0;
  const ExpandedInputs in =
      ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"}, int64_t{1563148800},
                   std::nullopt, &pruned);
  CHECK(pruned == 1);
  CHECK(in.files.size() == 2);  // the 15th's gzip and the 16th's Parquet
  // A folder's records may start up to an hour before it: kept.
  const ExpandedInputs margin =
      ExpandInputs({FLOWMON_SAMPLES_DIR "/AWSLogs"}, std::nullopt,
                   int64_t{1563148800 - 1800}, &pruned);
  CHECK(margin.files.size() == 2);
}

}  // namespace
}  // namespace flowmon

namespace flowmon {
namespace {

namespace fs = std::filesystem;

// A scratch directory, removed with everything in it.
struct ScratchDir {
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "flowmon-walk-XXXXXX");
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::permissions(path + "/tree/locked", fs::perms::owner_all, ec);
    fs::remove_all(path, ec);
  }
  void File(const std::string& name) {
    fs::create_directories(fs::path(path + "/" + name).parent_path());
    std::ofstream(path + "/" + name) << "x\n";
  }
  std::string path;
};

std::vector<std::string> Messages(const ExpandedInputs& in) {
  std::vector<std::string> out;
  for (const Status& s : in.errors) out.push_back(s.message());
  return out;
}

TEST_CASE("walks: a symlink loop is reported once, every file read once",
          "[input]") {
  ScratchDir dir;
  dir.File("tree/a/1.log");
  dir.File("tree/b/2.log");
  fs::create_directory_symlink("..", dir.path + "/tree/a/up");
  fs::create_directory_symlink("../b", dir.path + "/tree/a/to-b");
  const std::string tree = dir.path + "/tree";
  const ExpandedInputs in = ExpandInputs({tree});
  // A directory reached twice without a loop is read once, by its path
  // without links.
  CHECK(in.files ==
        std::vector<std::string>{tree + "/a/1.log", tree + "/b/2.log"});
  CHECK(Messages(in) ==
        std::vector<std::string>{tree + "/a/up: symbolic link loop (back to " +
                                 tree + "), not followed"});
  // A trailing slash is kept as it was typed.
  CHECK(ExpandInputs({tree + "/"}).files.front() == tree + "/a/1.log");
}

TEST_CASE("walks: links that fan out are walked once, files read once",
          "[input]") {
  // d0/x and d0/y lead to d1, d1/x and d1/y to d2, and so on: 2^12 paths
  // to the one file at the bottom, and none is a loop.
  ScratchDir dir;
  const std::string tree = dir.path + "/tree";
  constexpr int kLevels = 12;
  for (int i = 0; i <= kLevels; ++i) {
    fs::create_directories(tree + "/d" + std::to_string(i));
  }
  dir.File("tree/d" + std::to_string(kLevels) + "/bottom.log");
  for (int i = 0; i < kLevels; ++i) {
    const std::string from = tree + "/d" + std::to_string(i);
    const std::string to = "../d" + std::to_string(i + 1);
    fs::create_directory_symlink(to, from + "/x");
    fs::create_directory_symlink(to, from + "/y");
  }
  // A file link and a hard link to a file of the tree add no file either.
  fs::create_symlink("d0", tree + "/also-d0");
  fs::create_symlink("d" + std::to_string(kLevels) + "/bottom.log",
                     tree + "/a-link.log");
  fs::create_hard_link(tree + "/d" + std::to_string(kLevels) + "/bottom.log",
                       tree + "/d0/hard.log");
  const ExpandedInputs in = ExpandInputs({tree, tree + "/d3"});
  CHECK(in.files == std::vector<std::string>{tree + "/d0/hard.log"});
  CHECK(in.errors.empty());
}

TEST_CASE(
    "walks: broken links and unreadable folders are reported and "
    "skipped",
    "[input]") {
  ScratchDir dir;
  dir.File("tree/a/1.log");
  dir.File("tree/locked/2.log");
  dir.File("tree/z/3.log");
  fs::create_symlink("missing.log", dir.path + "/tree/a/dangling.log");
  const std::string tree = dir.path + "/tree";
  if (::geteuid() != 0) {
    fs::permissions(tree + "/locked", fs::perms::none);
  } else {
    WARN(
        "running as root: the unreadable folder is tested by "
        "tests/cli/inputs/unreadable_tree.sh");
  }
  const ExpandedInputs in = ExpandInputs({tree});
  std::vector<std::string> want_files = {tree + "/a/1.log", tree + "/z/3.log"};
  std::vector<std::string> want_errors = {
      tree + "/a/dangling.log: cannot read: No such file or directory"};
  if (::geteuid() != 0) {
    want_errors.push_back(tree +
                          "/locked: cannot read directory: Permission denied");
  } else {
    want_files.insert(want_files.begin() + 1, tree + "/locked/2.log");
  }
  CHECK(in.files == want_files);
  CHECK(Messages(in) == want_errors);
}

}  // namespace
}  // namespace flowmon
