#include "flowmon/ingest/memory_source.h"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>

#include "catch.h"
#include "ingest/ingest_test_util.h"
#include "ingest/stream_source.h"
#include "test_util.h"

namespace flowmon {
namespace {

const std::string kText =
    "first line\nsecond\r\n\nthird line that is a bit longer than the rest\n"
    "last without newline";

TEST_CASE("memory sources hand out whole lines at any block size", "[source]") {
  for (size_t block : {1, 2, 7, 64, 65536}) {
    auto source = NewMemorySource("t", kText, block);
    Status s;
    CHECK(testing::DrainSource(*source, &s) == kText);
    CHECK(s.ok());
    CHECK_FALSE(source->whole());
  }
}

TEST_CASE("empty and one-byte inputs", "[source]") {
  Status s;
  auto empty = NewMemorySource("e", "", 7);
  CHECK(testing::DrainSource(*empty, &s).empty());
  CHECK(s.ok());
  auto one = NewMemorySource("o", "x", 7);
  CHECK(testing::DrainSource(*one, &s) == "x");
  auto nl = NewMemorySource("n", "\n", 7);
  CHECK(testing::DrainSource(*nl, &s) == "\n");
}

TEST_CASE("a stream's first chunk holds the binary check's bytes", "[source]") {
  // A NUL byte in the first kBinaryProbeBytes makes an input binary; a
  // stream that handed out a short first chunk had its records read before
  // a NUL further in was seen, where a mapped file was refused whole.
  std::string text;
  while (text.size() < 2 * kBinaryProbeBytes) text += "a line of text\n";
  for (size_t block : {1, 64, 4096}) {
    INFO("block " << block);
    auto source = NewMemorySource("s", text, block);
    Chunk chunk;
    REQUIRE(source->Next(&chunk).ok());
    CHECK(chunk.data.size() >= kBinaryProbeBytes);
    // A live one hands out what has arrived: its first lines are not held.
    StreamSource live("l", std::make_unique<ByteInput>(std::string_view(text)),
                      block);
    live.set_live(true);
    REQUIRE(live.Next(&chunk).ok());
    CHECK(chunk.data.size() < kBinaryProbeBytes);
    // A shorter input is one chunk, its unterminated last line included.
    auto short_one = NewMemorySource("t", "one\ntwo", block);
    REQUIRE(short_one->Next(&chunk).ok());
    CHECK(chunk.data == "one\ntwo");
  }
  // gzip streams too.
  auto gz = NewMemorySource("g", testing::Gzip(text), 64);
  Chunk chunk;
  REQUIRE(gz->Next(&chunk).ok());
  CHECK(chunk.data.size() >= kBinaryProbeBytes);
}

TEST_CASE("a stop request drops the line the writer had not finished",
          "[source]") {
  // The stop request is process-wide: a child process makes it.
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    RequestInputStop(SIGINT);
    auto source = NewMemorySource("s", "first\nsecond\nunfinis", 4);
    Status s;
    const std::string all = testing::DrainSource(*source, &s);
    ::_exit(all == "first\nsecond\n" && s.ok() ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("a whole memory source is one chunk", "[source]") {
  auto source = NewWholeMemorySource("w", kText);
  CHECK(source->whole());
  Chunk chunk;
  REQUIRE(source->Next(&chunk).ok());
  CHECK(chunk.data == kText);
  REQUIRE(source->Next(&chunk).ok());
  CHECK(chunk.data.empty());
}

}  // namespace
}  // namespace flowmon
