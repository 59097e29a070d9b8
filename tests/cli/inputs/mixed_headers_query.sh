# Insights field names resolve against each input's own header.
flowmon query -o csv 'filter action="REJECT" | stats count(*) as n, sum(bytes) as b by dstPort | sort n desc' samples/mixed_headers
