# The same alarms, asserted to fire: the SSH alarm ended OK, so the check fails.
flowmon check --config samples/check/metric-filters.json --config samples/check/alarms.json --config samples/check/expect-alarm.json --junit report.xml samples/ssh_rejects.log
echo "exit $?"
python3 -c "import xml.dom.minidom; d=xml.dom.minidom.parse('report.xml'); f=d.getElementsByTagName('failure'); print(len(f), 'failure:', f[0].getAttribute('message'))"
