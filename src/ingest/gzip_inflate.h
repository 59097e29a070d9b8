// gzip inflation with zlib, member after member: GzipInflater for streams
// that feed it block by block, InflateGzip for bytes already in memory.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "flowmon/core/status.h"

namespace flowmon {

// Error statuses are Corrupt with a message that does not name the input
// ("truncated gzip data (unexpected end of file)"); callers prefix it.
class GzipInflater {
 public:
  GzipInflater();
  ~GzipInflater();
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  // Sets zlib up; call once, before anything else.
  Status Init();
  // True when every byte given to Feed() has been consumed and all they
  // inflate to handed out: zlib may take the last bytes in while the
  // output span is full and hold back what they inflate to (a long match
  // of a member cut short), which the next Inflate() hands out.
  bool needs_input() const { return zs_.avail_in == 0 && !out_full_; }
  // Gives the next input bytes; they must stay valid until needs_input().
  void Feed(const char* data, size_t size);
  // Inflates fed bytes into `out` and returns how many bytes it wrote; on
  // damage (a corrupt member, garbage after the last one) sets *error and
  // inflates no more. Zero bytes after the last member are padding, as
  // gzip -d takes them: skipped, not damage.
  size_t Inflate(std::span<char> out, Status* error);
  // At the end of the input: an error when the last member was cut short.
  Status Finish() const;

 private:
  z_stream zs_;
  bool in_member_ = true;
  bool in_padding_ = false;  // zero bytes followed the last member
  bool out_full_ = false;    // the last Inflate() filled its span
};

// Inflates all of `gz` (any number of members) into *out. On damage *out
// holds what preceded it. Past `limit` bytes of output it stops with
// Corrupt "inflates to more than <limit>", *out holding the first `limit`
// bytes: a small input can inflate to gigabytes.
Status InflateGzip(std::string_view gz, std::string* out,
                   size_t limit = SIZE_MAX);

}  // namespace flowmon
