// "scheme://HEAD[/TAIL]": the bucket and key of s3:// inputs, the log
// group and stream prefix of cwlogs:// ones.
#pragma once

#include <string_view>

#include "flowmon/core/status.h"

namespace flowmon {

struct RemoteUrl {
  std::string_view head;  // up to the first '/' after the scheme
  std::string_view tail;  // after it; empty when there is none
};

// Errors: `url` does not start with `scheme`, or HEAD is empty (`usage`
// says how to write one).
Result<RemoteUrl> SplitRemoteUrl(std::string_view url, std::string_view scheme,
                                 std::string_view usage);

}  // namespace flowmon
