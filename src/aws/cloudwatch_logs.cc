#include "flowmon/aws/cloudwatch_logs.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "aws/remote_url.h"
#include "flowmon/core/json_writer.h"

namespace flowmon {
namespace {

struct Event {
  int64_t timestamp;
  std::string message;
  std::string stream;
};

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const std::string hex(s.substr(i + 1, 2));
      char* end = nullptr;
      const long v = std::strtol(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 2) {
        out.push_back(static_cast<char>(v));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string RequestBody(const LogGroupQuery& q, const std::string& pattern,
                        const std::string& token) {
  fmt::memory_buffer out;
  out.append(std::string_view("{\"logGroupName\":"));
  AppendJsonString(&out, q.group);
  if (!q.stream_prefix.empty()) {
    out.append(std::string_view(",\"logStreamNamePrefix\":"));
    AppendJsonString(&out, q.stream_prefix);
  }
  if (q.start_ms)
    fmt::format_to(std::back_inserter(out), ",\"startTime\":{}", *q.start_ms);
  if (q.end_ms)
    fmt::format_to(std::back_inserter(out), ",\"endTime\":{}", *q.end_ms);
  if (!pattern.empty()) {
    out.append(std::string_view(",\"filterPattern\":"));
    AppendJsonString(&out, pattern);
  }
  if (!token.empty()) {
    out.append(std::string_view(",\"nextToken\":"));
    AppendJsonString(&out, token);
  }
  out.push_back('}');
  return fmt::to_string(out);
}

// Every page for `pattern`; the events appended to *events.
Status FetchAll(AwsClient* client, const LogGroupQuery& q,
                const std::string& pattern, std::vector<Event>* events) {
  simdjson::dom::parser parser;
  std::string token;
  do {
    AwsCall call;
    call.service = "logs";
    call.region = client->default_region();
    call.method = "POST";
    call.path_and_query = "/";
    call.headers = {"Content-Type: application/x-amz-json-1.1",
                    "X-Amz-Target: Logs_20140328.FilterLogEvents"};
    call.body = RequestBody(q, pattern, token);
    call.action = "logs:FilterLogEvents";
    call.resource = fmt::format("log group {}", q.group);
    Result<HttpResponse> r = client->Call(call);
    if (!r.ok()) return r.status();
    simdjson::dom::element doc;
    if (parser.parse(r->body).get(doc)) {
      return Status::IoError(fmt::format(
          "logs:FilterLogEvents on log group {}: the answer is not JSON",
          q.group));
    }
    simdjson::dom::array page;
    if (!doc["events"].get(page)) {
      for (simdjson::dom::element e : page) {
        Event ev{0, "", ""};
        std::string_view s;
        int64_t ts = 0;
        if (!e["timestamp"].get(ts)) ev.timestamp = ts;
        if (!e["message"].get(s)) ev.message = std::string(s);
        if (!e["logStreamName"].get(s)) ev.stream = std::string(s);
        events->push_back(std::move(ev));
      }
    }
    std::string_view next;
    token = doc["nextToken"].get(next) ? std::string() : std::string(next);
  } while (!token.empty());
  return Status::Ok();
}

}  // namespace

Result<LogGroupQuery> ParseLogGroupUrl(std::string_view url) {
  Result<RemoteUrl> parts = SplitRemoteUrl(
      url, "cwlogs://",
      "cwlogs://GROUP[/STREAM_PREFIX] (a '/' in the group's name as %2F)");
  if (!parts.ok()) return parts.status();
  LogGroupQuery q;
  q.group = PercentDecode(parts->head);
  q.stream_prefix = PercentDecode(parts->tail);
  return q;
}

Result<std::string> FilterLogEvents(AwsClient* client,
                                    const LogGroupQuery& query) {
  std::vector<Event> events;
  Status s = FetchAll(client, query, query.filter_pattern, &events);
  if (!s.ok() && !query.filter_pattern.empty() &&
      s.message().find("InvalidParameterException") != std::string::npos) {
    spdlog::info(
        "CloudWatch Logs does not take the pattern as a filter ({}): reading "
        "every event of {} and filtering here",
        s.message(), query.group);
    events.clear();
    s = FetchAll(client, query, "", &events);
  }
  if (!s.ok()) return s;
  std::stable_sort(
      events.begin(), events.end(),
      [](const Event& a, const Event& b) { return a.timestamp < b.timestamp; });
  fmt::memory_buffer out;
  out.append(std::string_view("{\"events\":["));
  for (size_t i = 0; i < events.size(); ++i) {
    if (i > 0) out.push_back(',');
    fmt::format_to(std::back_inserter(out),
                   "{{\"timestamp\":{},\"message\":", events[i].timestamp);
    AppendJsonString(&out, events[i].message);
    out.append(std::string_view(",\"logStreamName\":"));
    AppendJsonString(&out, events[i].stream);
    out.push_back('}');
  }
  out.append(std::string_view("]}\n"));
  return fmt::to_string(out);
}

}  // namespace flowmon
