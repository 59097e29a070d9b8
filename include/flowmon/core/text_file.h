// ReadTextFile: a small file read whole (a config, an address list), with
// the reason it could not be read named in the error.
#pragma once

#include <string>

#include "flowmon/core/status.h"

namespace flowmon {

// The bytes of the file at `path`, or an IoError (exit 3) that names it
// and says why: "PATH: cannot open: REASON", "PATH: is a directory",
// "PATH: read error: REASON". For files read once at start-up, not for
// flow-log inputs (ingest/ maps or streams those). Thread-safe.
Result<std::string> ReadTextFile(const std::string& path);

}  // namespace flowmon
