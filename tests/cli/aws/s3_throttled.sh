. "$(dirname "$0")/lib.bash"
# Throttling (S3's 503 SlowDown) is retried with backoff; temporary
# credentials send their session token, signed.
start_aws --bucket flow-logs=samples --throttle 2
flowmon filter --verbose -c --profile temporary --endpoint-url "$endpoint" '[..., action=REJECT, status]' s3://flow-logs/AWSLogs/ 2> err.txt
echo "exit $?"
grep retrying err.txt | sed 's/retrying in [0-9.]* s/retrying in N s/'
stop_aws
requests | sort
