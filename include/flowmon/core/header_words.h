// The shape of flow-log field names and of S3 header lines, so that a header
// line naming fields newer than flowmon is still recognised as one.
#pragma once

#include <span>
#include <string_view>

namespace flowmon {

// The longest field name flowmon accepts (AWS's are under 30 bytes).
inline constexpr size_t kMaxFieldNameBytes = 64;

// A field name's shape: a lowercase letter, then lowercase letters, digits
// and '-' (at most kMaxFieldNameBytes).
bool IsFieldNameShaped(std::string_view word);

// True for a word that has a field name's shape but is a value AWS writes:
// a resource ID (eni-0a1b2c3d, vpc-..., a 32-hex task ID), a Region
// (us-east-1), an Availability Zone ID (use1-az1) or name (us-east-1a), or
// one of the lowercase words of the tables (ingress, egress, wavelength,
// outpost, localzone, unknown).
bool LooksLikeFieldValue(std::string_view word);

// True when `words` can be a header line: there is at least one, each has a
// field name's shape and none looks like a value, and at least one is a
// name flowmon knows, so that a record of name-like values only (two ECS
// names, say) is not taken for a header.
bool AreHeaderWords(std::span<const std::string_view> words);

}  // namespace flowmon
