#include "ingest/mapped_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.h"
#include "flowmon/pipeline/pipeline.h"
#include "test_util.h"

namespace flowmon {
namespace {

const char* const kLine =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 "
    "22 6 20 4249 1418530010 1418530070 ACCEPT OK\n";

// A file of `lines` copies of kLine in the test's temporary directory.
std::string WriteLines(const std::string& name, size_t lines) {
  const std::string path =
      "/tmp/flowmon-mapped-" + std::to_string(::getpid()) + "-" + name + ".log";
  std::ofstream out(path, std::ios::binary);
  for (size_t i = 0; i < lines; ++i) out << kLine;
  return path;
}

// The VmFlags line of /proc/self/smaps for the mapping that starts at `p`.
std::string VmFlagsOf(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  char start[32];
  std::snprintf(start, sizeof start, "%lx-",
                reinterpret_cast<unsigned long>(p));
  bool in = false;
  while (std::getline(smaps, line)) {
    if (line.rfind(start, 0) == 0) in = true;
    if (in && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

TEST_CASE("a mapping gets both madvise advices, one call each",
          "[mapped_file]") {
  const std::string path = WriteLines("advice", 1000);
  const int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  Mapping mapping;
  REQUIRE(mapping.Map(fd, 1000 * std::strlen(kLine), path).ok());
  ::close(fd);
  // MADV_SEQUENTIAL | MADV_WILLNEED is MADV_WILLNEED alone: no "sr".
  const std::string flags = VmFlagsOf(mapping.view().data());
  CHECK(flags.find(" sr") != std::string::npos);
  ::unlink(path.c_str());
}

// What the end of input says of a file cut to `kept` of its `size` bytes.
std::string ShrankMessage(const std::string& path, size_t size, size_t kept) {
  return path + ": the file shrank from " + std::to_string(size) + " to " +
         std::to_string(kept) +
         " bytes while it was read; the results leave out the rest";
}

TEST_CASE("a mapped file that shrinks reads zeros and reports the file",
          "[mapped_file]") {
  const size_t lines = 4000;
  const size_t size = lines * std::strlen(kLine);
  const std::string path = WriteLines("shrink", lines);
  SourceOptions options;
  Result<std::unique_ptr<Source>> source = OpenSource(path, options);
  REQUIRE(source.ok());
  Chunk chunk;
  REQUIRE((*source)->Next(&chunk).ok());
  REQUIRE(chunk.data.size() == size);
  REQUIRE(::truncate(path.c_str(), 10000) == 0);
  // Without the guard this read dies of SIGBUS.
  size_t nonzero = 0;
  for (char c : chunk.data) nonzero += c != '\0';
  CHECK(nonzero == 10000);
  const Status end = (*source)->Next(&chunk);
  CHECK(chunk.data.empty());
  CHECK(end.code() == Status::Code::kIoError);
  CHECK(end.message() == ShrankMessage(path, size, 10000));
  ::unlink(path.c_str());
}

TEST_CASE("a copy of a mapped file that shrank comes up short",
          "[mapped_file]") {
  // What the pipeline scans of a mapped file it copies (CopyOut): past
  // the cut nothing is copied, and the end of input reports the file.
  const size_t lines = 4000;
  const size_t size = lines * std::strlen(kLine);
  const std::string path = WriteLines("copy-shrink", lines);
  Result<std::unique_ptr<Source>> source = OpenSource(path, SourceOptions());
  REQUIRE(source.ok());
  REQUIRE((*source)->copies_out());
  Chunk chunk;
  REQUIRE((*source)->Next(&chunk).ok());
  std::string copy(size, 'x');
  CHECK((*source)->CopyOut(0, copy.data(), size) == size);
  CHECK(copy == chunk.data);
  REQUIRE(::truncate(path.c_str(), 10000) == 0);
  CHECK((*source)->CopyOut(4096, copy.data(), 8192) == 10000 - 4096);
  CHECK((*source)->CopyOut(20000, copy.data(), 8192) == 0);
  const Status end = (*source)->Next(&chunk);
  CHECK(end.code() == Status::Code::kIoError);
  CHECK(end.message() == ShrankMessage(path, size, 10000));
  ::unlink(path.c_str());
}

// Cuts its input file to `keep` bytes at the first record.
class CuttingSink : public testing::CollectingSink {
 public:
  CuttingSink(std::string path, size_t keep)
      : path_(std::move(path)), keep_(keep) {}
  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    if (lines.empty()) REQUIRE(::truncate(path_.c_str(), keep_) == 0);
    return CollectingSink::OnRecord(rec, ctx);
  }

 private:
  std::string path_;
  size_t keep_;
};

TEST_CASE("a scan over a shrinking file keeps the records read before",
          "[mapped_file]") {
  const std::string path = WriteLines("scan", 20000);
  const size_t keep = 10 * std::strlen(kLine);
  CuttingSink sink(path, keep);
  testing::CollectingDiagnostics diag;
  PipelineOptions options;
  // The records read before the cut are those of the blocks copied before
  // it (pipeline/copied_blocks.h): here the first, of `keep` bytes.
  options.copy_block_bytes = keep;
  const PipelineStats stats = RunPipeline({path}, options, &sink, &diag.diag);
  CHECK(sink.lines.size() == 10);
  CHECK(stats.records == 10);
  REQUIRE(!diag.errors.empty());
  CHECK(diag.errors.back().find(path + ": the file shrank from ") !=
        std::string::npos);
  ::unlink(path.c_str());
}

}  // namespace
}  // namespace flowmon
