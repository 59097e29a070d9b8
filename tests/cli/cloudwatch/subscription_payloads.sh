# CloudWatch input: subscription-payloads.txt (detected automatically).
flowmon filter '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/cloudwatch/subscription-payloads.txt
