// Subscription payloads: what a subscription filter delivers, base64 of
// gzip of one JSON subscription message.
#pragma once

#include <string>
#include <string_view>

#include "flowmon/core/status.h"

namespace flowmon {

// Decodes the base64 `payload` (white space ignored) into *json, inflating
// it when it is gzip. Errors (Corrupt, not naming the input): "not base64",
// or what InflateGzip reports.
Status DecodePayload(std::string_view payload, std::string* json);

}  // namespace flowmon
