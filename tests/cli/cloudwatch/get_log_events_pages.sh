# CloudWatch input: get-log-events-pages.json (detected automatically).
flowmon filter '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/cloudwatch/get-log-events-pages.json
