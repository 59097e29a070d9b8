# Payloads as a Kinesis consumer would dump them, through a pipe.
cat samples/cloudwatch/subscription-payloads.txt | flowmon filter -o ndjson '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]'
