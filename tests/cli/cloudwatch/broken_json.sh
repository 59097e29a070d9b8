# The events before the damage are kept; the damage is reported; exit 3.
flowmon filter '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/cloudwatch/broken.json
