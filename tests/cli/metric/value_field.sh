# The metric value is an extracted field; Maximum over 5-minute periods.
flowmon metric --pattern '[v, a, e, src, dst, sp, dp, p, packets, bytes, start, end, action=ACCEPT, status]' --value '$bytes' --stat Maximum --period 300 -o json samples/v2.log
