// Helpers shared by the ingest stage's unit tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/ingest/memory_source.h"
#include "flowmon/ingest/source.h"

namespace flowmon::testing {

// The bytes of samples/<path>.
inline std::string ReadSample(const std::string& path) {
  std::ifstream in(std::string(FLOWMON_SAMPLES_DIR) + "/" + path,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads a whole source, checking that chunks end on line boundaries (only
// the very last may lack its '\n'); *status is how it ended.
inline std::string DrainSource(Source& source, Status* status) {
  std::string all;
  Chunk chunk;
  while (true) {
    *status = source.Next(&chunk);
    if (!status->ok() || chunk.data.empty()) break;
    all += chunk.data;
    if (!all.empty() && all.back() != '\n') {
      Chunk next;
      Status s = source.Next(&next);
      CHECK(next.data.empty());
      *status = s;
      break;
    }
  }
  return all;
}

// What ReadAsEvents makes of some bytes: the messages, their timestamps
// (-1 for none) and how reading ended.
struct ReadEvents {
  std::vector<std::string> messages;
  std::vector<int64_t> timestamps;
  Status status;
};

// `block`: the stream's read size; 0 reads `data` whole, as a mapped file.
inline ReadEvents ReadAsEventsFrom(const std::string& data,
                                   InputFormat format = InputFormat::kAuto,
                                   size_t block = 1 << 16) {
  Result<std::unique_ptr<Source>> source =
      ReadAsEvents(block == 0 ? NewWholeMemorySource("in", data)
                              : NewMemorySource("in", data, block),
                   format);
  REQUIRE(source.ok());
  ReadEvents out;
  while (true) {
    Chunk chunk;
    out.status = (*source)->Next(&chunk);
    if (!out.status.ok() || chunk.data.empty()) break;
    size_t pos = 0, i = 0;
    while (pos < chunk.data.size()) {
      size_t nl = chunk.data.find('\n', pos);
      if (nl == std::string_view::npos) nl = chunk.data.size();
      out.messages.emplace_back(chunk.data.substr(pos, nl - pos));
      out.timestamps.push_back(chunk.timestamps ? chunk.timestamps[i] : -1);
      ++i;
      pos = nl + 1;
    }
  }
  return out;
}

using Strings = std::vector<std::string>;
using Times = std::vector<int64_t>;

}  // namespace flowmon::testing
