# Queries that gave wrong rows with exit 0 before (issue 12, section 1).
run() { echo "## $1"; flowmon query "$1" samples/v2.log; echo; }
# sort by a field that is not shown
run 'fields srcAddr, bytes | sort packets desc | limit 5'
run 'fields @message | sort @timestamp desc | limit 3'
# display without fields (the shape of AWS's limit example)
run 'sort @timestamp desc | limit 4 | display srcAddr, dstPort'
# AWS's names startTime and endTime; start and end stay as aliases
run 'filter logStatus = "NODATA" or logStatus = "SKIPDATA" | fields startTime, endTime, end - start as secs, `log-status`'
# dedup keeps null values and, unsorted, the newest event
run 'fields @timestamp, srcPort, dstPort | dedup dstPort'
