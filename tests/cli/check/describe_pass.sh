# describe-metric-filters + describe-alarms output, joined by metric name and namespace.
flowmon check --config samples/check/metric-filters.json --config samples/check/alarms.json --junit report.xml samples/ssh_rejects.log
echo "exit $?"
python3 -c "import xml.dom.minidom,sys; d=xml.dom.minidom.parse('report.xml'); print('valid XML;', len(d.getElementsByTagName('testcase')), 'test cases,', len(d.getElementsByTagName('failure')), 'failures')"
