// S3: ListObjectsV2 (every page) and GetObject, path-style with
// --endpoint-url (ENDPOINT/BUCKET/KEY), virtual-hosted otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/aws/aws_client.h"

namespace flowmon {

struct S3Location {
  std::string bucket;
  std::string key;  // a prefix or an object's key; may be empty
};
// "s3://bucket/key" into its parts. Errors: not s3://, no bucket.
Result<S3Location> ParseS3Url(std::string_view url);

struct S3Listing {
  std::vector<std::string> keys;      // objects, in S3's (byte) order
  std::vector<std::string> prefixes;  // CommonPrefixes with a delimiter
};

// The client must outlive the S3 object. Thread-safe as the client is.
class S3 {
 public:
  explicit S3(AwsClient* client) : client_(client) {}
  // Every page of ListObjectsV2 for prefix (and delimiter, when not empty).
  Result<S3Listing> List(const std::string& bucket, const std::string& prefix,
                         const std::string& delimiter);
  Result<std::string> Get(const std::string& bucket, const std::string& key);

 private:
  AwsCall Base(const std::string& bucket, const std::string& key) const;
  AwsClient* client_;
};

}  // namespace flowmon
