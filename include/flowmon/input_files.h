// ExpandInputs: turns command-line paths into the list of inputs to read.
#pragma once

#include <string>
#include <vector>

#include "flowmon/status.h"

namespace flowmon {

struct ExpandedInputs {
  std::vector<std::string> files;  // in reading order; "-" is stdin
  std::vector<Status> errors;      // paths that do not exist
};

// Directories are walked recursively and their regular files read in
// sorted path order (so an S3 tree AWSLogs/<acct>/vpcflowlogs/<region>/
// YYYY/MM/DD/ reads in time order). No paths means stdin.
ExpandedInputs ExpandInputs(const std::vector<std::string>& paths);

}  // namespace flowmon
