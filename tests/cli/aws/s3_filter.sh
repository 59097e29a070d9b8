. "$(dirname "$0")/lib.bash"
# An S3 bucket (a local stand-in holding samples/AWSLogs) reads like the
# local tree: same records, same order; ListObjectsV2 pages (1 key a page
# here) are all followed, and every request is signed (botocore checks).
start_aws --bucket flow-logs=samples --page-size 1
flowmon filter --endpoint-url "$endpoint" '[..., action=REJECT, status]' s3://flow-logs/AWSLogs/ > from-s3.txt
echo "exit $?"
flowmon filter '[..., action=REJECT, status]' samples/AWSLogs/ > local.txt
cmp from-s3.txt local.txt && echo "same as the local tree: $(wc -l < local.txt) records"
stop_aws
requests | sort
