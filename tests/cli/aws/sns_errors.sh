. "$(dirname "$0")/lib.bash"
# SNS: throttling is retried; access denied names the action and the topic;
# an ARN that is not a topic's is a usage error.
ALARM=(--pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold --notify-on ALARM samples/ssh_rejects.log)
start_aws --throttle 2
flowmon alarm -q --endpoint-url "$endpoint" --notify sns:arn:aws:sns:eu-west-1:123456789012:alerts "${ALARM[@]}" > /dev/null
echo "exit $?"
stop_aws
requests
start_aws --deny
flowmon alarm -q --endpoint-url "$endpoint" --notify sns:arn:aws:sns:eu-west-1:123456789012:alerts "${ALARM[@]}" 2>&1 > /dev/null | sed "s|$PWD|DIR|g"
stop_aws
flowmon alarm -q --notify sns:alerts "${ALARM[@]}"
echo "exit $?"
