// The s3:// and cwlogs:// input providers (RemoteInputProvider), which the
// binary registers for the engine at startup.
#pragma once

#include <memory>

#include "flowmon/aws/aws_client.h"

namespace flowmon {

// Registers s3:// (ListObjectsV2 under the prefix, the S3 layout pruned by
// --since/--until folder by folder, objects fetched a few ahead in the
// background) and cwlogs:// (FilterLogEvents with the query's time range
// and pattern) for `client`, which the providers share.
void RegisterAwsInputs(std::shared_ptr<AwsClient> client);

}  // namespace flowmon
