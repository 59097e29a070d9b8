# A directory is read recursively, in path order.
flowmon filter -c '[..., action=REJECT, status]' samples/AWSLogs
flowmon filter -o csv --limit 2 '[..., action=REJECT, status]' samples/AWSLogs/
