# --notify delivers each finding like an alarm transition: the event
# EventBridge hands SNS for a GuardDuty finding.
flowmon gen --duration 3h --scenario blocklisted:at=01:00 > b.log
flowmon detect -q --blocklist samples/detect/blocklist.netset --notify file:sent.json --account-id 111122223333 b.log
cat sent.json
