// HTTP requests through libcurl: the one place flowmon talks HTTP, for
// webhooks, PagerDuty and the AWS APIs (signed with SigV4 by libcurl's
// CURLOPT_AWS_SIGV4).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flowmon/aws/credentials.h"
#include "flowmon/core/status.h"

namespace flowmon {

struct HttpRequest {
  std::string method = "GET";        // GET or POST
  std::string url;                   // with the query string already encoded
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // POST only
  double timeout = 30;               // seconds, for connecting and in all
  // When set, the request is signed for `service` in `region` (the
  // credentials must outlive the call).
  const AwsCredentials* credentials = nullptr;
  std::string service, region;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lowered
  // The value of header `name` (lower case), or "".
  std::string Header(std::string_view name) const;
};

// Performs the request. Errors: the transfer failed (no connection, a
// timeout: libcurl's message); any HTTP status is a response.
Result<HttpResponse> PerformHttp(const HttpRequest& request);

// Percent-encodes `s` as SigV4 wants: every byte but A-Z a-z 0-9 - _ . ~
// (and '/' when keep_slash) as %XX.
std::string UriEncode(std::string_view s, bool keep_slash = false);

// "k1=v1&k2=v2" from pairs, sorted by key and encoded: the canonical query
// string SigV4 signs (libcurl 7.88 signs the query as given, so it must be
// canonical already). Also a form body.
std::string CanonicalQuery(
    std::vector<std::pair<std::string, std::string>> params);

}  // namespace flowmon
