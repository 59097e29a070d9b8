. "$(dirname "$0")/lib.bash"
start_listener ok
flowmon alarm -q --notify "webhook:$url" --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null
echo "exit $?"
kill $listener
python3 -c "
import json
for line in open('bodies.txt'):
    ctype, body = line.split(' ', 1)
    m = json.loads(body)
    print(ctype, m['OldStateValue'], '->', m['NewStateValue'], m['StateChangeTime'], m['AlarmArn'])"
