# CloudWatch input: firehose-object.gz (detected automatically).
flowmon filter '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/cloudwatch/firehose-object.gz
