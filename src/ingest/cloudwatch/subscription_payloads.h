// The "subscription" input format: subscription payloads (base64 gzip) one
// after another, separated by white space (one per line as a Kinesis
// consumer or `jq -r .awslogs.data` writes them).
#pragma once

#include <string_view>

#include "ingest/cloudwatch/event_writer.h"

namespace flowmon {

void ReadSubscriptionPayloads(std::string_view text, EventWriter* w);

}  // namespace flowmon
