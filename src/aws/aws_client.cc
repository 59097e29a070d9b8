#include "flowmon/aws/aws_client.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "aws/xml_text.h"

namespace flowmon {
namespace {

bool IsThrottling(const std::string& code) {
  static constexpr std::string_view kCodes[] = {
      "Throttling",
      "ThrottlingException",
      "ThrottledException",
      "RequestThrottledException",
      "SlowDown",
      "TooManyRequestsException",
      "RequestLimitExceeded",
      "ProvisionedThroughputExceededException",
      "RequestThrottled",
      "LimitExceededException"};
  return std::find(std::begin(kCodes), std::end(kCodes), code) !=
         std::end(kCodes);
}

bool IsOneOf(const std::string& code,
             std::initializer_list<std::string_view> codes) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

AwsError ParseAwsError(const std::string& body) {
  AwsError e;
  const size_t start = body.find_first_not_of(" \t\r\n");
  if (start != std::string::npos && body[start] == '{') {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (!parser.parse(body).get(doc)) {
      std::string_view v;
      if (!doc["__type"].get(v)) e.code = std::string(v);
      if (!doc["message"].get(v) || !doc["Message"].get(v)) {
        e.message = std::string(v);
      }
    }
    // "com.amazon.coral.service#AccessDeniedException"
    if (const size_t hash = e.code.rfind('#'); hash != std::string::npos) {
      e.code.erase(0, hash + 1);
    }
    return e;
  }
  e.code = XmlText(body, "Code");
  e.message = XmlText(body, "Message");
  return e;
}

AwsClient::AwsClient(AwsSettings settings, EnvLookup env, AwsRetry retry)
    : settings_(std::move(settings)), env_(std::move(env)), retry_(retry) {
  region_ = ResolveAwsRegion(settings_, env_);
  if (region_.empty()) region_ = "us-east-1";
}

std::string AwsClient::Endpoint(const AwsCall& call) const {
  if (!settings_.endpoint_url.empty()) {
    std::string url = settings_.endpoint_url;
    while (url.ends_with('/')) url.pop_back();
    return url;
  }
  return fmt::format("https://{}{}.{}.amazonaws.com", call.host_prefix,
                     call.service, call.region);
}

Result<const AwsCredentials*> AwsClient::Credentials() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!credentials_) credentials_ = LoadAwsCredentials(settings_, env_);
  if (!credentials_->ok()) return credentials_->status();
  return &**credentials_;
}

Status AwsClient::Explain(const AwsCall& call, const HttpResponse& response,
                          const AwsCredentials& credentials) const {
  AwsError e = ParseAwsError(response.body);
  if (e.code.empty()) e.code = fmt::format("HTTP {}", response.status);
  const std::string detail =
      e.message.empty() ? e.code : fmt::format("{}: {}", e.code, e.message);
  if (IsOneOf(e.code,
              {"AccessDenied", "AccessDeniedException", "AuthorizationError",
               "UnauthorizedOperation", "AuthorizationErrorException"}) ||
      (response.status == 403 && e.code == "HTTP 403")) {
    return Status::IoError(fmt::format(
        "access denied: {} on {} for the credentials from {} ({}): allow "
        "that action on that resource in their IAM policy",
        call.action, call.resource, credentials.source, detail));
  }
  std::string region = response.Header("x-amz-bucket-region");
  if (region.empty()) region = XmlText(response.body, "Region");
  if (response.status == 301 ||
      IsOneOf(e.code, {"PermanentRedirect", "AuthorizationHeaderMalformed",
                       "IllegalLocationConstraintException"})) {
    if (!region.empty() && region != call.region) {
      const std::string what = call.resource.substr(0, call.resource.find(' '));
      return Status::IoError(
          fmt::format("{} is in region {}, not {}: add --region {}", what,
                      region, call.region, region));
    }
  }
  if (IsOneOf(e.code, {"InvalidClientTokenId", "SignatureDoesNotMatch",
                       "InvalidAccessKeyId", "ExpiredToken",
                       "ExpiredTokenException", "UnrecognizedClientException",
                       "InvalidSignatureException", "IncompleteSignature"})) {
    return Status::IoError(fmt::format(
        "{}: AWS rejected the credentials from {} ({}): check the keys, or "
        "refresh temporary credentials",
        call.action, credentials.source, detail));
  }
  return Status::IoError(fmt::format("{} on {}: {} (HTTP {})", call.action,
                                     call.resource, detail, response.status));
}

Result<HttpResponse> AwsClient::Call(const AwsCall& call) {
  Result<const AwsCredentials*> credentials = Credentials();
  if (!credentials.ok()) return credentials.status();
  const AwsCredentials& c = **credentials;
  HttpRequest request;
  request.method = call.method;
  request.url = Endpoint(call) + call.path_and_query;
  request.headers = call.headers;
  if (!c.session_token.empty()) {
    request.headers.push_back("x-amz-security-token: " + c.session_token);
  }
  request.body = call.body;
  request.timeout = retry_.timeout;
  request.credentials = &c;
  request.service = call.service;
  request.region = call.region;
  std::string last;
  bool throttled = false;
  double delay = retry_.first_delay;
  for (int attempt = 1; attempt <= retry_.attempts; ++attempt) {
    Result<HttpResponse> response = PerformHttp(request);
    if (response.ok() && response->status >= 200 && response->status < 300) {
      return response;
    }
    bool retry;
    if (!response.ok()) {
      last = response.status().message();
      retry = true;
    } else {
      const AwsError e = ParseAwsError(response->body);
      retry = IsThrottling(e.code) || response->status == 429 ||
              response->status >= 500;
      if (!retry) return Explain(call, *response, c);
      throttled = IsThrottling(e.code) || response->status == 429;
      last = e.code.empty() ? fmt::format("HTTP {}", response->status) : e.code;
    }
    if (attempt == retry_.attempts) break;
    spdlog::info("{} on {}: {}; retrying in {:.1f} s", call.action,
                 call.resource, last, delay);
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    delay = std::min(delay * 2, 5.0);
  }
  return Status::IoError(fmt::format(
      "{} on {}: {} after {} attempts{}", call.action, call.resource, last,
      retry_.attempts,
      throttled ? " (AWS kept throttling: try again later, or lower the "
                  "account's request rate)"
                : ""));
}

}  // namespace flowmon
