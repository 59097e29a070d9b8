# The Insights sample queries for VPC flow logs, translated for Athena.
flowmon athena sql --query 'filter action="REJECT" | stats count(*) as numRejections by srcAddr | sort numRejections desc | limit 20'
flowmon athena sql --query 'filter isIpv4InSubnet(srcAddr, "192.0.2.0/24") | stats sum(bytes) as bytesTransferred by dstAddr | sort bytesTransferred desc | limit 15'
flowmon athena sql --query 'filter logStatus="SKIPDATA" | stats count(*) by bin(1h) as t | sort t' --since 2019-07-14 --until 2019-07-15
flowmon athena sql --query 'stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr'
flowmon athena sql --query 'filter protocol=17 | stats count(*) by srcAddr'
flowmon athena sql --query 'fields @timestamp, srcAddr, dstPort | filter dstPort in [22, 3389] and not srcAddr like /^10\./ | sort @timestamp desc | limit 5'
flowmon athena sql --query 'filter (bytes + packets) * 2 > 1000 and bytes % 2 = 0 | fields srcAddr, bytes ^ 2 as sq'
flowmon athena sql --query 'stats count(*) by srcAddr | dedup srcAddr'
