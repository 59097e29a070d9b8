// Subscription payloads: what a subscription filter delivers, base64 of
// gzip of one JSON subscription message.
#pragma once

#include <string>
#include <string_view>

#include "flowmon/core/status.h"

namespace flowmon {

// The most one payload may inflate to: 64 times the 1 MiB of messages one
// PutLogEvents batch holds (what a subscription delivers at once), so that
// no delivery comes near it while a crafted one (2.8 MB of base64 that
// inflates to 2 GiB of white space) stops there (docs/filter.md).
inline constexpr size_t kMaxPayloadBytes = size_t{64} << 20;

// Decodes the base64 `payload` (white space ignored) into *json, inflating
// it when it is gzip. Errors (Corrupt, not naming the input): "not base64",
// or what InflateGzip reports ("inflates to more than 64 MiB" past
// kMaxPayloadBytes).
Status DecodePayload(std::string_view payload, std::string* json);

}  // namespace flowmon
