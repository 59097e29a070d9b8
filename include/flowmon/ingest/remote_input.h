// Remote inputs: paths such as s3://bucket/prefix or cwlogs://group that
// name data outside the file system. The engine cannot reach them itself
// (it links no network library): the binary registers a provider for each
// scheme at startup, and ExpandInputs and OpenSource hand such paths to it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"
#include "flowmon/ingest/format.h"

namespace flowmon {

// What the question asks of the records, for providers that can narrow
// what they fetch (a log group's FilterLogEvents). The records fetched are
// still checked locally, so a provider may ignore any of it.
struct RemoteQuery {
  std::optional<int64_t> since;  // epoch seconds, as PipelineOptions
  std::optional<int64_t> until;
  std::string filter_pattern;  // empty: none (or more than one pattern)
};

// One remote input's bytes, fetched whole.
struct RemoteBytes {
  std::string data;
  // How to read the bytes when the provider knows (CloudWatch events);
  // nullopt: as the user asked (--input-format), gzip detected as for files.
  std::optional<InputFormat> format;
};

// Reads the paths of one scheme. Expand and Fetch are called from the
// thread that runs the pipeline; a provider may fetch ahead in the
// background.
class RemoteInputProvider {
 public:
  virtual ~RemoteInputProvider() = default;
  // Appends the inputs `path` names to *inputs, in reading order (an S3
  // prefix: its objects; a log group: itself), skipping what cannot hold
  // records in [query.since, query.until) and counting it in *pruned.
  virtual Status Expand(const std::string& path, const RemoteQuery& query,
                        std::vector<std::string>* inputs, size_t* pruned) = 0;
  // The bytes of one input Expand produced.
  virtual Result<RemoteBytes> Fetch(const std::string& input,
                                    const RemoteQuery& query) = 0;
};

// Registers `provider` for paths that start with `scheme` ("s3://"),
// replacing any earlier one. Not thread-safe: call before running inputs.
void RegisterRemoteInputs(std::string scheme,
                          std::shared_ptr<RemoteInputProvider> provider);
// The provider for `path`, or null when none is registered for its scheme.
RemoteInputProvider* FindRemoteInputs(std::string_view path);

}  // namespace flowmon
