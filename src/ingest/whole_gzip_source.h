// WholeGzipSource: a small gzip file inflated whole with libdeflate
// (several times faster than zlib) and handed out as one chunk, so the
// pipeline can split it across threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/whole_source.h"

namespace flowmon {

// The chunk points into the inflated bytes, which live as long as the
// source.
class WholeGzipSource : public WholeSource {
 public:
  explicit WholeGzipSource(std::string name) : WholeSource(std::move(name)) {}
  // Inflates every member of `in`; false (nothing kept) on damage or when
  // the output would pass `limit`, so the caller can fall back to zlib,
  // which salvages what precedes damage.
  bool Inflate(std::string_view in, size_t limit);

 private:
  std::vector<char> out_;
};

}  // namespace flowmon
