# "After the attack stops, does the SSH alarm go back to OK?"
flowmon check --config samples/check/metric-filters.json --config samples/check/alarms.json --config samples/check/expect-recovery.json samples/ssh_rejects.log
echo "exit $?"
# The same as flags; a NAME may be a glob.
flowmon check --config samples/check/metric-filters.json --config samples/check/alarms.json --expect 'ssh-rejects=fires,ends-in OK' --expect 'rejected-*=never-fires' samples/ssh_rejects.log
echo "exit $?"
# Each expectation missed is a reason of the JUnit failure.
flowmon check --config samples/check/metric-filters.json --config samples/check/alarms.json --expect 'ssh-rejects=never-fires,transitions 2' --expect 'rejected-bytes-high=fires' --junit report.xml samples/ssh_rejects.log
echo "exit $?"
python3 -c "import xml.dom.minidom; d=xml.dom.minidom.parse('report.xml'); [print(f.getAttribute('message')) for f in d.getElementsByTagName('failure')]"
# --expect replaces what the configs expect: ssh-rejects' own "expect": "ALARM" no longer applies.
flowmon check --config samples/check/monitors.json --expect 'ssh-rejects=transitions 1' --expect 'ssh-rejects=ends-in ALARM' samples/v2.log
echo "exit $?"
