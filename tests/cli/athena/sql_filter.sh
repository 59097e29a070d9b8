# The seed lab's pattern over a day of the S3 copy.
flowmon athena sql --filter '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]' --since 2019-07-14 --until 2019-07-15
flowmon athena sql --filter '[..., dstport = 22 || dstport = 3389, protocol, packets, bytes > 1000, start, end, action = REJ*, status]' --limit 100
flowmon athena sql --filter '[v, a, e, src=%^61\.177%, ...]'
flowmon athena sql --filter '?REJECT ?NODATA'
