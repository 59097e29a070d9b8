#include "flowmon/aws/s3.h"

#include <fmt/format.h>

#include "aws/remote_url.h"
#include "aws/xml_text.h"

namespace flowmon {
namespace {

// SHA-256 of no bytes: S3 wants the payload's hash signed, even for a GET.
constexpr const char* kEmptyPayloadHash =
    "x-amz-content-sha256: "
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

}  // namespace

Result<S3Location> ParseS3Url(std::string_view url) {
  Result<RemoteUrl> parts =
      SplitRemoteUrl(url, "s3://", "s3://BUCKET/PREFIX (no bucket given)");
  if (!parts.ok()) return parts.status();
  return S3Location{std::string(parts->head), std::string(parts->tail)};
}

AwsCall S3::Base(const std::string& bucket, const std::string& key) const {
  AwsCall call;
  call.service = "s3";
  call.region = client_->default_region();
  call.headers.push_back(kEmptyPayloadHash);
  if (client_->settings().endpoint_url.empty()) {
    call.host_prefix = bucket + ".";
    call.path_and_query = "/" + UriEncode(key, true);
  } else {
    call.path_and_query = "/" + UriEncode(bucket) + "/" + UriEncode(key, true);
  }
  return call;
}

Result<S3Listing> S3::List(const std::string& bucket, const std::string& prefix,
                           const std::string& delimiter) {
  S3Listing out;
  std::string token;
  do {
    std::vector<std::pair<std::string, std::string>> params = {
        {"list-type", "2"}, {"prefix", prefix}};
    if (!delimiter.empty()) params.emplace_back("delimiter", delimiter);
    if (!token.empty()) params.emplace_back("continuation-token", token);
    AwsCall call = Base(bucket, "");
    call.path_and_query += "?" + CanonicalQuery(std::move(params));
    call.action = "s3:ListBucket";
    call.resource =
        fmt::format("arn:aws:s3:::{} (prefix '{}')", bucket, prefix);
    Result<HttpResponse> r = client_->Call(call);
    if (!r.ok()) return r.status();
    for (std::string_view contents : XmlElements(r->body, "Contents")) {
      out.keys.push_back(XmlText(contents, "Key"));
    }
    for (std::string_view common : XmlElements(r->body, "CommonPrefixes")) {
      out.prefixes.push_back(XmlText(common, "Prefix"));
    }
    token = XmlText(r->body, "IsTruncated") == "true"
                ? XmlText(r->body, "NextContinuationToken")
                : "";
  } while (!token.empty());
  return out;
}

Result<std::string> S3::Get(const std::string& bucket, const std::string& key) {
  AwsCall call = Base(bucket, key);
  call.action = "s3:GetObject";
  call.resource = fmt::format("arn:aws:s3:::{}/{}", bucket, key);
  Result<HttpResponse> r = client_->Call(call);
  if (!r.ok()) return r.status();
  return std::move(r->body);
}

}  // namespace flowmon
