. "$(dirname "$0")/../aws/lib.bash"
# Nothing is lost: PagerDuty answering 500 (retried, then given up) and a
# slow server past the target's timeout end in the dead-letter file, one
# JSON line each; the exit status is the alarm's, as without them.
start_aws --pagerduty-fail 100
flowmon alarm -q --notify-dead-letter dead.jsonl \
  --notify "{endpoint=$endpoint/v2/enqueue;retries=1}pagerduty:KEY" \
  --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null 2> err.txt
echo "exit $?"
stop_aws
start_aws --slow 2
flowmon alarm -q --notify-dead-letter dead.jsonl --notify-on ALARM \
  --notify "{endpoint=$endpoint/v2/enqueue;retries=0;timeout=0.3}pagerduty:KEY" \
  --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null 2>> err.txt
echo "exit $?"
stop_aws
sed 's/after [0-9]* milliseconds.*/after N milliseconds/; s/Operation timed out.*/Timeout was reached/' err.txt
$PY -c "
import json
for line in open('dead.jsonl'):
    d = json.loads(line)
    print(d['target'], '|', d['error'].split(' after ')[0][:40], '|', d['subject'], '|', d['message']['OldStateValue'], '->', d['message']['NewStateValue'])"
