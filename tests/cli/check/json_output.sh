# -o json: an array of one object per alarm; -o ndjson: one object a line.
flowmon check --config samples/check/metric-filters.json --config samples/check/account-alarms.json --alarm 'ssh-*' --alarm web-under-attack -o json samples/ssh_rejects.log
echo "exit $?"
flowmon check --config samples/check/monitors.json --expect 'ssh-rejects=never-fires' -o ndjson samples/v2.log | python3 -c "
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a['name'], a['verdict'], a['expect'], a['failures'], a['final_state'], a['first_alarm'], len(a['transitions']))"
