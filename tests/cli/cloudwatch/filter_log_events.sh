# CloudWatch input: filter-log-events.json (detected automatically).
flowmon filter '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/cloudwatch/filter-log-events.json
