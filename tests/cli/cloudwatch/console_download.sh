# CloudWatch input: console-download.csv (detected automatically).
flowmon filter '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/cloudwatch/console-download.csv
