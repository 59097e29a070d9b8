# The sample queries of the CloudWatch Logs Insights documentation for VPC
# flow logs, run over the sample tree and the v2 sample.
run() { echo "## $1"; flowmon query "$1" samples/v2.log samples/AWSLogs; echo; }
run 'stats sum(packets) as packetsTransferred by srcAddr, dstAddr | sort packetsTransferred desc | limit 15'
run 'filter isIpv4InSubnet(srcAddr, "10.0.0.0/16") | stats sum(bytes) as bytesTransferred by dstAddr | sort bytesTransferred desc | limit 15'
run 'filter protocol=17 | stats count(*) by srcAddr'
run 'filter logStatus="SKIPDATA" | stats count(*) by bin(1h) as t | sort t'
run 'filter action="REJECT" | stats count(*) as numRejections by srcAddr | sort numRejections desc | limit 20'
run 'stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr | sort srcAddr, dstAddr | limit 10'
run 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10'
run 'fields @timestamp, @message | filter srcAddr like "61.177.172" and dstPort=22 | sort @timestamp desc | limit 20'
