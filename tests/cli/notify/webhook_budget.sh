. "$(dirname "$0")/lib.bash"
# A listener that never answers, a 0.55 s budget for failed deliveries: the
# first two transitions time out (0.3 s each), the third is not attempted
# but reported and kept in the dead-letter file.
start_listener hang
flowmon alarm --notify "webhook:$url" --notify-timeout 0.3 --notify-retries 0 --notify-budget 0.55 --notify-dead-letter dead.jsonl --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null 2> err.txt
echo "exit $?"
kill $listener
sed "s/127.0.0.1:[0-9]*/127.0.0.1:PORT/; s/: [0-9.]* s of failed/: N s of failed/; s/Operation timed out.*with 0 bytes received/Timeout was reached/" err.txt
echo "dead letters: $(wc -l < dead.jsonl)"
python3 -c 'import json; [print("not attempted" if json.loads(l)["error"].startswith("not attempted") else "attempted") for l in open("dead.jsonl")]'
