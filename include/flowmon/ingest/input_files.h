// ExpandInputs: turns command-line paths into the list of inputs to read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"

namespace flowmon {

struct ExpandedInputs {
  std::vector<std::string> files;  // in reading order; "-" is stdin
  // What a directory walk could not read (a folder, a broken link), and
  // symbolic link loops, each by its own path.
  std::vector<Status> errors;
};

// A path with a registered remote scheme (s3://...) is expanded by its
// provider (RemoteInputProvider::Expand); what it cannot list is an error
// of that path. Directories are walked recursively, following symbolic links,
// and their regular files read in sorted path order (so an S3 tree
// AWSLogs/<acct>/ vpcflowlogs/<region>/YYYY/MM/DD/ reads in time order). A
// folder that cannot be read is reported and the walk goes on; a link back to a
// folder above it (a loop) is reported and not followed. No paths means stdin.
ExpandedInputs ExpandInputs(const std::vector<std::string>& paths);

// The same, skipping files of S3 layout folders (.../YYYY/MM/DD/[HH/] or
// Hive-style year=YYYY/month=MM/day=DD/[hour=HH/]) that cannot hold
// records with start in [since, until). Folders are by delivery time, so
// a folder's records may start up to kDeliveryMarginSeconds before it.
inline constexpr int64_t kDeliveryMarginSeconds = 3600;
ExpandedInputs ExpandInputs(const std::vector<std::string>& paths,
                            std::optional<int64_t> since,
                            std::optional<int64_t> until,
                            size_t* pruned = nullptr);

// The time span [begin, end) a file's S3 layout folders say it was
// delivered in, if its path has such folders.
bool PathTimeSpan(std::string_view path, int64_t* begin, int64_t* end);

// The span a folder of that layout covers when its path ends in the date
// folders ("2019/", "2019/07/", "2019/07/14/", "2019/07/14/10/", or the
// Hive-style year=2019/month=07/...), so that an S3 listing can skip a
// whole year, month, day or hour before listing inside it. `folder` may end
// in '/'.
bool FolderTimeSpan(std::string_view folder, int64_t* begin, int64_t* end);

// True when files delivered in [begin, end) cannot hold records with start
// in [since, until) (kDeliveryMarginSeconds allowed).
bool SpanOutsideRange(int64_t begin, int64_t end, std::optional<int64_t> since,
                      std::optional<int64_t> until);

}  // namespace flowmon
