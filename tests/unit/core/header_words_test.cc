#include "flowmon/core/header_words.h"

#include <string_view>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

bool Header(std::vector<std::string_view> words) {
  return AreHeaderWords(words);
}

TEST_CASE("field names: lowercase letters, digits and '-'", "[header_words]") {
  CHECK(IsFieldNameShaped("srcaddr"));
  CHECK(IsFieldNameShaped("tgw-src-vpc-account-id"));
  CHECK(IsFieldNameShaped("instance-tag-2"));
  CHECK_FALSE(IsFieldNameShaped(""));
  CHECK_FALSE(IsFieldNameShaped("2"));
  CHECK_FALSE(IsFieldNameShaped("-"));
  CHECK_FALSE(IsFieldNameShaped("Version"));
  CHECK_FALSE(IsFieldNameShaped("log_status"));
  CHECK_FALSE(IsFieldNameShaped("10.0.0.1"));
  CHECK_FALSE(IsFieldNameShaped(std::string(kMaxFieldNameBytes + 1, 'a')));
}

TEST_CASE("values that look like field names", "[header_words]") {
  // Resource and container IDs.
  CHECK(LooksLikeFieldValue("eni-1235b8ca123456789"));
  CHECK(LooksLikeFieldValue("vpc-abcdefab012345678"));
  CHECK(LooksLikeFieldValue("subnet-aaaaaaaa012345678"));
  CHECK(LooksLikeFieldValue("i-01234567890123456"));
  CHECK(LooksLikeFieldValue("tgw-attach-0a1b2c3d4e5f60718"));
  CHECK(LooksLikeFieldValue("c0ffee0123456789abcdef0123456789"));
  // Regions, Availability Zones and zone IDs.
  CHECK(LooksLikeFieldValue("us-east-1"));
  CHECK(LooksLikeFieldValue("us-gov-west-1"));
  CHECK(LooksLikeFieldValue("ap-southeast-2"));
  CHECK(LooksLikeFieldValue("us-east-1a"));
  CHECK(LooksLikeFieldValue("use1-az1"));
  CHECK(LooksLikeFieldValue("apse2-az3"));
  CHECK(LooksLikeFieldValue("usw2-lax1-az1"));
  // The lowercase words of the tables.
  CHECK(LooksLikeFieldValue("ingress"));
  CHECK(LooksLikeFieldValue("egress"));
  CHECK(LooksLikeFieldValue("wavelength"));
  CHECK(LooksLikeFieldValue("unknown"));
  // Field names, known or not, are not values.
  CHECK_FALSE(LooksLikeFieldValue("az-id"));
  CHECK_FALSE(LooksLikeFieldValue("tgw-src-az-id"));
  CHECK_FALSE(LooksLikeFieldValue("instance-tag-2"));
  CHECK_FALSE(LooksLikeFieldValue("encryption-status"));
  CHECK_FALSE(LooksLikeFieldValue("next-hop-interface-id"));
  CHECK_FALSE(LooksLikeFieldValue("region"));
}

TEST_CASE("header lines by their shape", "[header_words]") {
  CHECK(Header({"version", "account-id", "interface-id"}));
  // A field flowmon does not know, among known ones.
  CHECK(Header({"version", "srcaddr", "future-field"}));
  CHECK(Header({"flow-direction", "traffic-path", "encryption-status"}));
  CHECK_FALSE(Header({}));
  CHECK_FALSE(Header({"version", "2"}));
  CHECK_FALSE(Header({"version", ""}));
  // Records of custom formats whose values have a name's shape.
  CHECK_FALSE(Header({"eni-1235b8ca123456789", "vpc-abcdefab012345678"}));
  CHECK_FALSE(Header({"ingress", "-", "10.0.133.8"}));
  CHECK_FALSE(Header({"us-east-1", "use1-az1", "wavelength"}));
  // Name-shaped values only, none a known name: a record, not a header.
  CHECK_FALSE(Header({"my-cluster", "web-service"}));
}

}  // namespace
}  // namespace flowmon
