#include "ingest/line_buffer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("LineBuffer cuts lines longer than the maximum", "[source]") {
  LineBuffer buffer(8, 16);
  const std::string input = "short\n" + std::string(40, 'x') + "\nafter\n";
  size_t pos = 0;
  std::vector<std::string> normal;
  int too_long = 0;
  bool eof = false;
  while (true) {
    Chunk chunk;
    if (buffer.Take(eof, &chunk)) {
      if (chunk.too_long) {
        ++too_long;
      } else {
        normal.emplace_back(chunk.data);
      }
      continue;
    }
    if (eof) break;
    std::span<char> space = buffer.PrepareWrite();
    const size_t n = std::min(space.size(), input.size() - pos);
    std::copy_n(input.data() + pos, n, space.data());
    pos += n;
    buffer.Commit(n);
    eof = pos == input.size();
  }
  CHECK(too_long == 1);
  std::string joined;
  for (const auto& s : normal) joined += s;
  CHECK(joined == "short\nafter\n");
}

}  // namespace
}  // namespace flowmon
