// Sources over bytes already in memory: for inputs that do not come from a
// path (and for tests, which use them to put chunk boundaries everywhere).
#pragma once

#include <memory>
#include <string>

#include "flowmon/ingest/source.h"

namespace flowmon {

// A source that hands `data` out through the same line buffer as a stream,
// reading `block` bytes at a time. Gzip-compressed `data` (IsGzip) is
// inflated as a stream. The source owns `data`; chunks stay valid until the
// next Next() call.
std::unique_ptr<Source> NewMemorySource(std::string name, std::string data,
                                        size_t block);

// A source that hands `data` out as one whole chunk, like a mapped file.
// The chunk lives as long as the source.
std::unique_ptr<Source> NewWholeMemorySource(std::string name,
                                             std::string data);

}  // namespace flowmon
