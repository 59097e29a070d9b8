# Nothing matches: no output, exit 1 (like grep).
flowmon filter '[..., dstport=12345, protocol, packets, bytes, start, end, action, status]' samples/v2.log
