flowmon filter -c '[..., dstport = 22 || dstport = 3389, protocol, packets, bytes, start, end, action = REJECT, status]' samples/v2.log
