# Usage errors of the replay window and the low-sample setting: exit 2.
printf '1563108000,5\n' > dp.csv
flowmon alarm --datapoints dp.csv --threshold 1 --comparison GreaterThanThreshold --since 1563108600 --until 1563108000
echo "exit $?"
flowmon alarm --datapoints dp.csv --threshold 1 --comparison GreaterThanThreshold --until tomorrow
echo "exit $?"
flowmon check --config samples/check/monitors.json --since 2019-07-14T13:00 --until 2019-07-14T12:00 samples/v2.log
echo "exit $?"
flowmon alarm --datapoints dp.csv --threshold 1 --comparison GreaterThanThreshold --stat p99 --evaluate-low-sample-count-percentile skip
echo "exit $?"
# A sample count that is not a number is an input error.
printf '1563108000,5,many\n' | flowmon alarm --datapoints - --threshold 1 --comparison GreaterThanThreshold
echo "exit $?"
