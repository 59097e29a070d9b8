# An unreadable input is reported; the others are still read; exit 3.
flowmon filter -c '[..., action=REJECT, status]' samples/nope.log samples/ssh_rejects.log
# The same in every command that reads records: the input error wins over
# the run's 0 or 1.
P='[..., action=REJECT, status]'
in='samples/nope.log samples/v2.log'
flowmon test-pattern "$P" $in > /dev/null 2>&1; echo "test-pattern: exit $?"
flowmon metric --pattern "$P" $in > /dev/null 2>&1; echo "metric: exit $?"
flowmon alarm --pattern "$P" --threshold 0 --comparison GreaterThanThreshold $in > /dev/null 2>&1; echo "alarm: exit $?"
flowmon check --config samples/check/monitors.json $in > /dev/null 2>&1; echo "check: exit $?"
flowmon top --by srcaddr $in > /dev/null 2>&1; echo "top: exit $?"
flowmon query 'stats count(*)' $in > /dev/null 2>&1; echo "query: exit $?"
flowmon detect $in > /dev/null 2>&1; echo "detect: exit $?"
flowmon filter -c "$P" $in
