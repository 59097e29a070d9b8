# The sample S3 tree's 16th is a Parquet object (the 15th's records a day
# later): every subcommand reads it beside the gzip text days.
day=samples/AWSLogs/123456789012/vpcflowlogs/us-east-1/2019/07
flowmon filter -c '[..., action=REJECT, status]' $day/15 $day/16
flowmon filter -o csv --limit 2 '[..., action=REJECT, status]' $day/16
flowmon --verbose filter -c --since 2019-07-16 '[]' samples/AWSLogs
flowmon metric --pattern '[..., action=REJECT, status]' --period 86400 samples/AWSLogs
flowmon top --by action samples/AWSLogs
flowmon query 'stats count(*) by bin(1d) as day | sort day' samples/AWSLogs
