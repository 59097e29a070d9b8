# CloudWatch inputs: @timestamp is the event's own timestamp.
flowmon query 'filter action="REJECT" | stats count(*) as n by bin(1m) | sort bin(1m)' samples/cloudwatch/filter-log-events.json
