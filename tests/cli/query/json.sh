flowmon query -o json 'filter action="REJECT" | stats count(*) as numRejections, count_distinct(srcAddr), sum(bytes), pct(bytes, 50) by dstPort | sort numRejections desc' samples/v2.log
