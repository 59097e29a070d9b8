# email:, pagerduty: and Teams bodies are made from an alarm's state change:
# a finding sent to one is a failed delivery that names why (the finding is
# still in the output, and the other targets still get it).
flowmon gen --duration 3h --scenario blocklisted:at=01:00 > b.log
flowmon detect --blocklist samples/detect/blocklist.netset \
  --notify 'pagerduty:KEY' --notify '{format=teams}webhook:http://127.0.0.1:9/' \
  --notify file:sent.json b.log > /dev/null
echo "exit $?"
wc -l < sent.json
