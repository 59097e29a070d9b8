flowmon check --config samples/check/monitors.json samples/v2.log
echo "exit $?"
# Expectations from another file override the monitors' own.
flowmon check --config samples/check/monitors.json --config samples/check/expect-quiet.json --junit report.xml samples/v2.log
echo "exit $?"
grep -c '<testcase' report.xml
