. "$(dirname "$0")/lib.bash"
# --since/--until prune the S3 layout before listing deeper: the listing
# goes folder by folder (delimiter '/') and never opens 2019/07/14/.
start_aws --bucket flow-logs=samples
flowmon filter -c --endpoint-url "$endpoint" --since 2019-07-15T00:00:00Z '[..., action=REJECT, status]' s3://flow-logs/AWSLogs/
flowmon filter -c --since 2019-07-15T00:00:00Z '[..., action=REJECT, status]' samples/AWSLogs/
stop_aws
requests
