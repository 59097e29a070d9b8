. "$(dirname "$0")/lib.bash"
echo '(earlier line)' > alarms.jsonl
flowmon alarm -q --notify file:alarms.jsonl --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null
echo "exit $?"
cat alarms.jsonl
