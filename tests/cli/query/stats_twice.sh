# Arithmetic on aggregates, the stats functions, and a second stats over
# the first one's rows (AWS's stats page).
run() { echo "## $1"; flowmon query "$1" samples/v2.log samples/AWSLogs; echo; }
run 'stats sum(bytes) / 1024 as kb, count() as n, sum(bytes) / count(*) as avg_bytes by action'
run 'stats stddev(bytes) as sd, earliest(srcAddr) as first, latest(srcAddr) as last, sortsFirst(dstAddr), sortsLast(dstAddr), max(@timestamp) as t by action'
run 'FIELDS strlen(@message) AS message_length | STATS sum(message_length) / 1024 AS logs_kb BY bin(5m) | STATS max(logs_kb) AS peak_kb, min(logs_kb) AS min_kb, avg(logs_kb) AS avg_kb'
run 'stats count_distinct(dstPort) as ports, count(*) as flows by srcAddr, action | filter flows > 1 | stats count(*) as sources, sum(flows) / count(*) as flows_per_source by action | sort action'
run 'stats count(*) as n by bin(5m) as @t | stats sum(n) as flows, max(n) as peak by dateceil(@t, 1h)'
