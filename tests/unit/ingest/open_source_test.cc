#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "catch.h"
#include "flowmon/ingest/source.h"
#include "ingest/ingest_test_util.h"

namespace flowmon {
namespace {

TEST_CASE("OpenSource reports missing files and directories", "[source]") {
  auto missing = OpenSource("/nonexistent/flows.log", SourceOptions{});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() ==
        "/nonexistent/flows.log: cannot open: No such file or directory");
  CHECK(missing.status().exit_code() == kExitInput);
  auto dir = OpenSource("/", SourceOptions{});
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.status().message() == "/: is a directory");
}

TEST_CASE("OpenSource maps text and small gzip files whole", "[source]") {
  const std::string text = testing::ReadSample("v2.log");
  SourceOptions options;
  options.input_format = InputFormat::kText;
  auto mapped = OpenSource(FLOWMON_SAMPLES_DIR "/v2.log", options);
  REQUIRE(mapped.ok());
  CHECK((*mapped)->whole());
  CHECK((*mapped)->size_hint() == text.size());
  Status s;
  CHECK(testing::DrainSource(**mapped, &s) == text);
  CHECK(s.ok());

  options.use_mmap = false;
  auto read = OpenSource(FLOWMON_SAMPLES_DIR "/v2.log", options);
  REQUIRE(read.ok());
  CHECK_FALSE((*read)->whole());
  CHECK(testing::DrainSource(**read, &s) == text);

  auto gz = OpenSource(FLOWMON_SAMPLES_DIR "/multi_member.log.gz", options);
  REQUIRE(gz.ok());
  CHECK((*gz)->whole());  // inflated whole, even without mmap
  CHECK(!testing::DrainSource(**gz, &s).empty());
  CHECK(s.ok());

  // A damaged gzip file is streamed through zlib to salvage what precedes
  // the damage.
  auto cut = OpenSource(FLOWMON_SAMPLES_DIR "/truncated.log.gz", options);
  REQUIRE(cut.ok());
  CHECK_FALSE((*cut)->whole());
  CHECK(!testing::DrainSource(**cut, &s).empty());
  CHECK(s.code() == Status::Code::kCorrupt);
}

TEST_CASE("OpenSource gives a pipe a 1 MiB buffer", "[source]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  CHECK(::fcntl(fds[0], F_GETPIPE_SZ) < (1 << 20));  // 64 KiB on Linux
  const std::string text = "first\nsecond\n";
  REQUIRE(::write(fds[1], text.data(), text.size()) ==
          static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  SourceOptions options;
  options.input_format = InputFormat::kText;
  auto source = OpenSource("/dev/fd/" + std::to_string(fds[0]), options);
  REQUIRE(source.ok());
  CHECK((*source)->live());
  // The pipe is one object: its buffer is seen from this end too.
  CHECK(::fcntl(fds[0], F_GETPIPE_SZ) == (1 << 20));
  Status s;
  CHECK(testing::DrainSource(**source, &s) == text);
  CHECK(s.ok());
  ::close(fds[0]);
}

TEST_CASE("OpenSource does not shrink a pipe its writer made bigger",
          "[source]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  // Past pipe-max-size (1 MiB by default) only with CAP_SYS_RESOURCE.
  if (::fcntl(fds[1], F_SETPIPE_SZ, 1 << 21) < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    WARN("not checked: this process may not grow a pipe past 1 MiB");
    return;
  }
  const int before = ::fcntl(fds[0], F_GETPIPE_SZ);
  REQUIRE(before > (1 << 20));
  ::close(fds[1]);
  SourceOptions options;
  options.input_format = InputFormat::kText;
  auto source = OpenSource("/dev/fd/" + std::to_string(fds[0]), options);
  REQUIRE(source.ok());
  CHECK(::fcntl(fds[0], F_GETPIPE_SZ) == before);
  ::close(fds[0]);
}

}  // namespace
}  // namespace flowmon
