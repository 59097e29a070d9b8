// AWS credentials and region from the standard chain, as the AWS CLI finds
// them: environment variables, then the shared credentials and config files
// (~/.aws/credentials, ~/.aws/config, or AWS_SHARED_CREDENTIALS_FILE and
// AWS_CONFIG_FILE) for --profile, AWS_PROFILE or "default". Never the
// instance metadata service: flowmon contacts no address it was not given.
#pragma once

#include <functional>
#include <string>

#include "flowmon/core/status.h"

namespace flowmon {

// --profile, --region and --endpoint-url as typed; empty: not given.
struct AwsSettings {
  std::string profile;
  std::string region;
  std::string
      endpoint_url;  // replaces every service's endpoint (path-style S3)
};

struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty unless temporary credentials
  // Where they came from, for messages: "the environment (AWS_ACCESS_KEY_ID)"
  // or "profile 'dev' in /home/u/.aws/credentials".
  std::string source;
};

// Reads an environment variable: null when unset. Tests pass their own.
using EnvLookup = std::function<const char*(const char*)>;
EnvLookup ProcessEnvironment();

// The credentials for `settings`: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
// (and AWS_SESSION_TOKEN) unless a profile was named with --profile, else
// the profile's keys in the credentials file, then in the config file.
// Errors say what to set: no credentials anywhere, a profile that does not
// exist, a profile that needs a feature flowmon lacks (SSO, role_arn,
// credential_process).
Result<AwsCredentials> LoadAwsCredentials(const AwsSettings& settings,
                                          const EnvLookup& env);

// --region, else AWS_REGION, AWS_DEFAULT_REGION, the profile's "region" in
// the config file; empty when none says.
std::string ResolveAwsRegion(const AwsSettings& settings, const EnvLookup& env);

}  // namespace flowmon
