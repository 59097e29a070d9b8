#include "flowmon/aws/http.h"

#include <fmt/format.h>

#include <algorithm>

#include "aws/curl_library.h"

namespace flowmon {
namespace {

size_t AppendBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

size_t AppendHeader(char* data, size_t size, size_t n, void* out) {
  std::string_view line(data, size * n);
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
      value.remove_suffix(1);
    static_cast<HttpResponse*>(out)->headers.emplace_back(std::move(name),
                                                          std::string(value));
  }
  return size * n;
}

}  // namespace

std::string HttpResponse::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return "";
}

Result<HttpResponse> PerformHttp(const HttpRequest& r) {
  Result<CurlTransfer> started = CurlTransfer::Start();
  if (!started.ok()) return started.status();
  CurlTransfer& transfer = started.value();
  const CurlLibrary& lib = transfer.lib();
  CURL* c = transfer.handle();
  for (const std::string& h : r.headers) {
    if (!transfer.Append(h)) return Status::IoError("cannot add a header");
  }
  HttpResponse response;
  const std::string sigv4 =
      r.credentials ? fmt::format("aws:amz:{}:{}", r.region, r.service) : "";
  lib.easy_setopt(c, CURLOPT_URL, r.url.c_str());
  // Defence in depth beside the parse-time checks: whatever URL reaches
  // here (a webhook, an endpoint, a redirect if one is ever followed),
  // libcurl speaks nothing but HTTP(S) for it — never file:, ftp:, ...
  lib.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  lib.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  lib.easy_setopt(c, CURLOPT_HTTPHEADER, transfer.list());
  if (r.method == "POST") {
    lib.easy_setopt(c, CURLOPT_POSTFIELDS, r.body.c_str());
    lib.easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(r.body.size()));
  }
  if (r.credentials != nullptr) {
    lib.easy_setopt(c, CURLOPT_AWS_SIGV4, sigv4.c_str());
    lib.easy_setopt(c, CURLOPT_USERNAME, r.credentials->access_key_id.c_str());
    lib.easy_setopt(c, CURLOPT_PASSWORD,
                    r.credentials->secret_access_key.c_str());
  }
  const long ms = static_cast<long>(r.timeout * 1000);
  lib.easy_setopt(c, CURLOPT_TIMEOUT_MS, ms);
  lib.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, ms);
  lib.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  lib.easy_setopt(c, CURLOPT_WRITEFUNCTION, AppendBody);
  lib.easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
  lib.easy_setopt(c, CURLOPT_HEADERFUNCTION, AppendHeader);
  lib.easy_setopt(c, CURLOPT_HEADERDATA, &response);
  lib.easy_setopt(c, CURLOPT_USERAGENT, "flowmon/0.1");
  const CURLcode rc = lib.easy_perform(c);
  if (rc != CURLE_OK) return Status::IoError(lib.easy_strerror(rc));
  lib.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

std::string UriEncode(std::string_view s, bool keep_slash) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char ch : s) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
        (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' ||
        ch == '~' || (keep_slash && ch == '/')) {
      out.push_back(static_cast<char>(ch));
    } else {
      out += fmt::format("%{:02X}", ch);
    }
  }
  return out;
}

std::string CanonicalQuery(
    std::vector<std::pair<std::string, std::string>> params) {
  std::sort(params.begin(), params.end());
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out.push_back('&');
    out += UriEncode(k) + "=" + UriEncode(v);
  }
  return out;
}

}  // namespace flowmon
