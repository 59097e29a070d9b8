# CloudWatch input: lambda-event.json (detected automatically).
flowmon filter '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/cloudwatch/lambda-event.json
