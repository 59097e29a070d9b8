# Insights' answers under Trino's rules: division in double, aliases
# inlined, negations that keep null fields, text in Insights' order.
flowmon athena sql --query 'stats sum(bytes) as b, sum(packets) as p by srcAddr | sort srcAddr | limit 10'
flowmon athena sql --query 'fields bytes / packets as per_packet, bytes % 7 as rest | filter per_packet > 100 | sort per_packet desc'
flowmon athena sql --query 'fields srcPort * 2 as twice | filter twice > 1000 | stats count(*) as n by twice | sort n desc'
flowmon athena sql --query 'filter dstPort not in [22, 3389] and not action = "REJECT" | stats count(*) as n by logStatus'
flowmon athena sql --query 'stats max(srcAddr) as m, avg(bytes) as a'
