. "$(dirname "$0")/lib.bash"
# Errors that say what to do, each with the exit status of an unreadable input.
start_aws --bucket flow-logs=samples --bucket-region eu-west-1
run() { flowmon filter -c --endpoint-url "$endpoint" '[]' "$@" 2>&1; echo "exit $?"; }
echo "# no credentials anywhere"
AWS_SHARED_CREDENTIALS_FILE=$PWD/none run --region eu-west-1 s3://flow-logs/AWSLogs/ | sed "s|$PWD|DIR|g"
echo "# a profile that does not exist"
run --region eu-west-1 --profile nosuch s3://flow-logs/AWSLogs/ | sed "s|$PWD|DIR|g"
echo "# the bucket is in another region"
run s3://flow-logs/AWSLogs/
echo "# nothing under the prefix"
run --region eu-west-1 s3://flow-logs/AWSLogs/999/
stop_aws
echo "# access denied"
start_aws --bucket flow-logs=samples --deny
run s3://flow-logs/AWSLogs/ | sed "s|$PWD|DIR|g"
stop_aws
