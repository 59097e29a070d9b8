. "$(dirname "$0")/lib.bash"
# A listener that answers 500: each delivery is retried, then reported;
# evaluation goes on and the other targets still get every transition.
start_listener fail
flowmon alarm --notify "webhook:$url" --notify-retries 1 --notify file:ok.jsonl --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null 2> err.txt
echo "exit $?"
kill $listener
sed "s/127.0.0.1:[0-9]*/127.0.0.1:PORT/" err.txt
echo "requests: $(wc -l < bodies.txt), delivered to file: $(wc -l < ok.jsonl)"
