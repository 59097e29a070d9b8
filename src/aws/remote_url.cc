#include "aws/remote_url.h"

#include <fmt/format.h>

namespace flowmon {

Result<RemoteUrl> SplitRemoteUrl(std::string_view url, std::string_view scheme,
                                 std::string_view usage) {
  if (!url.starts_with(scheme)) {
    return Status::InvalidArgument(
        fmt::format("{}: not a {} URL", url, scheme));
  }
  url.remove_prefix(scheme.size());
  const size_t slash = url.find('/');
  RemoteUrl out;
  out.head = url.substr(0, slash);
  if (slash != std::string_view::npos) out.tail = url.substr(slash + 1);
  if (out.head.empty()) {
    return Status::InvalidArgument(fmt::format("{}: write {}", url, usage));
  }
  return out;
}

}  // namespace flowmon
