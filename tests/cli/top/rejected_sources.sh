# "Top 20 source IP addresses with highest number of rejected requests".
flowmon top --by srcaddr --where '[..., action=REJECT, status]' samples/v2.log samples/AWSLogs
