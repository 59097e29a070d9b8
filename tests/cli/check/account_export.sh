# A whole account's describe-alarms export: the alarms no metric filter
# publishes for, metric-math and composite alarms are listed as skipped.
flowmon check --config samples/check/metric-filters.json --config samples/check/account-alarms.json --junit report.xml samples/ssh_rejects.log
echo "exit $?"
python3 -c "import xml.dom.minidom; d=xml.dom.minidom.parse('report.xml'); s=d.getElementsByTagName('testsuite')[0]; print('tests', s.getAttribute('tests'), 'skipped', s.getAttribute('skipped')); print([k.getAttribute('message') for k in d.getElementsByTagName('skipped')])"
# --alarm picks alarms by name; shell globs.
flowmon check --config samples/check/metric-filters.json --config samples/check/account-alarms.json --alarm 'ssh-*' --alarm web-under-attack samples/ssh_rejects.log
echo "exit $?"
