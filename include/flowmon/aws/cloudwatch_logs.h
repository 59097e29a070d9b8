// CloudWatch Logs FilterLogEvents, every page, events in timestamp order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "flowmon/aws/aws_client.h"

namespace flowmon {

struct LogGroupQuery {
  std::string group;
  std::string stream_prefix;  // logStreamNamePrefix; empty: every stream
  std::optional<int64_t> start_ms, end_ms;  // startTime, endTime (inclusive)
  std::string filter_pattern;               // empty: none
};

// "cwlogs://GROUP[/STREAM_PREFIX]" (a '/' inside GROUP written %2F) into
// the query's group and stream prefix.
Result<LogGroupQuery> ParseLogGroupUrl(std::string_view url);

// The events, as one `aws logs filter-log-events` JSON document
// ({"events": [{"timestamp", "message", "logStreamName"}, ...]}) sorted by
// timestamp (stable: a stream's events keep their order). A pattern
// CloudWatch rejects (InvalidParameterException) is dropped and the query
// run again: flowmon checks every event itself.
Result<std::string> FilterLogEvents(AwsClient* client,
                                    const LogGroupQuery& query);

}  // namespace flowmon
