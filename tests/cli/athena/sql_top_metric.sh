flowmon athena sql --top srcaddr --where '[..., action=REJECT, status]' --limit 20
flowmon athena sql --top dstaddr/16,dstport --sum bytes
flowmon athena sql --top 5m --where 'REJECT'
flowmon athena sql --metric '[..., action=REJECT, status]' --period 60 --hive --since 2019-07-14T12:00:00Z
flowmon athena sql --metric '[v, a, e, s, d, sp, dp, p, pk, bytes, start, end, action=REJECT, status]' --value '$bytes' --period 300
