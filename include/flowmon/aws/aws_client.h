// AwsClient: signed calls to AWS APIs with the standard credential chain,
// throttling retried with backoff, and errors turned into messages that
// say what to do (missing credentials, access denied with the action and
// resource, a bucket in another region).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "flowmon/aws/credentials.h"
#include "flowmon/aws/http.h"
#include "flowmon/core/status.h"

namespace flowmon {

// One API call: the service's endpoint gets `path_and_query` (encoded).
struct AwsCall {
  std::string service;  // "s3", "logs", "sns": the signing name
  std::string region;
  std::string method = "GET";
  std::string host_prefix;     // "bucket." for virtual-hosted S3, else ""
  std::string path_and_query;  // "/bucket/key?..."; "/" for JSON and query APIs
  std::vector<std::string> headers;
  std::string body;
  // For messages: "s3:ListBucket" and "arn:aws:s3:::bucket".
  std::string action, resource;
};

struct AwsRetry {
  int attempts = 5;          // throttling, 5xx and transfer errors
  double first_delay = 0.2;  // seconds, doubled per attempt, at most 5 s
  double timeout = 30;       // seconds per attempt
};

// Thread-safe: calls may run at once (S3 objects are fetched ahead).
class AwsClient {
 public:
  AwsClient(AwsSettings settings, EnvLookup env, AwsRetry retry = {});

  // The region for calls that do not name one: --region, the environment,
  // the profile, else us-east-1.
  const std::string& default_region() const { return region_; }
  const AwsSettings& settings() const { return settings_; }

  // The endpoint URL of `service` in `region` (no trailing '/'):
  // --endpoint-url when given, else
  // https://HOST_PREFIXservice.region.amazonaws.com.
  std::string Endpoint(const AwsCall& call) const;

  // Signs and sends `call`; a 2xx response comes back. Credentials are read
  // on the first call. Throttling, 5xx answers and transfer errors are
  // retried with backoff; other answers become errors at once.
  Result<HttpResponse> Call(const AwsCall& call);

 private:
  Result<const AwsCredentials*> Credentials();
  Status Explain(const AwsCall& call, const HttpResponse& response,
                 const AwsCredentials& credentials) const;

  AwsSettings settings_;
  EnvLookup env_;
  AwsRetry retry_;
  std::string region_;
  std::mutex mutex_;
  std::optional<Result<AwsCredentials>> credentials_;
};

// The error code and message of an AWS error response: XML
// (<Code>, <Message>) or JSON ("__type", "message").
struct AwsError {
  std::string code, message;
};
AwsError ParseAwsError(const std::string& body);

}  // namespace flowmon
