// Findings as text: GuardDuty's finding JSON (what `detect -o json|ndjson`
// writes), the EventBridge event GuardDuty publishes for one (what --notify
// delivers), a Slack body and a one-line summary.
#pragma once

#include <fmt/format.h>

#include <string>

#include "flowmon/detect/finding.h"

namespace flowmon {

// The account and region a finding names when its records do not.
struct FindingIdentity {
  std::string account_id = "000000000000";
  std::string region = "us-east-1";
};

// One finding object in GuardDuty's shape: schemaVersion, accountId,
// region, id, arn, type, severity, title, description, createdAt and
// updatedAt (event times: the first and last record), resource
// {resourceType, instanceDetails {instanceId, networkInterfaces [...]}},
// service {serviceName "flowmon", detectorId (the detector), action
// {NETWORK_CONNECTION or PORT_PROBE}, resourceRole, eventFirstSeen,
// eventLastSeen, count, additionalInfo {figures, sampleRecords, ...}}.
void AppendFindingJson(fmt::memory_buffer* out, const Finding& f,
                       const FindingIdentity& id);

// {"version":"0","id":...,"detail-type":"GuardDuty Finding","source":
// "flowmon","account":...,"time":...,"region":...,"resources":[],"detail":
// <the finding>}: what an EventBridge rule hands SNS for a GuardDuty
// finding.
std::string FindingEventJson(const Finding& f, const FindingIdentity& id);
// {"text": "<summary>"}.
std::string FindingSlackJson(const Finding& f);
// "Medium 5 Recon:EC2/Portscan: 203.0.113.9 probed 212 ports of 10.0.1.5".
std::string FindingSummary(const Finding& f);

}  // namespace flowmon
