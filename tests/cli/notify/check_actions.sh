. "$(dirname "$0")/lib.bash"
# check reads each alarm's AlarmActions / OKActions / InsufficientDataActions
# and --notify-map sends what an action's topic would get to a target: here
# ssh-rejects' AlarmActions topic, so only its transitions into ALARM.
flowmon check --config samples/check/metric-filters.json --config samples/check/alarms.json \
  --notify-map arn:aws:sns:us-east-1:086112738802:ssh-alerts=file:alerts.jsonl samples/ssh_rejects.log > /dev/null
echo "exit $?"
python3 -c "
import json
for line in open('alerts.jsonl'):
    m = json.loads(line)
    print(m['AlarmName'], m['OldStateValue'], '->', m['NewStateValue'], m['StateChangeTime'])"
